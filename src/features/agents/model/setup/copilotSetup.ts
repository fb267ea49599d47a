import { join } from 'node:path';
import { coordinatorServer, type AgentSetupInput, type StdioServer } from './setupInput';

export interface CopilotSetup {
  mcpConfigPath: string;
  mcpConfig: { mcpServers: Record<string, { type: 'local'; tools: string[] } & StdioServer> };
  flags: string[];
}

/**
 * Copilot CLI: the server in a file given to `--additional-mcp-config @FILE` (added to the user's
 * own configuration for this run), and `--allow-tool SERVER` so its tools run without a prompt.
 * Copilot passes only PATH on to servers, so the task key is in the entry's `env`.
 */
export function copilotSetup(input: AgentSetupInput, serverName: string): CopilotSetup {
  const mcpConfigPath = join(input.dir, 'copilot-mcp.json');
  return {
    mcpConfigPath,
    mcpConfig: {
      mcpServers: {
        [serverName]: { type: 'local', ...coordinatorServer(input), tools: ['*'] },
      },
    },
    // `--allow-tool` takes several values: in one word it cannot swallow the user's prompt.
    flags: ['--additional-mcp-config', `@${mcpConfigPath}`, `--allow-tool=${serverName}`],
  };
}
