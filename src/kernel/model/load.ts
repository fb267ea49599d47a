import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { buildModel, type ReadSpans } from './buildModel';
import { duplicateMemberProblems } from './duplicateMembers';
import { buildGraph } from './graph';
import { isPlainObject } from './layout';
import { LineIndex, locatePath, type JsonPath } from './locate';
import { outlineChild, outlineJson, type OutlineNode } from './outline';
import type { Problem } from './problems';
import { deriveSummary, reportSummaryDrift } from './summary';
import { rememberLoadDetails, type RootPositions } from './loadDetails';
import type { Diagnostic, LoadedTaskFile, TaskModel, TextRange } from './types';

/** Tasks sit at most three levels down (`tasks.<group>.<key>`), so the outline stops there. */
const OUTLINE_DEPTH = 3;
/** Nested plans keep tasks five levels down (`task_categories.<name>.tasks.<key>`). */
const NESTED_OUTLINE_DEPTH = 5;

/**
 * Reads a task file: parse, validate, normalise, graph, summary and located diagnostics.
 * Pure and total: any text gives a result, never an exception.
 */
export function loadTaskFile(text: string): LoadedTaskFile {
  try {
    return load(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'internal',
          message: `could not read the task file: ${message}`,
          line: 1,
          column: 1,
          range: { offset: 0, length: 0 },
        },
      ],
      broken: true,
      text,
    };
  }
}

function load(text: string): LoadedTaskFile {
  let doc: unknown;
  try {
    // The native parser is an order of magnitude faster than a syntax tree; offsets come from the outline.
    doc = JSON.parse(text);
  } catch (error) {
    return {
      diagnostics: looksLikeMarkdown(text) ? markdownDiagnostic() : syntaxDiagnostics(text, error),
      broken: true,
      text,
    };
  }
  const problems: Problem[] = [];
  const report = (problem: Problem) => problems.push(problem);
  const nested = isPlainObject(doc) && doc.tasks === undefined;
  const depth = nested ? NESTED_OUTLINE_DEPTH : OUTLINE_DEPTH;
  // Tasks as spans, not nodes: the outline of every task object was a large plan's largest cost.
  const outline = outlineJson(text, depth, { memberSpans: !nested });
  const readSpans: ReadSpans = new Map();
  const model = buildModel(doc, { root: outline, text }, report, readSpans);
  reportDuplicateMembers(text, problems, doc, model);
  // Members at the outline's last level are spans: a problem placed there needs them as nodes.
  const nodes = (deepest: number) =>
    nested || deepest < depth ? outline : outlineJson(text, depth);
  if (!model) {
    return { diagnostics: sortByOffset(locate(text, nodes, problems)), broken: true, text };
  }
  const modelProblems = problems.length;
  const graph = buildGraph(model, report);
  const summary = deriveSummary(model, graph);
  reportSummaryDrift(model.storedSummary, summary, report);
  const located = locate(text, nodes, problems);
  const loaded: LoadedTaskFile = {
    model,
    graph,
    summary,
    diagnostics: sortByOffset([...located]),
    broken: false,
    text,
  };
  const readDiagnostics = new Map<number, Diagnostic[]>();
  for (const [index, [from, to]] of readSpans) {
    readDiagnostics.set(index, located.slice(from, to));
  }
  rememberLoadDetails(loaded, {
    modelDiagnostics: located.slice(0, modelProblems),
    readDiagnostics,
    positions: model.layout === 'map' ? rootPositions(outline) : undefined,
  });
  return loaded;
}

/** Where the stored summary's plain values and `last_updated` are, as an edit refreshes them. */
function rootPositions(outline: OutlineNode | undefined): RootPositions {
  const summary = outlineChild(outline, 'summary');
  const lastUpdated = outlineChild(outline, 'last_updated');
  return {
    summaryFields:
      summary?.kind === 'object'
        ? (summary.children ?? [])
            .filter((field) => field.kind === 'value')
            .map((field) => ({ field: String(field.key), start: field.start, end: field.end }))
        : undefined,
    lastUpdated:
      lastUpdated?.kind === 'value'
        ? { start: lastUpdated.start, end: lastUpdated.end }
        : undefined,
  };
}

/** By offset; problems found at one offset keep the order they were found in. */
export function sortByOffset(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.offset - b.range.offset);
}

/**
 * Adds duplicated fields the model builder did not already report (it checks task keys and
 * groups), each with the task it is in, found by walking its path through the parsed document.
 */
function reportDuplicateMembers(
  text: string,
  problems: Problem[],
  doc: unknown,
  model: TaskModel | undefined,
): void {
  const duplicates = duplicateMemberProblems(text, doc);
  if (duplicates.length === 0) {
    return;
  }
  const reported = new Set(
    problems.filter((p) => p.code === 'duplicate-key' && p.range).map((p) => p.range!.offset),
  );
  const taskOf = new Map<unknown, string>(model?.tasks.map((task) => [task.raw, task.key]));
  for (const problem of duplicates) {
    if (!reported.has(problem.range!.offset)) {
      problems.push({ ...problem, taskKey: taskAlong(doc, problem.path, taskOf) });
    }
  }
}

function taskAlong(
  doc: unknown,
  path: JsonPath,
  taskOf: ReadonlyMap<unknown, string>,
): string | undefined {
  let value = doc;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) {
      return undefined;
    }
    value = (value as Record<string | number, unknown>)[segment];
    const key = taskOf.get(value);
    if (key !== undefined) {
      return key;
    }
  }
  return undefined;
}

/** Each problem located in the text, in the order given. */
function locate(
  text: string,
  outlineOf: (deepest: number) => OutlineNode | undefined,
  problems: Problem[],
): Diagnostic[] {
  if (problems.length === 0) {
    return [];
  }
  let deepest = 0;
  for (const problem of problems) {
    if (!problem.range) {
      deepest = Math.max(deepest, problem.path.length);
    }
  }
  const outline = outlineOf(deepest);
  const lines = new LineIndex(text);
  return problems.map((problem) =>
    diagnosticAt(problem, problem.range ?? locatePath(text, outline, problem.path), lines),
  );
}

export function diagnosticAt(problem: Problem, range: TextRange, lines: LineIndex): Diagnostic {
  const diagnostic: Diagnostic = {
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    range,
    ...lines.position(range.offset),
  };
  if (problem.taskKey !== undefined) {
    diagnostic.taskKey = problem.taskKey;
  }
  if (problem.suggestion !== undefined) {
    diagnostic.suggestion = problem.suggestion;
  }
  return diagnostic;
}

/** A Markdown plan given where JSON was expected: a heading first, or a task table or task list. */
function looksLikeMarkdown(text: string): boolean {
  return /^\s*#/.test(text) || /^\|.*\|\s*$/m.test(text) || /^\s*[-*] \[[ xX]\] /m.test(text);
}

function markdownDiagnostic(): Diagnostic[] {
  return [
    {
      severity: 'error',
      code: 'not-a-plan',
      message:
        'this is a Markdown plan, not JSON: import it into a task file (coord import, or Coordinator: Import Markdown Plan)',
      line: 1,
      column: 1,
      range: { offset: 0, length: 0 },
    },
  ];
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected',
  CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function syntaxDiagnostics(text: string, error: unknown): Diagnostic[] {
  const errors: ParseError[] = [];
  parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const lines = new LineIndex(text);
  if (errors.length === 0) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        severity: 'error',
        code: 'json-syntax',
        message: `invalid JSON: ${message}`,
        line: 1,
        column: 1,
        range: { offset: 0, length: 0 },
      },
    ];
  }
  return errors.slice(0, 20).map((parseError) => {
    const name = printParseErrorCode(parseError.error);
    return {
      severity: 'error' as const,
      code: 'json-syntax',
      message: `invalid JSON: ${SYNTAX_MESSAGES[name] ?? name}`,
      range: { offset: parseError.offset, length: parseError.length },
      ...lines.position(parseError.offset),
    };
  });
}
