import { MCP_RUNTIME_ENV, MCP_RUNTIME_FLAGS } from './mcpRuntimeFlags';

/** How an editor starts `coord mcp` for one workspace folder that has a plan. */
export interface McpLaunch {
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export interface PlanFolder {
  name: string;
  path: string;
  taskFile: string;
  /** `coordinator.mcp.allowOtherTasks` for the folder, wherever it was set. */
  allowOtherTasks: boolean;
}

/**
 * One server per folder with a plan, run by the editor's own runtime: `ELECTRON_RUN_AS_NODE`
 * makes a desktop VS Code's executable behave as Node (plain Node ignores it), which takes the
 * server's V8 options and allocator setting as Node does.
 */
export function mcpServerLaunches(
  folders: readonly PlanFolder[],
  runtime: string,
  cliPath: string,
): McpLaunch[] {
  return folders.map((folder) => ({
    label: folders.length > 1 ? `Agent Coordinator (${folder.name})` : 'Agent Coordinator',
    command: runtime,
    args: [
      ...MCP_RUNTIME_FLAGS,
      cliPath,
      'mcp',
      '--file',
      folder.taskFile,
      ...(folder.allowOtherTasks ? ['--allow-other-tasks'] : []),
    ],
    cwd: folder.path,
    env: { ELECTRON_RUN_AS_NODE: '1', ...MCP_RUNTIME_ENV },
  }));
}
