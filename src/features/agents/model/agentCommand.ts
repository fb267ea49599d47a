import type { Task } from '../../../kernel/model/types';
import { splitOwners } from '../../../kernel/model/owners';
import { POSIX, substituteQuoted, type ShellSyntax } from './shellQuoting';

export interface AgentCommandValues {
  /** Absolute path of the brief file. */
  brief: string;
  taskId: string;
  branch: string;
}

/**
 * The command line configured (`coordinator.agents`, owner → command line) for
 * the task's owner: the whole owner text first, then each owner in order,
 * case-insensitively. Undefined when no owner has one.
 */
export function agentCommandTemplate(
  agents: Readonly<Record<string, string>>,
  task: Pick<Task, 'owner' | 'owners'>,
): string | undefined {
  const byName = new Map(
    Object.entries(agents).map(([name, line]) => [name.trim().toLowerCase(), line]),
  );
  const names = [task.owner, ...task.owners, ...splitOwners(task.owner)];
  for (const name of names) {
    const line = byName.get(name.trim().toLowerCase());
    if (line && line.trim().length > 0) {
      return line;
    }
  }
  return undefined;
}

/**
 * Substitutes `${brief}`, `${taskId}` and `${branch}` in a command line for the terminal's
 * shell, each quoted for where it stands (bare, in '…' or in "…") so task text cannot add
 * shell syntax. Other `${...}` text is left for the shell.
 */
export function expandAgentCommand(
  line: string,
  values: AgentCommandValues,
  syntax: ShellSyntax = POSIX,
): string {
  return substituteQuoted(
    line,
    { brief: values.brief, taskId: values.taskId, branch: values.branch },
    syntax,
  );
}
