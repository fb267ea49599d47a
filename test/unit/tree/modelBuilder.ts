import type { DependencyRef, Task, TaskGraph, TaskModel } from '../../../src/kernel/model/types';

/** Builds a normalised model and graph from a few fields per task, the way the loader would. */
export type TaskSpec = Partial<Task> & { key: string; group?: string };

export function buildModel(specs: TaskSpec[]): { model: TaskModel; graph: TaskGraph } {
  const tasks: Task[] = specs.map((spec, index) => ({
    id: spec.key,
    group: 'main',
    name: `Task ${spec.key}`,
    owner: '',
    owners: (spec.owner ?? '')
      .split('+')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    status: 'not_started',
    criticalReview: false,
    dependencies: [],
    blockers: [],
    notes: [],
    files: [],
    acceptance: [],
    deliverables: [],
    checklist: [],
    prNumbers: spec.prNumber === undefined ? [] : [spec.prNumber],
    raw: {},
    ...spec,
    index,
  }));
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const groups: { key: string; taskKeys: string[] }[] = [];
  for (const task of tasks) {
    let group = groups.find((g) => g.key === task.group);
    if (!group) {
      group = { key: task.group, taskKeys: [] };
      groups.push(group);
    }
    group.taskKeys.push(task.key);
  }
  const dependencies = new Map<string, DependencyRef[]>();
  const dependents = new Map<string, string[]>();
  for (const task of tasks) {
    const refs = task.dependencies.map((name) => ({
      name,
      taskKey: (byKey.get(name) ?? byId.get(name))?.key,
    }));
    dependencies.set(task.key, refs);
    for (const ref of refs) {
      if (ref.taskKey) {
        dependents.set(ref.taskKey, [...(dependents.get(ref.taskKey) ?? []), task.key]);
      }
    }
  }
  const ready = new Set(
    tasks
      .filter((t) => t.status === 'not_started')
      .filter((t) =>
        (dependencies.get(t.key) ?? []).every(
          (r) => !r.taskKey || byKey.get(r.taskKey)?.status === 'completed',
        ),
      )
      .map((t) => t.key),
  );
  const model: TaskModel = { layout: 'map', groups, tasks, byKey, guardrails: [], raw: {} };
  return { model, graph: { dependencies, dependents, cycles: [], ready, criticalPath: [] } };
}
