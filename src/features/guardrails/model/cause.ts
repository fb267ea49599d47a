/**
 * The likeliest cause of a failed guardrail, read from the last lines of its output: most real
 * guardrails are `make` targets, so a missing command, a script without its execute bit and a
 * missing module all end as "exit code 2" unless the lines before say which.
 */
export interface FailureCause {
  /** `notFound`, `notExecutable`, `missingModule`, `missingInterpreter`: nothing was checked. */
  kind: 'notFound' | 'notExecutable' | 'missingModule' | 'missingInterpreter' | 'make';
  /** One line for people, e.g. `not executable (permission denied): ./scripts/check.sh`. */
  text: string;
}

/**
 * What starts a line the shell or make wrote about a command it could not run (`/bin/sh: 1: `,
 * `bash: line 2: `, `make: `): the same words from the check itself are its findings, not a cause.
 */
const LAUNCHER =
  '(?:(?:/usr)?/bin/)?(?:sh|bash|dash|zsh|ksh|make(?:\\[\\d+\\])?)(?::? ?(?:line )?\\d+)?: ';

const INTERPRETER = /^(?:.*\/)?(python|node|ruby|perl|php|java|deno|bun|bash|zsh)[\d.]*$/;

interface Rule {
  kind: Exclude<FailureCause['kind'], 'make'>;
  pattern: RegExp;
  text(match: RegExpExecArray): string;
}

/** Checked in order on each line, last line first; the first rule that matches a line wins. */
const RULES: Rule[] = [
  {
    kind: 'missingModule',
    pattern: /ModuleNotFoundError: No module named '([^']+)'/,
    text: (m) => `missing Python module ${m[1]}`,
  },
  {
    kind: 'missingModule',
    pattern: /Error: Cannot find module '([^']+)'/,
    text: (m) => `missing Node module ${m[1]}`,
  },
  {
    kind: 'missingModule',
    pattern: /cannot load such file -- (\S+)/,
    text: (m) => `missing Ruby library ${m[1]}`,
  },
  {
    kind: 'missingInterpreter',
    pattern: /requires (Python|Node(?:\.js)?|Ruby)\s*(?:version\s*)?([<>=~^!]*\s*\d[\d.]*)/i,
    text: (m) => `needs ${m[1]} ${m[2].replace(/\s+/g, '')}`,
  },
  {
    kind: 'missingInterpreter',
    // Quoted as the locale quotes: 'python3.11' or ‘python3.11’.
    pattern: /env: ['\u2018"]?([^'\u2018\u2019":\s]+)['\u2019"]?: No such file or directory/,
    text: (m) => `missing interpreter ${m[1]}`,
  },
  {
    kind: 'notExecutable',
    pattern: new RegExp(`^${LAUNCHER}([^\\s:]+): Permission denied`),
    text: (m) => `not executable (permission denied): ${m[1]}`,
  },
  {
    kind: 'notFound',
    pattern: new RegExp(`^${LAUNCHER}([^\\s:]+): (?:command )?not found`, 'i'),
    text: (m) => `command not found: ${m[1]}`,
  },
  {
    kind: 'notFound',
    pattern: /command not found: (\S+)$/,
    text: (m) => `command not found: ${m[1]}`,
  },
  {
    kind: 'notFound',
    pattern: /(?:^|: )([^\s:]+): command not found/,
    text: (m) => `command not found: ${m[1]}`,
  },
  {
    kind: 'notFound',
    pattern: /^make(?:\[\d+\])?: ([^\s:]+): No such file or directory/,
    text: (m) => `command not found: ${m[1]}`,
  },
];

const MAKE_ERROR = /^make(?:\[\d+\])?: \*\*\* \[.+\] Error \d+/;

/** The likeliest cause in `lines` (oldest first, ANSI removed), or undefined when none is known. */
export function likeliestCause(lines: readonly string[]): FailureCause | undefined {
  const makeIndex = findLast(lines, (line) => MAKE_ERROR.test(line.trim()));
  const makeLine = makeIndex === -1 ? undefined : lines[makeIndex].trim();
  for (let i = lines.length - 1; i >= 0; i--) {
    for (const rule of RULES) {
      const match = rule.pattern.exec(lines[i].trim());
      if (match) {
        const kind =
          rule.kind === 'notFound' && INTERPRETER.test(match[1]) ? 'missingInterpreter' : rule.kind;
        const text = kind === rule.kind ? rule.text(match) : `missing interpreter ${match[1]}`;
        return { kind, text: makeLine ? `${text} (${makeLine})` : text };
      }
    }
  }
  if (makeLine === undefined) {
    return undefined;
  }
  const before = makeIndex > 0 ? lines[makeIndex - 1].trim() : '';
  return {
    kind: 'make',
    text: before !== '' && !MAKE_ERROR.test(before) ? `${makeLine}, after: ${before}` : makeLine,
  };
}

function findLast(lines: readonly string[], test: (line: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (test(lines[i])) {
      return i;
    }
  }
  return -1;
}
