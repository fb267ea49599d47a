import type { CoordLauncher } from '../coordCommand';

/** What every agent's configuration is made from. */
export interface AgentSetupInput {
  /** How to run `coord` (the repository's launcher, normally). */
  launcher: CoordLauncher;
  taskKey: string;
  /** What `coord mcp` and the hooks need in their environment: the task key, at least. */
  env: Readonly<Record<string, string>>;
  /** Absolute path of the canonical task file. */
  taskFilePath: string;
  /** Folder for the generated files: the worktree's own git dir, so git never lists them. */
  dir: string;
  /** Server names the repository's own `.mcp.json` declares (left as they are). */
  projectMcpServers: readonly string[];
  /**
   * Whether the agent may start those servers without asking (a trusted workspace): an unattended
   * agent would otherwise stop at the approval question.
   */
  approveProjectServers: boolean;
}

/** One stdio MCP server entry, as Claude Code, Copilot CLI and Codex all describe it. */
export interface StdioServer {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export const DEFAULT_SERVER_NAME = 'coordinator';

/** `coordinator`, unless the repository's `.mcp.json` already uses that name for its own server. */
export function coordinatorServerName(projectMcpServers: readonly string[]): string {
  return projectMcpServers.includes(DEFAULT_SERVER_NAME)
    ? `agent-${DEFAULT_SERVER_NAME}`
    : DEFAULT_SERVER_NAME;
}

/** `coord mcp` for the task, with the task in its environment (not every agent passes its own on). */
export function coordinatorServer(input: AgentSetupInput): StdioServer {
  const [command, ...leading] = input.launcher.command;
  if (command === undefined) {
    throw new Error('The coord launcher has no command.');
  }
  return {
    command,
    args: [...leading, 'mcp', '--file', input.taskFilePath],
    env: { ...input.launcher.env, ...input.env },
  };
}
