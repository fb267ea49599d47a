import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createCoordinatorServer } from '../../features/agents/mcp/createServer';
import type { McpSession } from '../../features/agents/mcp/session';

const SERVER_VERSION = '0.1.0';

/** Serves the session on stdin/stdout until the client closes the pipe. */
export async function serveOverStdio(
  session: McpSession,
  onCreated: (server: McpServer) => void,
): Promise<void> {
  const server = createCoordinatorServer(session, SERVER_VERSION);
  onCreated(server);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport());
  const close = () => void server.close();
  process.stdin.once('end', close);
  process.stdin.once('close', close);
  await closed;
}
