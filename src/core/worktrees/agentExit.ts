/** Shells exit with these when they cannot run the command at all. */
const NOT_FOUND = 127;
const NOT_EXECUTABLE = 126;

export interface AgentExitMessage {
  text: string;
  /** The command itself could not run: the fix is in `coordinator.agents` or the PATH. */
  commandProblem: boolean;
  failed: boolean;
}

/**
 * What to tell the user when an agent's terminal command ends. `who` names it: the command
 * (`` `claude` ``) when shell integration reported it, else "The agent terminal".
 */
export function agentExitMessage(who: string, taskName: string, exitCode: number | undefined): AgentExitMessage {
  const subject = `${who} for "${taskName}"`;
  if (exitCode === undefined) {
    return { text: `${subject} ended.`, commandProblem: false, failed: false };
  }
  if (exitCode === 0) {
    return { text: `${subject} finished (exit code 0).`, commandProblem: false, failed: false };
  }
  if (exitCode === NOT_FOUND) {
    return {
      text: `${subject} could not start: the command was not found (exit code 127). Install the agent, or change its command line in the coordinator.agents setting.`,
      commandProblem: true,
      failed: true,
    };
  }
  if (exitCode === NOT_EXECUTABLE) {
    return {
      text: `${subject} could not start: the command is not executable (exit code 126). Check the coordinator.agents setting.`,
      commandProblem: true,
      failed: true,
    };
  }
  return { text: `${subject} failed (exit code ${exitCode}).`, commandProblem: false, failed: true };
}
