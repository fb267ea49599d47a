import { join } from 'node:path';
import { hookCommand } from './claudeSetup';
import { coordinatorServer, type AgentSetupInput, type StdioServer } from './setupInput';

/**
 * The hook events whose input `coord agent-state --from copilot` turns into a state, by the names
 * that make Copilot CLI send `hook_event_name` (PascalCase; `notification` has it in any case).
 */
export const COPILOT_HOOK_EVENTS = [
  'SessionStart',
  'UserPromptSubmit',
  'PostToolUse',
  'notification',
  'Stop',
  'SessionEnd',
] as const;

/**
 * Where Copilot CLI reads hooks: only `.github/hooks/*.json` in the repository (no per-run flag),
 * so this file goes into the worktree, kept out of `git status` by `info/exclude`.
 */
export const COPILOT_HOOKS_FILE = '.github/hooks/coordinator-agent-state.json';

export interface CopilotHooks {
  version: 1;
  hooks: Record<string, { type: 'command'; bash: string; timeoutSec: number }[]>;
}

export interface CopilotSetup {
  mcpConfigPath: string;
  mcpConfig: { mcpServers: Record<string, { type: 'local'; tools: string[] } & StdioServer> };
  hooks: CopilotHooks;
  flags: string[];
}

/**
 * Copilot CLI: the server in a file given to `--additional-mcp-config @FILE` (added to the user's
 * own configuration for this run), `--allow-tool SERVER` so its tools run without a prompt, and
 * hooks that report the agent's state. Copilot passes only PATH on to servers, so the task key is
 * in the entry's `env`; the hooks name the task themselves.
 */
export function copilotSetup(input: AgentSetupInput, serverName: string): CopilotSetup {
  const mcpConfigPath = join(input.dir, 'copilot-mcp.json');
  const hook = hookCommand(input.launcher, input.taskKey, 'copilot');
  return {
    mcpConfigPath,
    mcpConfig: {
      mcpServers: {
        [serverName]: { type: 'local', ...coordinatorServer(input), tools: ['*'] },
      },
    },
    hooks: {
      version: 1,
      hooks: Object.fromEntries(
        COPILOT_HOOK_EVENTS.map((event) => [
          event,
          [{ type: 'command', bash: hook, timeoutSec: 10 }],
        ]),
      ),
    },
    // `--allow-tool` takes several values: in one word it cannot swallow the user's prompt.
    flags: ['--additional-mcp-config', `@${mcpConfigPath}`, `--allow-tool=${serverName}`],
  };
}
