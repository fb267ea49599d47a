import { blockingChain } from '../../../kernel/model/graph';
import type { Task } from '../../../kernel/model/types';
import { taskJson } from '../../tasks/model/taskJson';
import type { ToolSession, ReadPlan } from './toolSession';

/** The plan in a few lines: what the overview tool and the plan resource return. */
export function planOverview(plan: ReadPlan, session: ToolSession): Record<string, unknown> {
  const { model, graph, loaded } = plan;
  const own = session.ownTask
    ? (model.byKey.get(session.ownTask) ?? model.tasks.find((t) => t.id === session.ownTask))
    : undefined;
  return {
    file: session.taskFilePath,
    summary: loaded.summary ?? null,
    ownTask: own ? taskJson(model, graph, own) : (session.ownTask ?? null),
    editsOtherTasks: session.allowOtherTasks,
  };
}

/** One task as the show tool and the task resource return it. */
export function taskDetails(plan: ReadPlan, task: Task): Record<string, unknown> {
  const { model, graph } = plan;
  return {
    ...taskJson(model, graph, task),
    blockingChain: blockingChain(model, graph, task.key),
    dependents: graph.dependents.get(task.key) ?? [],
    acceptance: task.acceptance,
    notes: task.notes,
    files: task.files,
    reviewer: task.reviewer ?? null,
    worktreePath: task.worktreePath ?? null,
  };
}
