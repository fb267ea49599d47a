import { likelyTaskNamesOf, type LikelyTaskNames } from './likelyTask';
import type { ProblemSink } from './problems';
import { TASK_FIELDS } from './taskFields';
import { taskIdsOf } from './taskIds';
import { TaskKeyedLists } from './taskKeyedLists';
import type { DependencyRef, DisplayStatus, Task, TaskGraph, TaskModel } from './types';
import { taskJsonPath } from './taskJsonPath';

/** Tasks without dependencies or dependents share these; frozen, so a stray push fails loudly. */
const NO_REFS: DependencyRef[] = Object.freeze([]) as unknown as DependencyRef[];
const NO_KEYS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Resolved task dependencies by position, in compressed rows: the dependencies of task `i` are
 * `targets[starts[i]]` up to `targets[starts[i + 1]]`. Two typed arrays instead of an array per task.
 */
interface Edges {
  starts: Int32Array;
  targets: Int32Array;
}

/**
 * Resolves dependencies by key, then by id; names that are no task are external prerequisites.
 * Self-dependencies are reported and left out of the graph; cycles are reported with their members.
 * The edges are kept in arrays; the per-task lists of `dependencies` and `dependents` are made when
 * first read, and the critical path is worked out on first read.
 */
export function buildGraph(model: TaskModel, report: ProblemSink = () => undefined): TaskGraph {
  const tasks = model.tasks;
  const count = tasks.length;
  const resolve = resolver(model);
  let likely: LikelyTaskNames | undefined;
  const starts = new Int32Array(count + 1);
  let targets = new Int32Array(Math.max(16, count));
  let edgeCount = 0;
  const dependentCounts = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const task = tasks[i];
    const names = task.dependencies;
    starts[i] = edgeCount;
    for (let position = 0; position < names.length; position++) {
      const name = names[position];
      const target = resolve(name);
      if (target === i) {
        report({
          severity: 'error',
          code: 'self-dependency',
          message: `task "${task.key}" depends on itself`,
          path: dependencyPath(task, position),
          taskKey: task.key,
        });
      } else if (target === undefined) {
        likely ??= likelyTaskNamesOf(model);
        const suggestion = likely.suggest(name);
        if (suggestion !== undefined) {
          report({
            severity: 'warning',
            code: 'unknown-dependency',
            message: `"${name}" is no task in this file, so it is read as an external prerequisite; did you mean "${suggestion}"?`,
            path: dependencyPath(task, position),
            taskKey: task.key,
            suggestion,
          });
        }
      } else if (!contains(targets, starts[i], edgeCount, target)) {
        if (edgeCount === targets.length) {
          const grown = new Int32Array(targets.length * 2);
          grown.set(targets);
          targets = grown;
        }
        targets[edgeCount++] = target;
        dependentCounts[target]++;
      }
    }
  }
  starts[count] = edgeCount;
  const edges: Edges = { starts, targets };
  const cycleIndices = findCycles(edges, count);
  const cycles = cycleIndices.map((members) => members.map((i) => tasks[i].key));
  for (const cycle of cycles) {
    const first = model.byKey.get(cycle[0])!;
    report({
      severity: 'error',
      code: 'cycle',
      message: `dependency cycle: ${[...cycle, cycle[0]].join(' → ')}`,
      path: dependencyPath(first, 0),
      taskKey: first.key,
    });
  }
  const ready = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (tasks[i].status === 'not_started' && allCompleted(tasks, edges, i)) {
      ready.add(tasks[i].key);
    }
  }
  const reverse = reverseEdges(edges, dependentCounts);
  let critical: string[] | undefined;
  return {
    dependencies: new TaskKeyedLists(tasks, model.byKey, (i) => dependencyRefs(tasks, i, resolve)),
    dependents: new TaskKeyedLists(tasks, model.byKey, (i) =>
      keysAlong(tasks, reverse, i, NO_KEYS),
    ),
    cycles,
    ready,
    // Few readers want it, and it is a whole walk of the graph: computed once, when first read.
    get criticalPath(): string[] {
      if (critical === undefined) {
        const inCycle = new Uint8Array(count);
        for (const members of cycleIndices) {
          for (const i of members) {
            inCycle[i] = 1;
          }
        }
        critical = criticalPath(tasks, edges, inCycle);
      }
      return critical;
    },
  };
}

/**
 * The position of the task a dependency name means: by key, else by id (the first task with it).
 * Dependencies name keys far more often than ids: the id table is built on the first miss.
 */
function resolver(model: TaskModel): (name: string) => number | undefined {
  const tasks = model.tasks;
  const stated = taskIdsOf(model);
  let indexOfId: Map<string, number> | undefined;
  return (name) => {
    const byKey = model.byKey.get(name);
    if (byKey !== undefined) {
      return byKey.index;
    }
    if (stated) {
      const key = stated.get(name);
      return key === undefined ? undefined : model.byKey.get(key)?.index;
    }
    if (!indexOfId) {
      indexOfId = new Map();
      for (let i = 0; i < tasks.length; i++) {
        if (tasks[i].id !== tasks[i].key && !indexOfId.has(tasks[i].id)) {
          indexOfId.set(tasks[i].id, i);
        }
      }
    }
    return indexOfId.get(name);
  };
}

/** The dependencies of task `i` as written, resolved as `buildGraph` resolved them. */
function dependencyRefs(
  tasks: readonly Task[],
  i: number,
  resolve: (name: string) => number | undefined,
): DependencyRef[] {
  const names = tasks[i].dependencies;
  if (names.length === 0) {
    return NO_REFS;
  }
  const refs: DependencyRef[] = [];
  for (const name of names) {
    const target = resolve(name);
    if (target === undefined) {
      refs.push({ name });
    } else if (target !== i && !refs.some((ref) => ref.taskKey === tasks[target].key)) {
      refs.push({ name, taskKey: tasks[target].key });
    }
  }
  return refs;
}

/** The edges turned around: for each task, the tasks depending on it, in file order. */
function reverseEdges(edges: Edges, counts: Int32Array): Edges {
  const count = counts.length;
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    starts[i + 1] = starts[i] + counts[i];
  }
  const targets = new Int32Array(starts[count]);
  const filled = starts.slice(0, count);
  for (let i = 0; i < count; i++) {
    for (let e = edges.starts[i]; e < edges.starts[i + 1]; e++) {
      targets[filled[edges.targets[e]]++] = i;
    }
  }
  return { starts, targets };
}

function keysAlong(tasks: readonly Task[], edges: Edges, i: number, none: string[]): string[] {
  const from = edges.starts[i];
  const to = edges.starts[i + 1];
  if (from === to) {
    return none;
  }
  const keys = new Array<string>(to - from);
  for (let e = from; e < to; e++) {
    keys[e - from] = tasks[edges.targets[e]].key;
  }
  return keys;
}

function contains(values: Int32Array, from: number, to: number, value: number): boolean {
  for (let i = from; i < to; i++) {
    if (values[i] === value) {
      return true;
    }
  }
  return false;
}

function allCompleted(tasks: readonly Task[], edges: Edges, i: number): boolean {
  for (let e = edges.starts[i]; e < edges.starts[i + 1]; e++) {
    if (tasks[edges.targets[e]].status !== 'completed') {
      return false;
    }
  }
  return true;
}

function dependencyPath(task: Task, index: number): (string | number)[] {
  const field =
    TASK_FIELDS.dependencies.find((name) => task.raw[name] !== undefined) ?? 'dependencies';
  const path = [...taskJsonPath(task), field];
  return Array.isArray(task.raw[field]) ? [...path, index] : path;
}

const taskDependencyCache = new WeakMap<
  ReadonlyMap<string, DependencyRef[]>,
  Map<string, string[]>
>();

/** Resolved task keys among the dependencies of `key`; cached per graph, as every walk asks again. */
function taskDependencies(
  dependencies: ReadonlyMap<string, DependencyRef[]>,
  key: string,
): string[] {
  let cache = taskDependencyCache.get(dependencies);
  if (!cache) {
    cache = new Map();
    taskDependencyCache.set(dependencies, cache);
  }
  let keys = cache.get(key);
  if (!keys) {
    keys = resolvedKeys(dependencies, key);
    cache.set(key, keys);
  }
  return keys;
}

function resolvedKeys(dependencies: ReadonlyMap<string, DependencyRef[]>, key: string): string[] {
  const keys: string[] = [];
  for (const ref of dependencies.get(key) ?? []) {
    if (ref.taskKey !== undefined) {
      keys.push(ref.taskKey);
    }
  }
  return keys;
}

/** Strongly connected components with more than one member (Tarjan, iterative), members in file order. */
function findCycles(edges: Edges, count: number): number[][] {
  const { starts, targets } = edges;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  // Every stack holds each task at most once: fixed typed arrays with their own tops.
  const stack = new Int32Array(count);
  let stackTop = 0;
  const frames = new Int32Array(count);
  const nextEdge = new Int32Array(count);
  let frameTop = 0;
  const cycles: number[][] = [];
  let counter = 0;
  for (let start = 0; start < count; start++) {
    if (order[start] !== -1) {
      continue;
    }
    order[start] = low[start] = counter++;
    stack[stackTop++] = start;
    onStack[start] = 1;
    frames[frameTop] = start;
    nextEdge[frameTop++] = starts[start];
    while (frameTop > 0) {
      const top = frameTop - 1;
      const node = frames[top];
      if (nextEdge[top] < starts[node + 1]) {
        const target = targets[nextEdge[top]++];
        if (order[target] === -1) {
          order[target] = low[target] = counter++;
          stack[stackTop++] = target;
          onStack[target] = 1;
          frames[frameTop] = target;
          nextEdge[frameTop++] = starts[target];
        } else if (onStack[target] && order[target] < low[node]) {
          low[node] = order[target];
        }
        continue;
      }
      frameTop--;
      if (frameTop > 0) {
        const parent = frames[frameTop - 1];
        if (low[node] < low[parent]) {
          low[parent] = low[node];
        }
      }
      if (low[node] !== order[node]) {
        continue;
      }
      if (stack[stackTop - 1] === node) {
        // A component of one task, as nearly all are: no list for it.
        stackTop--;
        onStack[node] = 0;
        continue;
      }
      const members: number[] = [];
      let member: number;
      do {
        member = stack[--stackTop];
        onStack[member] = 0;
        members.push(member);
      } while (member !== node);
      cycles.push(members.sort((x, y) => x - y));
    }
  }
  return cycles;
}

function hoursOf(task: Task): number {
  return task.estimate?.hours ?? 0;
}

/**
 * The longest chain of unfinished tasks by estimated hours (the remaining critical path), from the
 * first task to do to the last. Tasks in cycles are left out. Kahn's order over the open tasks.
 */
function criticalPath(tasks: readonly Task[], edges: Edges, inCycle: Uint8Array): string[] {
  const count = tasks.length;
  const open = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    open[i] = tasks[i].status !== 'completed' && !inCycle[i] ? 1 : 0;
  }
  // Count, for each open task, its open dependencies; walk from the ones with none.
  const waiting = new Int32Array(count);
  const dependents: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (!open[i]) {
      continue;
    }
    for (let e = edges.starts[i]; e < edges.starts[i + 1]; e++) {
      const d = edges.targets[e];
      if (open[d]) {
        waiting[i]++;
        (dependents[d] ??= []).push(i);
      }
    }
  }
  const hours = new Float64Array(count);
  const previous = new Int32Array(count).fill(-1);
  const queue: number[] = [];
  for (let i = 0; i < count; i++) {
    if (open[i] && waiting[i] === 0) {
      queue.push(i);
    }
  }
  let best = -1;
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    hours[i] += hoursOf(tasks[i]);
    if (best === -1 || hours[i] > hours[best] || (hours[i] === hours[best] && i < best)) {
      best = i;
    }
    for (const next of dependents[i] ?? []) {
      if (previous[next] === -1 || hours[i] > hours[next]) {
        hours[next] = hours[i];
        previous[next] = i;
      }
      if (--waiting[next] === 0) {
        queue.push(next);
      }
    }
  }
  const chain: string[] = [];
  for (let i = best; i !== -1; i = previous[i]) {
    chain.push(tasks[i].key);
  }
  return chain.reverse();
}

/** Memoised longest chains ending at a task, over a dependency function that must be acyclic. */
class ChainLengths {
  private readonly memo = new Map<string, { hours: number; previous?: string }>();

  constructor(
    private readonly model: TaskModel,
    private readonly predecessors: (key: string) => string[],
  ) {}

  hours(key: string): number {
    this.compute(key);
    return this.memo.get(key)!.hours;
  }

  /** The chain ending at `key`, first to last, `key` included. */
  chainTo(key: string): string[] {
    this.compute(key);
    const chain: string[] = [];
    for (
      let current: string | undefined = key;
      current !== undefined;
      current = this.memo.get(current)?.previous
    ) {
      chain.push(current);
    }
    return chain.reverse();
  }

  /** Iterative post-order walk; a predecessor still being walked (a cycle) is skipped. */
  private compute(start: string): void {
    const walking = new Set<string>();
    const stack = [{ key: start, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (this.memo.has(top.key)) {
        stack.pop();
        continue;
      }
      const previous = this.predecessors(top.key);
      if (!top.expanded) {
        top.expanded = true;
        walking.add(top.key);
        for (const p of previous) {
          if (!this.memo.has(p) && !walking.has(p)) {
            stack.push({ key: p, expanded: false });
          }
        }
        continue;
      }
      let best: { hours: number; previous?: string } = { hours: 0 };
      for (const p of previous) {
        const found = this.memo.get(p);
        if (found && (best.previous === undefined || found.hours > best.hours)) {
          best = { hours: found.hours, previous: p };
        }
      }
      this.memo.set(top.key, {
        hours: best.hours + hoursOf(this.model.byKey.get(top.key)!),
        previous: best.previous,
      });
      walking.delete(top.key);
      stack.pop();
    }
  }
}

/** Task dependencies of `key` that are not completed yet. */
export function unfinishedDependencies(model: TaskModel, graph: TaskGraph, key: string): string[] {
  return taskDependencies(graph.dependencies, key).filter(
    (dep) => model.byKey.get(dep)?.status !== 'completed',
  );
}

/** External prerequisites of `key` (dependency names that are no task), as written. */
export function externalPrerequisites(graph: TaskGraph, key: string): string[] {
  return (graph.dependencies.get(key) ?? [])
    .filter((ref) => ref.taskKey === undefined)
    .map((ref) => ref.name);
}

/**
 * The chain of unfinished tasks that blocks `key`, from the one to finish first to the direct
 * dependency (the longest such chain by estimated hours). Empty when nothing blocks it.
 */
export function blockingChain(model: TaskModel, graph: TaskGraph, key: string): string[] {
  if (!model.byKey.has(key)) {
    return [];
  }
  const inCycle = new Set(graph.cycles.flat());
  const chains = new ChainLengths(model, (k) =>
    unfinishedDependencies(model, graph, k).filter((d) => !inCycle.has(d)),
  );
  const direct = unfinishedDependencies(model, graph, key);
  if (direct.length === 0) {
    return [];
  }
  if (inCycle.has(key)) {
    return direct;
  }
  return chains.chainTo(key).slice(0, -1);
}

/** Every task `key` waits on, directly or not, unfinished only, in file order. */
export function transitiveBlockers(model: TaskModel, graph: TaskGraph, key: string): string[] {
  const seen = new Set<string>();
  const pending = unfinishedDependencies(model, graph, key);
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next !== key && !seen.has(next)) {
      seen.add(next);
      pending.push(...unfinishedDependencies(model, graph, next));
    }
  }
  return [...seen].sort((a, b) => model.byKey.get(a)!.index - model.byKey.get(b)!.index);
}

export function displayStatus(task: Task, graph: TaskGraph | undefined): DisplayStatus {
  return graph?.ready.has(task.key) ? 'ready' : task.status;
}
