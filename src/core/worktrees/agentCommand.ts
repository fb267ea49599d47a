import type { Task } from '../model/types';
import { splitOwners } from '../model/owners';

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
export function agentCommandTemplate(agents: Readonly<Record<string, string>>, task: Pick<Task, 'owner' | 'owners'>): string | undefined {
  const byName = new Map(Object.entries(agents).map(([name, line]) => [name.trim().toLowerCase(), line]));
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
 * Substitutes `${brief}`, `${taskId}` and `${branch}` in a command line for the
 * terminal's shell; each value is quoted (see `quoteForShell`) so task text
 * cannot add shell syntax. Other `${...}` text is left for the shell.
 */
export function expandAgentCommand(line: string, values: AgentCommandValues, quote: (value: string) => string = posixQuote): string {
  return line.replace(/\$\{(brief|taskId|branch)\}/g, (_placeholder, name: keyof AgentCommandValues) => quote(values[name]));
}

export function posixQuote(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(value)) {
    return value;
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell: single quotes take everything literally but a single quote, which doubles. */
export function powerShellQuote(value: string): string {
  // Bare words starting with `-` or `@` are parameters or splats, so those are quoted too.
  if (/^[A-Za-z0-9_./:\\][A-Za-z0-9_./:\\-]*$/.test(value)) {
    return value;
  }
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/**
 * cmd.exe: double quotes keep spaces and `&|<>^` literal; a double quote cannot be escaped inside
 * them, and `%` would expand a variable, so both are dropped from the value.
 */
export function cmdQuote(value: string): string {
  const safe = value.replace(/["%\r\n]/g, '');
  return /^[A-Za-z0-9_./:=@+\\-]+$/.test(safe) ? safe : `"${safe}"`;
}

/** The quoting for a terminal whose shell is `shellPath` (VS Code's `env.shell`); POSIX by default. */
export function quoteForShell(shellPath: string | undefined): (value: string) => string {
  const name = (shellPath ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (/^(pwsh|powershell)(\.exe)?$/.test(name)) {
    return powerShellQuote;
  }
  if (/^cmd(\.exe)?$/.test(name)) {
    return cmdQuote;
  }
  return posixQuote;
}
