import type { Actor } from '../../../kernel/edits/types';
import type { ReviewRecord } from '../../../kernel/model/reviews';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import type { LoadedTaskFile, Task, TaskGraph, TaskModel } from '../../../kernel/model/types';
import type { TaskStoreLike } from '../../tasks/updateTask';
import type { WorktreeSettings } from '../../worktrees/model/settings';

/** What every plan tool works with, whichever host serves it (`coord mcp`, the editor's language model tools). */
export interface ToolSession {
  /** Absolute path of the canonical task file. */
  taskFilePath: string;
  /** Where the tools run: the agent's worktree, or the editor's folder. */
  cwd: string;
  store: TaskStoreLike;
  /** The plan as last read; read again only when the file changed. */
  readPlanFile(): Promise<LoadedTaskFile>;
  /** The task this agent works on (`COORD_TASK`); edits to others need `allowOtherTasks`. */
  ownTask?: string;
  allowOtherTasks: boolean;
  /** The repository's coordinator.worktrees.* settings, as coord start and the editor read them. */
  worktreeSettings?: WorktreeSettings;
  /** Approvals on a task's PR by mapped logins, where the host can read GitHub. */
  pullRequestReviews?(): Promise<((task: Task) => Promise<ReviewRecord[]>) | undefined>;
  /** Known once the client has said its name. */
  actor(): Promise<Actor>;
  /**
   * After an edit: commits the plan when the repository's settings ask for it after a status
   * change; the line to report, if any. Absent where the host commits on its own (the editor).
   */
  afterPlanChange?(before: TaskModel, after: TaskModel | undefined): Promise<string | undefined>;
}

export interface ReadPlan {
  loaded: LoadedTaskFile;
  model: TaskModel;
  graph: TaskGraph;
}

export async function readPlan(session: ToolSession): Promise<ReadPlan> {
  const loaded = await session.readPlanFile();
  if (!loaded.model || !loaded.graph) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    throw new CoordinatorError(
      'badInput',
      `The task file cannot be read${first ? `: ${first.line}:${first.column}: ${first.message}` : ''}.`,
    );
  }
  return { loaded, model: loaded.model, graph: loaded.graph };
}

/** A task by key or id; the agent's own task when no name is given. */
export function findTaskIn(model: TaskModel, session: ToolSession, name?: string): Task {
  const wanted = name ?? session.ownTask;
  if (!wanted) {
    throw new CoordinatorError(
      'badInput',
      'Name a task: this server has no task of its own (COORD_TASK is not set).',
    );
  }
  const task = model.byKey.get(wanted) ?? model.tasks.find((t) => t.id === wanted);
  if (!task) {
    throw new CoordinatorError('unknownTask', `No task "${wanted}" in the task file.`);
  }
  return task;
}

/** The task an edit is for, refused when it is not the agent's own and others are not allowed. */
export function editableTask(model: TaskModel, session: ToolSession, name?: string): Task {
  const task = findTaskIn(model, session, name);
  if (session.allowOtherTasks) {
    return task;
  }
  const own = session.ownTask;
  if (!own) {
    throw new CoordinatorError(
      'badInput',
      `Cannot edit ${task.key}: this server has no task of its own (COORD_TASK is not set); start it with --allow-other-tasks to edit any task.`,
    );
  }
  if (own !== task.key && own !== task.id) {
    throw new CoordinatorError(
      'badInput',
      `Cannot edit ${task.key}: this agent works on ${own}; start the server with --allow-other-tasks to edit other tasks.`,
    );
  }
  return task;
}
