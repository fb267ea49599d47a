import type { OutputStream } from './types';

/**
 * What a guardrail's `expected` asks of its output, as people mean it: text matches whatever its
 * case, and a number in it matches only that whole number (`0 violations` is not found in
 * `10 violations`); `/regex/flags` is a JavaScript regular expression. Each is looked for within
 * one line of stdout or stderr; a list asks for all of them.
 */
export interface Expectation {
  kind: 'text' | 'pattern';
  /** As written in the task file. */
  source: string;
  pattern: RegExp;
}

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/** Reads one `expected` entry: `/…/flags` is a pattern (when it compiles), anything else text. */
export function parseExpectation(source: string): Expectation {
  const literal = REGEX_LITERAL.exec(source);
  if (literal) {
    try {
      const pattern = new RegExp(literal[1], literal[2].replace(/[gy]/g, ''));
      return { kind: 'pattern', source, pattern };
    } catch {
      // Not a valid pattern: looked for as text, slashes included.
    }
  }
  const escaped = source.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const before = /^\d/.test(source) ? '(?<!\\d)' : '';
  const after = /\d$/.test(source) ? '(?!\\d)' : '';
  return { kind: 'text', source, pattern: new RegExp(`${before}${escaped}${after}`, 'iu') };
}

/** `"0 violations"` for text, `/hits: 0$/` for a pattern, as the verdict line shows it. */
export function describeExpectation(expectation: Expectation): string {
  return expectation.kind === 'pattern' ? expectation.source : JSON.stringify(expectation.source);
}

export interface ExpectationResult {
  /** `describeExpectation` of what was looked for. */
  expected: string;
  /** The first output line it matched, trimmed and shortened; absent when it was not found. */
  matchedLine?: string;
}

/** Lines longer than this are matched in pieces (a match across a cut is missed). */
const MAX_LINE_CHARS = 64 * 1024;
const SHOWN_LINE_CHARS = 120;

/**
 * Matches expectations line by line against streamed output, in bounded memory. Each chunk's whole
 * lines are searched at once with a multiline copy of each pattern (it matches wherever some line
 * matches), and only a hit is narrowed down to its line: splitting every chunk into lines cost more
 * than the rest of the runner.
 */
export class ExpectationMatcher {
  private readonly partial: Record<OutputStream, string> = { stdout: '', stderr: '' };
  private readonly matched: (string | undefined)[];
  private readonly multiline: RegExp[];
  private pending: number;

  constructor(private readonly expectations: readonly Expectation[]) {
    this.matched = expectations.map(() => undefined);
    this.multiline = expectations.map(({ pattern }) =>
      pattern.multiline ? pattern : new RegExp(pattern.source, `${pattern.flags}m`),
    );
    this.pending = expectations.length;
  }

  push(chunk: string, stream: OutputStream): void {
    if (this.pending === 0) {
      return;
    }
    const text = this.partial[stream] + chunk;
    const end = text.lastIndexOf('\n');
    let rest = end === -1 ? text : text.slice(end + 1);
    if (end !== -1) {
      this.search(text.slice(0, end));
    }
    if (rest.length > MAX_LINE_CHARS) {
      this.search(rest);
      rest = '';
    }
    this.partial[stream] = rest;
  }

  /** Matches the unfinished last lines and gives each expectation's result, in order. */
  finish(): ExpectationResult[] {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream] !== '') {
        this.search(this.partial[stream]);
        this.partial[stream] = '';
      }
    }
    return this.expectations.map((expectation, i) => {
      const result: ExpectationResult = { expected: describeExpectation(expectation) };
      if (this.matched[i] !== undefined) {
        result.matchedLine = this.matched[i];
      }
      return result;
    });
  }

  /** Searches whole lines of text (joined by newlines) for every expectation not matched yet. */
  private search(lines: string): void {
    for (let i = 0; i < this.expectations.length; i++) {
      if (this.matched[i] !== undefined) {
        continue;
      }
      const hit = this.multiline[i].exec(lines);
      if (!hit) {
        continue;
      }
      const line = this.firstMatchingLine(lines, hit.index, this.expectations[i].pattern);
      if (line !== undefined) {
        this.matched[i] = shown(line);
        this.pending--;
      }
    }
  }

  /** The line holding the hit when it matches on its own, else (a hit across lines) the first line that does. */
  private firstMatchingLine(lines: string, at: number, pattern: RegExp): string | undefined {
    const start = lines.lastIndexOf('\n', at - 1) + 1;
    const end = lines.indexOf('\n', at);
    const line = lines.slice(start, end === -1 ? lines.length : end);
    if (pattern.test(line)) {
      return line;
    }
    return lines.split('\n').find((candidate) => pattern.test(candidate));
  }
}

function shown(line: string): string {
  const visible = line.slice(line.lastIndexOf('\r', line.length - 2) + 1).trim();
  return visible.length > SHOWN_LINE_CHARS ? `${visible.slice(0, SHOWN_LINE_CHARS)}…` : visible;
}
