import type { ProblemSink } from './problems';
import { TASK_FIELDS } from './readTask';
import type { DependencyRef, DisplayStatus, Task, TaskGraph, TaskModel } from './types';

/**
 * Resolves dependencies by key, then by id; names that are no task are external prerequisites.
 * Self-dependencies are reported and left out of the graph; cycles are reported with their members.
 */
export function buildGraph(model: TaskModel, report: ProblemSink = () => undefined): TaskGraph {
  const keyOfId = new Map<string, string>();
  for (const task of model.tasks) {
    if (!keyOfId.has(task.id)) {
      keyOfId.set(task.id, task.key);
    }
  }
  const dependencies = new Map<string, DependencyRef[]>();
  const dependents = new Map<string, string[]>();
  for (const task of model.tasks) {
    dependents.set(task.key, []);
  }
  for (const task of model.tasks) {
    const refs: DependencyRef[] = [];
    task.dependencies.forEach((name, index) => {
      const taskKey = model.byKey.has(name) ? name : keyOfId.get(name);
      if (taskKey === task.key) {
        report({
          severity: 'error',
          code: 'self-dependency',
          message: `task "${task.key}" depends on itself`,
          path: dependencyPath(task, index),
          taskKey: task.key,
        });
        return;
      }
      if (taskKey === undefined) {
        refs.push({ name });
        return;
      }
      if (refs.some((ref) => ref.taskKey === taskKey)) {
        return;
      }
      refs.push({ name, taskKey });
      dependents.get(taskKey)!.push(task.key);
    });
    dependencies.set(task.key, refs);
  }
  const cycles = findCycles(model, dependencies);
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
  for (const task of model.tasks) {
    if (task.status === 'not_started' && taskDependencies(dependencies, task.key).every((key) => model.byKey.get(key)!.status === 'completed')) {
      ready.add(task.key);
    }
  }
  const inCycle = new Set(cycles.flat());
  return { dependencies, dependents, cycles, ready, criticalPath: criticalPath(model, dependencies, inCycle) };
}

function dependencyPath(task: Task, index: number): (string | number)[] {
  const field = TASK_FIELDS.dependencies.find((name) => task.raw[name] !== undefined) ?? 'dependencies';
  const path = [...(task.jsonPath ?? []), field];
  return Array.isArray(task.raw[field]) ? [...path, index] : path;
}

function taskDependencies(dependencies: ReadonlyMap<string, DependencyRef[]>, key: string): string[] {
  const keys: string[] = [];
  for (const ref of dependencies.get(key) ?? []) {
    if (ref.taskKey !== undefined) {
      keys.push(ref.taskKey);
    }
  }
  return keys;
}

/** Strongly connected components with more than one member (Tarjan, iterative), members in file order. */
function findCycles(model: TaskModel, dependencies: ReadonlyMap<string, DependencyRef[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (key: string) => {
    order.set(key, counter);
    low.set(key, counter);
    counter++;
    stack.push(key);
    onStack.add(key);
  };
  for (const task of model.tasks) {
    if (order.has(task.key)) {
      continue;
    }
    visit(task.key);
    const work = [{ key: task.key, next: taskDependencies(dependencies, task.key), i: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.next.length) {
        const target = frame.next[frame.i++];
        if (!order.has(target)) {
          visit(target);
          work.push({ key: target, next: taskDependencies(dependencies, target), i: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.key, Math.min(low.get(frame.key)!, order.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].key;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.key)!));
      }
      if (low.get(frame.key) === order.get(frame.key)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.key);
        if (members.length > 1) {
          cycles.push(members.sort((a, b) => model.byKey.get(a)!.index - model.byKey.get(b)!.index));
        }
      }
    }
  }
  return cycles;
}

function hoursOf(task: Task): number {
  return task.estimate?.hours ?? 0;
}

/**
 * The longest chain of unfinished tasks by estimated hours (the remaining critical path), from the
 * first task to do to the last. Tasks in cycles are left out.
 */
function criticalPath(model: TaskModel, dependencies: ReadonlyMap<string, DependencyRef[]>, inCycle: ReadonlySet<string>): string[] {
  const open = (key: string) => model.byKey.get(key)!.status !== 'completed' && !inCycle.has(key);
  const chains = new ChainLengths(model, (key) => taskDependencies(dependencies, key).filter(open));
  let best: string | undefined;
  let bestHours = -1;
  for (const task of model.tasks) {
    if (open(task.key)) {
      const hours = chains.hours(task.key);
      if (hours > bestHours) {
        bestHours = hours;
        best = task.key;
      }
    }
  }
  return best === undefined ? [] : chains.chainTo(best);
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
    for (let current: string | undefined = key; current !== undefined; current = this.memo.get(current)?.previous) {
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
      this.memo.set(top.key, { hours: best.hours + hoursOf(this.model.byKey.get(top.key)!), previous: best.previous });
      walking.delete(top.key);
      stack.pop();
    }
  }
}

/** Task dependencies of `key` that are not completed yet. */
export function unfinishedDependencies(model: TaskModel, graph: TaskGraph, key: string): string[] {
  return taskDependencies(graph.dependencies, key).filter((dep) => model.byKey.get(dep)?.status !== 'completed');
}

/** External prerequisites of `key` (dependency names that are no task), as written. */
export function externalPrerequisites(graph: TaskGraph, key: string): string[] {
  return (graph.dependencies.get(key) ?? []).filter((ref) => ref.taskKey === undefined).map((ref) => ref.name);
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
  const chains = new ChainLengths(model, (k) => unfinishedDependencies(model, graph, k).filter((d) => !inCycle.has(d)));
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
