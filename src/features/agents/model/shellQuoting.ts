/**
 * Putting task text (a brief path, a task id, a branch) into a command line the user wrote for
 * their terminal's shell, so that the text stays one literal piece of the argument it stands in,
 * whether the placeholder sits bare, inside '…' or inside "…" in the user's line.
 */

type Context = 'bare' | 'single' | 'double';

export interface ShellSyntax {
  /** Escapes the next character outside single quotes (`\` POSIX, `` ` `` PowerShell, `^` cmd). */
  escape: string;
  /** Whether '…' quotes text (not in cmd.exe). */
  singleQuotes: boolean;
  insert: Record<Context, (value: string) => string>;
}

const POSIX_BARE_SAFE = /^[A-Za-z0-9_./:=@%+-]+$/;

export function posixQuote(value: string): string {
  return POSIX_BARE_SAFE.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * POSIX shells. Inside "…" the value goes in as a '…' piece between two halves of the user's
 * double quotes ("a "'v'" b" is one word): backslashes inside double quotes do not stop an
 * interactive bash's history expansion, single quotes do.
 */
export const POSIX: ShellSyntax = {
  escape: '\\',
  singleQuotes: true,
  insert: {
    bare: posixQuote,
    single: (value) => value.replace(/'/g, `'\\''`),
    double: (value) => `"${posixQuote(value)}"`,
  },
};

/**
 * PowerShell. Double quotes are removed from values everywhere: PowerShell hands them unescaped
 * to native programs (and through .cmd shims to cmd.exe), where they would end the argument.
 */
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;
const DOUBLE_QUOTES = /["\u201c\u201d\u201e]/g;

export function powerShellQuote(value: string): string {
  const text = value.replace(DOUBLE_QUOTES, '');
  // Bare words starting with `-` or `@` are parameters or splats, so those are quoted too.
  return /^[A-Za-z0-9_./:\\][A-Za-z0-9_./:\\-]*$/.test(text)
    ? text
    : `'${text.replace(POWERSHELL_SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

export const POWERSHELL: ShellSyntax = {
  escape: '`',
  singleQuotes: true,
  insert: {
    bare: powerShellQuote,
    single: (value) =>
      value.replace(DOUBLE_QUOTES, '').replace(POWERSHELL_SINGLE_QUOTES, (quote) => quote + quote),
    double: (value) => value.replace(DOUBLE_QUOTES, '').replace(/[`$]/g, '`$&'),
  },
};

/**
 * cmd.exe: inside "…" everything but `"` and `%` is literal, and neither can be escaped there,
 * so both are dropped from values (with line breaks).
 */
function cmdText(value: string): string {
  return value.replace(/["%\r\n]/g, '');
}

export function cmdQuote(value: string): string {
  const text = cmdText(value);
  return /^[A-Za-z0-9_./:=@+\\-]+$/.test(text) ? text : `"${text}"`;
}

export const CMD: ShellSyntax = {
  escape: '^',
  singleQuotes: false,
  insert: { bare: cmdQuote, single: cmdQuote, double: cmdText },
};

/** The syntax of a terminal whose shell is `shellPath` (VS Code's `env.shell`); POSIX by default. */
export function shellSyntaxFor(shellPath: string | undefined): ShellSyntax {
  const name = (shellPath ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (/^(pwsh|powershell)(\.exe)?$/.test(name)) {
    return POWERSHELL;
  }
  if (/^cmd(\.exe)?$/.test(name)) {
    return CMD;
  }
  return POSIX;
}

/**
 * Replaces each `${name}` of `values` in `line`, quoted for where it stands. The line is read
 * left to right, following the shell's quotes and escapes; other text is left as written.
 */
export function substituteQuoted(
  line: string,
  values: Readonly<Record<string, string>>,
  syntax: ShellSyntax,
): string {
  let context: Context = 'bare';
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const placeholder =
      ch === '$' && line[i + 1] === '{' ? /^\$\{(\w+)\}/.exec(line.slice(i)) : null;
    if (placeholder && Object.hasOwn(values, placeholder[1])) {
      out += syntax.insert[context](values[placeholder[1]]);
      i += placeholder[0].length - 1;
    } else if (ch === syntax.escape && context !== 'single' && i + 1 < line.length) {
      out += ch + line[i + 1];
      i++;
    } else {
      if (ch === "'" && syntax.singleQuotes && context !== 'double') {
        context = context === 'single' ? 'bare' : 'single';
      } else if (ch === '"' && context !== 'single') {
        context = context === 'double' ? 'bare' : 'double';
      }
      out += ch;
    }
  }
  return out;
}
