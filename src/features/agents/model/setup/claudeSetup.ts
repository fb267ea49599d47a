import { join } from 'node:path';
import { posixQuote } from '../shellQuoting';
import type { CoordLauncher } from '../coordCommand';
import type { HookSource } from '../hookPayloads';
import { coordinatorServer, type AgentSetupInput } from './setupInput';

/** The hook events whose input `coord agent-state --from claude` turns into a state. */
export const CLAUDE_HOOK_EVENTS = [
  'SessionStart',
  'UserPromptSubmit',
  'PostToolUse',
  'Notification',
  'Stop',
  'SessionEnd',
] as const;

export interface ClaudeSetup {
  mcpConfigPath: string;
  mcpConfig: {
    mcpServers: Record<string, { type: 'stdio' } & ReturnType<typeof coordinatorServer>>;
  };
  settingsPath: string;
  settings: ClaudeSettings;
  /** `claude --mcp-config FILE --settings FILE`: added for this run only, merged with the user's. */
  flags: string[];
}

export interface ClaudeSettings {
  hooks: Record<string, { hooks: { type: 'command'; command: string }[] }[]>;
  permissions: { allow: string[] };
  enabledMcpjsonServers?: string[];
}

/**
 * Claude Code: the server in a file passed with `--mcp-config` (next to the repository's own
 * `.mcp.json`, which is read as usual), and settings passed with `--settings`: hooks that report
 * the agent's state, its tools allowed without a prompt, and (in a trusted workspace) the
 * repository's `.mcp.json` servers enabled, so an unattended agent does not stop at the approval
 * question.
 */
export function claudeSetup(input: AgentSetupInput, serverName: string): ClaudeSetup {
  const mcpConfigPath = join(input.dir, 'claude-mcp.json');
  const settingsPath = join(input.dir, 'claude-settings.json');
  const hook = hookCommand(input.launcher, input.taskKey, 'claude');
  const settings: ClaudeSettings = {
    hooks: Object.fromEntries(
      CLAUDE_HOOK_EVENTS.map((event) => [event, [{ hooks: [{ type: 'command', command: hook }] }]]),
    ),
    permissions: { allow: [`mcp__${serverName}`] },
  };
  if (input.approveProjectServers && input.projectMcpServers.length > 0) {
    settings.enabledMcpjsonServers = [...input.projectMcpServers];
  }
  return {
    mcpConfigPath,
    mcpConfig: { mcpServers: { [serverName]: { type: 'stdio', ...coordinatorServer(input) } } },
    settingsPath,
    settings,
    flags: ['--mcp-config', mcpConfigPath, '--settings', settingsPath],
  };
}

/** The shell line a hook runs (Claude Code runs hooks with a POSIX shell, Git Bash on Windows). */
export function hookCommand(launcher: CoordLauncher, taskKey: string, source: HookSource): string {
  const env = Object.entries(launcher.env ?? {}).map(
    ([name, value]) => `${name}=${posixQuote(value)}`,
  );
  return [
    ...env,
    ...launcher.command.map(posixQuote),
    'agent-state',
    posixQuote(taskKey),
    '--from',
    source,
  ].join(' ');
}
