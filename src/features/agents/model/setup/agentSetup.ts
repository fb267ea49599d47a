import { agentProgramOf, type AgentKind } from '../agentKinds';
import type { ShellSyntax } from '../shellQuoting';
import { claudeSetup } from './claudeSetup';
import { codexSetup } from './codexSetup';
import { COPILOT_HOOKS_FILE, copilotSetup } from './copilotSetup';
import { coordinatorServerName, type AgentSetupInput } from './setupInput';

export type ConfiguredAgent = Exclude<AgentKind, 'other'>;

/** What Start Task writes for a task's agents, and the flags each agent is started with. */
export interface AgentSetup {
  serverName: string;
  files: { path: string; text: string }[];
  /** Files an agent reads only from the worktree itself, by path from its root. */
  worktreeFiles: { relative: string; text: string }[];
  flags: Record<ConfiguredAgent, string[]>;
}

export function agentSetup(input: AgentSetupInput): AgentSetup {
  const serverName = coordinatorServerName(input.projectMcpServers);
  const claude = claudeSetup(input, serverName);
  const codex = codexSetup(input, serverName);
  const copilot = copilotSetup(input, serverName);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    serverName,
    files: [
      { path: claude.mcpConfigPath, text: json(claude.mcpConfig) },
      { path: claude.settingsPath, text: json(claude.settings) },
      { path: copilot.mcpConfigPath, text: json(copilot.mcpConfig) },
    ],
    worktreeFiles: [{ relative: COPILOT_HOOKS_FILE, text: json(copilot.hooks) }],
    flags: { claude: claude.flags, codex: codex.flags, copilot: copilot.flags },
  };
}

/** A flag that says the user's command line already connects the agent its own way. */
const OWN_SETUP: Record<ConfiguredAgent, RegExp> = {
  claude: /--mcp-config\b/,
  codex: /\bmcp_servers\./,
  copilot: /--additional-mcp-config\b/,
};

/**
 * The command line with the agent's flags right after the word that names the agent (`claude`,
 * `npx @openai/codex`, ...), each quoted for the terminal's shell. A line for another agent, or
 * one that already passes its own MCP configuration, is left as written.
 */
export function withAgentFlags(
  commandLine: string,
  flags: Readonly<Record<ConfiguredAgent, readonly string[]>>,
  syntax: ShellSyntax,
): { line: string; kind: AgentKind } {
  const program = agentProgramOf(commandLine);
  if (program.kind === 'other' || OWN_SETUP[program.kind].test(commandLine)) {
    return { line: commandLine, kind: program.kind };
  }
  const added = flags[program.kind].map((word) => syntax.insert.bare(word)).join(' ');
  return {
    line: `${commandLine.slice(0, program.end)} ${added}${commandLine.slice(program.end)}`,
    kind: program.kind,
  };
}
