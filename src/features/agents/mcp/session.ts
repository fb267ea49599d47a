import type { Actor } from '../../../kernel/edits/types';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import type { LoadedTaskFile, Task, TaskGraph, TaskModel } from '../../../kernel/model/types';
import type { TaskFileStore } from '../../../platform/taskfile/store';
import type { WorktreeSettings } from '../../worktrees/model/settings';

/** What every tool of one server process works with. */
export interface McpSession {
  /** Absolute path of the canonical task file. */
  taskFilePath: string;
  /** Where the server runs: the agent's worktree. */
  cwd: string;
  store: TaskFileStore;
  /** The plan as last read; read again only when the file changed. */
  readPlanFile(): Promise<LoadedTaskFile>;
  /** The task this agent works on (`COORD_TASK`); edits to others need `allowOtherTasks`. */
  ownTask?: string;
  allowOtherTasks: boolean;
  /** The repository's coordinator.worktrees.* settings, as coord start and the editor read them. */
  worktreeSettings?: WorktreeSettings;
  /** Known once the client has said its name. */
  actor(): Promise<Actor>;
}

export interface ReadPlan {
  loaded: LoadedTaskFile;
  model: TaskModel;
  graph: TaskGraph;
}

export async function readPlan(session: McpSession): Promise<ReadPlan> {
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
export function findTaskIn(model: TaskModel, session: McpSession, name?: string): Task {
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
export function editableTask(model: TaskModel, session: McpSession, name?: string): Task {
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
