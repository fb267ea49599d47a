import type { Priority, Task, TaskGraph, TaskModel } from '../../../kernel/model/types';

export interface StartCandidate {
  task: Task;
  /** Ready: not started and every task dependency completed. Resumable: in progress (opens its worktree). */
  kind: 'ready' | 'resumable' | 'blocked';
  /** Why a blocked task is not ready, for the quick pick's detail line and the confirmation. */
  reasons: string[];
  /** External prerequisites (dependencies that are not tasks), shown but not blocking. */
  prerequisites: string[];
}

const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const PHASE_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/**
 * Tasks one could start, in the order a quick pick shows them: ready ones by
 * priority then phase then file order; then tasks in progress; then blocked
 * or waiting ones with their reasons. Completed tasks are left out.
 */
export function startCandidates(model: TaskModel, graph?: TaskGraph): StartCandidate[] {
  const candidates: StartCandidate[] = [];
  for (const task of model.tasks) {
    if (task.status === 'completed') {
      continue;
    }
    const { unfinished, prerequisites } = dependencyState(task, model, graph);
    const reasons: string[] = [];
    if (task.status === 'blocked' || task.status === 'waiting') {
      reasons.push(`status is ${task.status}`);
    }
    for (const dependency of unfinished) {
      reasons.push(`waits for ${dependency.key} (${dependency.status.replace('_', ' ')})`);
    }
    for (const blocker of task.blockers) {
      reasons.push(`blocker: ${blocker}`);
    }
    const kind =
      task.status === 'in_progress' ? 'resumable' : reasons.length === 0 ? 'ready' : 'blocked';
    candidates.push({ task, kind, reasons, prerequisites });
  }
  const kindRank = { ready: 0, resumable: 1, blocked: 2 } as const;
  return candidates.sort(
    (a, b) =>
      kindRank[a.kind] - kindRank[b.kind] ||
      priorityRank(a.task) - priorityRank(b.task) ||
      phaseRank(a.task) - phaseRank(b.task) ||
      a.task.index - b.task.index,
  );
}

function dependencyState(task: Task, model: TaskModel, graph?: TaskGraph) {
  const unfinished: Task[] = [];
  const prerequisites: string[] = [];
  const refs =
    graph?.dependencies.get(task.key) ??
    task.dependencies.map((name) => ({ name, taskKey: resolveTaskKey(name, model) }));
  for (const ref of refs) {
    const dependency = ref.taskKey ? model.byKey.get(ref.taskKey) : undefined;
    if (!dependency) {
      prerequisites.push(ref.name);
    } else if (dependency.status !== 'completed') {
      unfinished.push(dependency);
    }
  }
  return { unfinished, prerequisites };
}

function resolveTaskKey(name: string, model: TaskModel): string | undefined {
  if (model.byKey.has(name)) {
    return name;
  }
  return model.tasks.find((task) => task.id === name)?.key;
}

function priorityRank(task: Task): number {
  return task.priority ? PRIORITY_RANK[task.priority] : 4;
}

function phaseRank(task: Task): number {
  if (!task.phase) {
    return 99;
  }
  const text = task.phase.toLowerCase();
  const word = PHASE_WORDS.findIndex((phase) => text.includes(phase));
  if (word >= 0) {
    return word;
  }
  const number = /\d+/.exec(text);
  return number ? Number(number[0]) : 98;
}

/** Finds a task by key, id or (case-insensitively) either, as the CLI and commands accept it. */
export function findTask(model: TaskModel, keyOrId: string): Task | undefined {
  const exact = model.byKey.get(keyOrId) ?? model.tasks.find((task) => task.id === keyOrId);
  if (exact) {
    return exact;
  }
  const lower = keyOrId.toLowerCase();
  return model.tasks.find(
    (task) => task.key.toLowerCase() === lower || task.id.toLowerCase() === lower,
  );
}
