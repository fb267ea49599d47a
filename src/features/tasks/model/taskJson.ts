import {
  displayStatus,
  externalPrerequisites,
  unfinishedDependencies,
} from '../../../kernel/model/graph';
import type { Task, TaskGraph, TaskModel } from '../../../kernel/model/types';

/** One task as `--json` prints it: stable field names, normalised values, resolved dependencies. */
export function taskJson(model: TaskModel, graph: TaskGraph, task: Task): Record<string, unknown> {
  const refs = graph.dependencies.get(task.key) ?? [];
  return {
    key: task.key,
    id: task.id,
    name: task.name,
    group: task.group,
    owner: task.owner,
    owners: task.owners,
    status: task.status,
    statusText: task.statusText ?? null,
    displayStatus: displayStatus(task, graph),
    ready: graph.ready.has(task.key),
    priority: task.priority ?? null,
    estimate: task.estimate ?? null,
    branch: task.branch ?? null,
    prNumber: task.prNumber ?? null,
    prNumbers: task.prNumbers,
    criticalReview: task.criticalReview,
    progress: task.progress ?? null,
    phase: task.phase ?? null,
    dependencies: refs.map((ref) => ({ name: ref.name, taskKey: ref.taskKey ?? null })),
    taskDependencies: refs.filter((ref) => ref.taskKey !== undefined).map((ref) => ref.taskKey),
    externalDependencies: externalPrerequisites(graph, task.key),
    blockedBy: unfinishedDependencies(model, graph, task.key),
    blockers: task.blockers,
    acceptance: task.acceptance,
    checklist: task.checklist,
  };
}
