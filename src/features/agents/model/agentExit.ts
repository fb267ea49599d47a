/** POSIX shells exit with these when they cannot run the command at all; cmd.exe with 9009. */
const NOT_FOUND = new Set([127, 9009]);
const NOT_EXECUTABLE = 126;

export interface AgentExitMessage {
  text: string;
  /** The command itself could not run: the fix is in `coordinator.agents` or the PATH. */
  commandProblem: boolean;
  failed: boolean;
}

/**
 * What to tell the user when an agent ends. `command` is the command line's first word when
 * shell integration reported the command; without it only the terminal's own exit is known,
 * whose code may belong to whatever ran last, so it is not read as "not found".
 */
export function agentExitMessage(
  command: string | undefined,
  taskName: string,
  exitCode: number | undefined,
): AgentExitMessage {
  const subject = `${command ? `\`${command}\`` : 'The agent terminal'} for "${taskName}"`;
  if (exitCode === undefined) {
    return { text: `${subject} ended.`, commandProblem: false, failed: false };
  }
  if (exitCode === 0) {
    return { text: `${subject} finished (exit code 0).`, commandProblem: false, failed: false };
  }
  if (command && NOT_FOUND.has(exitCode)) {
    return {
      text: `${subject} could not start: the command was not found (exit code ${exitCode}). Install the agent, or change its command line in the coordinator.agents setting.`,
      commandProblem: true,
      failed: true,
    };
  }
  if (command && exitCode === NOT_EXECUTABLE) {
    return {
      text: `${subject} could not start: the command is not executable (exit code 126). Check the coordinator.agents setting.`,
      commandProblem: true,
      failed: true,
    };
  }
  return {
    text: `${subject} failed (exit code ${exitCode}).`,
    commandProblem: false,
    failed: true,
  };
}
