import { readStoredSummary } from './buildModel';
import { DUPLICATE_MEMBER_SCAN_LIMIT } from './duplicateMembers';
import { buildGraph } from './graph';
import { isPlainObject } from './layout';
import { diagnosticAt, loadTaskFile, sortByOffset } from './load';
import type { Span } from './knownPlan';
import {
  loadDetailsOf,
  rememberLoadDetails,
  type LoadDetails,
  type RootPositions,
} from './loadDetails';
import { shareLikelyTaskNames } from './likelyTask';
import { LineIndex, locatePath } from './locate';
import { outlineJson } from './outline';
import type { Problem } from './problems';
import { readTask, taskMovedTo } from './readTask';
import { deriveSummary, reportSummaryDrift } from './summary';
import { rememberTaskIds, taskIdsOf } from './taskIds';
import type { Diagnostic, LoadedTaskFile, Task, TaskModel, TextRange } from './types';
import { taskJsonPath } from './taskJsonPath';

/**
 * One replacement an edit made, in the coordinates of the text it was applied to: a whole task
 * object, one value of the stored summary, or the value of `last_updated`.
 */
export type PlanChange = { start: number; end: number; content: string } & (
  | { kind: 'task' }
  | { kind: 'summary'; field: string; value: number }
  | { kind: 'lastUpdated'; value: string }
);

/**
 * Reads `next`, the text of `previous` with `changes` made, as `loadTaskFile(next)` would, but
 * re-reading only the tasks that changed: the other tasks, their problems and the rest of the
 * document are taken over (moved to their new offsets), and the graph and summary are derived
 * afresh. Anything this does not cover (a plan of another shape, duplicated keys, a change to a
 * task's id, a small file, a problem it cannot place) is read whole.
 */
export function reloadAfterChanges(
  previous: LoadedTaskFile,
  next: string,
  changes: readonly PlanChange[],
): LoadedTaskFile {
  return patched(previous, next, changes) ?? loadTaskFile(next);
}

function patched(
  previous: LoadedTaskFile,
  next: string,
  changes: readonly PlanChange[],
): LoadedTaskFile | undefined {
  const details = loadDetailsOf(previous);
  const model = previous.model;
  if (
    !details ||
    !model ||
    previous.broken ||
    model.layout !== 'map' ||
    // Smaller files are read whole anyway, with their duplicated fields looked for.
    previous.text.length <= DUPLICATE_MEMBER_SCAN_LIMIT ||
    next.length <= DUPLICATE_MEMBER_SCAN_LIMIT ||
    previous.diagnostics.some((d) => d.code === 'duplicate-key' || d.code === 'summary-drift')
  ) {
    return undefined;
  }
  const moves = new Moves(changes);
  if (!moves.valid) {
    return undefined;
  }
  const changed = changedTasks(model, changes);
  if (!changed) {
    return undefined;
  }
  const problems: Problem[] = [];
  const tasks = new Array<Task>(model.tasks.length);
  const byKey = new Map<string, Task>();
  const rawAt = new Map<Task, Record<string, unknown>>();
  const readProblems = new Map<number, Problem[]>();
  for (let i = 0; i < model.tasks.length; i++) {
    const task = model.tasks[i];
    const change = changed.get(i);
    let now: Task;
    if (change) {
      const raw: unknown = JSON.parse(change.content);
      if (!isPlainObject(raw) || raw.id !== task.raw.id || raw.task_id !== task.raw.task_id) {
        return undefined;
      }
      const found: Problem[] = [];
      now = readTask(
        raw,
        {
          key: task.key,
          group: task.group,
          index: i,
          path: task.jsonPath,
          range: { offset: moves.to(change.start), length: change.content.length },
        },
        (problem) => found.push(problem),
      );
      readProblems.set(i, found);
      rawAt.set(now, raw);
    } else {
      const range = task.range!;
      const offset = moves.to(range.offset);
      now = offset === range.offset ? task : taskMovedTo(task, { offset, length: range.length });
    }
    tasks[i] = now;
    byKey.set(now.key, now);
  }
  const nextModel: TaskModel = {
    ...model,
    tasks,
    byKey,
    raw: nextDocument(model, rawAt, changes),
  };
  for (const change of changes) {
    if (change.kind === 'lastUpdated') {
      nextModel.lastUpdated = change.value;
    }
  }
  if (isPlainObject(nextModel.raw.summary)) {
    nextModel.storedSummary = readStoredSummary(nextModel.raw.summary);
  }
  const ids = taskIdsOf(model);
  if (ids) {
    rememberTaskIds(nextModel, ids);
  }
  shareLikelyTaskNames(model, nextModel);
  const graph = buildGraph(nextModel, (problem) => problems.push(problem));
  const summary = deriveSummary(nextModel, graph);
  let drift = false;
  reportSummaryDrift(nextModel.storedSummary, summary, () => {
    drift = true;
  });
  if (drift) {
    return undefined;
  }
  const lines = new LineIndex(next);
  const locator = new TaskLocator(next, tasks);
  const modelDiagnostics = moveModelDiagnostics(details, changed, moves, lines);
  if (!modelDiagnostics) {
    return undefined;
  }
  const readDiagnostics = new Map(modelDiagnostics.read);
  for (const [index, found] of readProblems) {
    const located: Diagnostic[] = [];
    for (const problem of found) {
      const range = locator.locate(problem, index);
      if (!range) {
        return undefined;
      }
      located.push(diagnosticAt(problem, range, lines));
    }
    if (located.length > 0) {
      readDiagnostics.set(index, located);
    } else {
      readDiagnostics.delete(index);
    }
  }
  // A changed task's problems lie in its own span, which no kept problem touches: their order
  // among the rest only matters at equal offsets, where the model's come before the graph's.
  const nextModelDiagnostics = [
    ...modelDiagnostics.kept,
    ...[...changed.keys()].flatMap((index) => readDiagnostics.get(index) ?? []),
  ];
  const graphDiagnostics: Diagnostic[] = [];
  for (const problem of problems) {
    const task = problem.taskKey === undefined ? undefined : byKey.get(problem.taskKey);
    const range = task && locator.locate(problem, task.index);
    if (!range) {
      return undefined;
    }
    graphDiagnostics.push(diagnosticAt(problem, range, lines));
  }
  const loaded: LoadedTaskFile = {
    model: nextModel,
    graph,
    summary,
    diagnostics: sortByOffset([...nextModelDiagnostics, ...graphDiagnostics]),
    broken: false,
    text: next,
  };
  rememberLoadDetails(loaded, {
    modelDiagnostics: nextModelDiagnostics,
    readDiagnostics,
    positions: details.positions && movePositions(details.positions, changes, moves),
  });
  return loaded;
}

/** The root values' spans in the new text; undefined when a change cut across one. */
function movePositions(
  positions: RootPositions,
  changes: readonly PlanChange[],
  moves: Moves,
): RootPositions | undefined {
  const move = (span: Span): Span | undefined => {
    const change = changes.find((c) => c.start === span.start && c.end === span.end);
    if (change) {
      const start = moves.to(span.start);
      return { start, end: start + change.content.length };
    }
    return moves.touches({ offset: span.start, length: span.end - span.start })
      ? undefined
      : { start: moves.to(span.start), end: moves.to(span.end) };
  };
  const summaryFields = positions.summaryFields?.map((span) => {
    const moved = move(span);
    return moved && { ...moved, field: span.field };
  });
  const lastUpdated = positions.lastUpdated && move(positions.lastUpdated);
  if (summaryFields?.some((span) => !span) || (positions.lastUpdated && !lastUpdated)) {
    return undefined;
  }
  return {
    summaryFields: summaryFields as (Span & { field: string })[] | undefined,
    lastUpdated,
  };
}

/** The tasks whose whole object a change replaced, by index; undefined when a change is elsewhere in the tasks. */
function changedTasks(
  model: TaskModel,
  changes: readonly PlanChange[],
): Map<number, PlanChange> | undefined {
  const taskChanges = new Map<number, PlanChange>();
  for (const change of changes) {
    if (change.kind === 'task') {
      taskChanges.set(change.start, change);
    }
  }
  const changed = new Map<number, PlanChange>();
  for (const task of model.tasks) {
    const range = task.range;
    const path = task.jsonPath;
    // Only tasks named by their member name: a task whose key or group comes from its fields is read whole.
    const named = path === undefined || (path[0] === 'tasks' && path[path.length - 1] === task.key);
    if (!range || !named) {
      return undefined;
    }
    const change = taskChanges.get(range.offset);
    if (change) {
      if (change.end !== range.offset + range.length) {
        return undefined;
      }
      changed.set(task.index, change);
    }
  }
  return changed.size === taskChanges.size ? changed : undefined;
}

/** The parsed document with the changed tasks and root values in place; containers on their way copied. */
function nextDocument(
  model: TaskModel,
  rawAt: ReadonlyMap<Task, Record<string, unknown>>,
  changes: readonly PlanChange[],
): Record<string, unknown> {
  const copies = new Map<object, Record<string | number, unknown>>();
  const copyOf = (container: Record<string | number, unknown>) => {
    let copy = copies.get(container);
    if (!copy) {
      copy = (Array.isArray(container) ? container.slice() : { ...container }) as typeof container;
      copies.set(container, copy);
    }
    return copy;
  };
  const root = copyOf(model.raw);
  for (const [task, raw] of rawAt) {
    const path = taskJsonPath(task);
    let original = model.raw as Record<string | number, unknown>;
    let copy = root;
    for (let depth = 0; depth < path.length - 1; depth++) {
      original = original[path[depth]] as Record<string | number, unknown>;
      const inner = copyOf(original);
      copy[path[depth]] = inner;
      copy = inner;
    }
    copy[path[path.length - 1]] = raw;
  }
  for (const change of changes) {
    if (change.kind === 'lastUpdated') {
      root.last_updated = change.value;
    } else if (change.kind === 'summary' && isPlainObject(model.raw.summary)) {
      const summary = copyOf(model.raw.summary);
      summary[change.field] = change.value;
      root.summary = summary;
    }
  }
  return root;
}

/** Where offsets of the old text are in the new one, outside the replaced spans. */
class Moves {
  private readonly ends: number[] = [];
  private readonly shifts: number[] = [];
  private readonly sorted: readonly PlanChange[];
  readonly valid: boolean = true;

  constructor(changes: readonly PlanChange[]) {
    const sorted = [...changes].sort((a, b) => a.start - b.start);
    this.sorted = sorted;
    let shift = 0;
    let end = -1;
    for (const change of sorted) {
      if (change.start < end) {
        this.valid = false;
      }
      end = change.end;
      shift += change.content.length - (change.end - change.start);
      this.ends.push(change.end);
      this.shifts.push(shift);
    }
  }

  /** The new offset of `offset`, which lies in no replaced span (or at its start). */
  to(offset: number): number {
    let shift = 0;
    for (let i = 0; i < this.ends.length && this.ends[i] <= offset; i++) {
      shift = this.shifts[i];
    }
    return offset + shift;
  }

  /** Whether `range` overlaps a replaced span. */
  touches(range: TextRange): boolean {
    return this.sorted.some(
      (change) =>
        range.offset < change.end && change.start < range.offset + Math.max(range.length, 1),
    );
  }
}

/**
 * The model's located problems, moved: those a changed task's fields gave are left out (they are
 * read again); undefined when another one lies in a changed span.
 */
function moveModelDiagnostics(
  details: LoadDetails,
  changed: ReadonlyMap<number, PlanChange>,
  moves: Moves,
  lines: LineIndex,
): { kept: Diagnostic[]; read: Map<number, readonly Diagnostic[]> } | undefined {
  const dropped = new Set<Diagnostic>();
  for (const index of changed.keys()) {
    for (const diagnostic of details.readDiagnostics.get(index) ?? []) {
      dropped.add(diagnostic);
    }
  }
  const moved = new Map<Diagnostic, Diagnostic>();
  const kept: Diagnostic[] = [];
  for (const diagnostic of details.modelDiagnostics) {
    if (dropped.has(diagnostic)) {
      continue;
    }
    if (moves.touches(diagnostic.range)) {
      return undefined;
    }
    const offset = moves.to(diagnostic.range.offset);
    const now =
      offset === diagnostic.range.offset && sameLines(diagnostic, lines)
        ? diagnostic
        : {
            ...diagnostic,
            range: { offset, length: diagnostic.range.length },
            ...lines.position(offset),
          };
    moved.set(diagnostic, now);
    kept.push(now);
  }
  const read = new Map<number, readonly Diagnostic[]>();
  for (const [index, list] of details.readDiagnostics) {
    if (!changed.has(index)) {
      read.set(
        index,
        list.map((diagnostic) => moved.get(diagnostic)!),
      );
    }
  }
  return { kept, read };
}

/** An unmoved diagnostic before every change keeps its line too. */
function sameLines(diagnostic: Diagnostic, lines: LineIndex): boolean {
  const position = lines.position(diagnostic.range.offset);
  return position.line === diagnostic.line && position.column === diagnostic.column;
}

/** Locates problems inside one task of the new text, parsing only that task's object. */
class TaskLocator {
  constructor(
    private readonly text: string,
    private readonly tasks: readonly Task[],
  ) {}

  locate(problem: Problem, index: number): TextRange | undefined {
    if (problem.range) {
      return undefined;
    }
    const task = this.tasks[index];
    const path = taskJsonPath(task);
    const range = task.range!;
    if (
      problem.path.length < path.length ||
      path.some((segment, depth) => problem.path[depth] !== segment)
    ) {
      return undefined;
    }
    const own = this.text.slice(range.offset, range.offset + range.length);
    const found = locatePath(own, outlineJson(own, 0), problem.path.slice(path.length));
    return { offset: range.offset + found.offset, length: found.length };
  }
}
