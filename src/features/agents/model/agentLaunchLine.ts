import { agentProgramOf, type AgentKind } from './agentKinds';
import type { ShellSyntax } from './shellQuoting';
import { withAgentFlags, type AgentSetup } from './setup/agentSetup';

/** The line typed in the agent's terminal: with the agent's own flags when its setup was written. */
export function agentLaunchLine(
  commandLine: string,
  setup: Pick<AgentSetup, 'flags'> | undefined,
  syntax: ShellSyntax,
): { line: string; kind: AgentKind } {
  return setup
    ? withAgentFlags(commandLine, setup.flags, syntax)
    : { line: commandLine, kind: agentProgramOf(commandLine).kind };
}
