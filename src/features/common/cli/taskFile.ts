import { relative, resolve, isAbsolute } from 'node:path';
import type { LoadedTaskFile, Task, TaskModel } from '../../../kernel/model/types';
import { CONVENTIONAL_TASK_FILE, discoverTaskFile } from '../../../platform/taskfile/discover';
import { TaskFileStore } from '../../../platform/taskfile/store';
import { CommandFailure, type CliContext } from './command';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';

export class TaskFileNotFoundError extends CoordinatorError {
  constructor(message: string) {
    super('taskFileNotFound', message);
    this.name = 'TaskFileNotFoundError';
  }
}

/** `--file` when given, else the canonical file found from the working directory (the main worktree's). */
export async function resolveTaskFile(
  fileOption: string | undefined,
  context: CliContext,
): Promise<string> {
  if (fileOption !== undefined) {
    return resolve(context.cwd, fileOption);
  }
  const found = await discoverTaskFile(context.cwd);
  if (!found) {
    throw new TaskFileNotFoundError(
      `no task file found from ${context.cwd} (looked for ${CONVENTIONAL_TASK_FILE}, then **/task_status.json in the main worktree); pass --file PATH`,
    );
  }
  return found;
}

export interface OpenedTaskFile {
  path: string;
  /** The path as printed: relative to the working directory when inside it. */
  shownPath: string;
  store: TaskFileStore;
  loaded: LoadedTaskFile;
}

export async function openTaskFile(
  fileOption: string | undefined,
  context: CliContext,
): Promise<OpenedTaskFile> {
  const path = await resolveTaskFile(fileOption, context);
  const store = new TaskFileStore(path);
  let loaded: LoadedTaskFile;
  try {
    loaded = await store.read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TaskFileNotFoundError(
      code === 'ENOENT' ? `no task file at ${path}` : `cannot read ${path}: ${String(error)}`,
    );
  }
  return { path, shownPath: shownPath(path, context.cwd), store, loaded };
}

export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.length > 0 && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The model of an opened file, or a failure naming the first error when the file does not read. */
export function requireModel(
  opened: OpenedTaskFile,
): Required<Pick<LoadedTaskFile, 'model' | 'graph' | 'summary'>> {
  const { model, graph, summary } = opened.loaded;
  if (!model || !graph || !summary) {
    const first = opened.loaded.diagnostics.find((d) => d.severity === 'error');
    throw new CommandFailure(
      `${opened.shownPath} cannot be read${first ? `: ${first.line}:${first.column}: ${first.message}` : ''} (run coord validate)`,
    );
  }
  return { model, graph, summary };
}

/** A task named by key or by id. */
export function findTask(model: TaskModel, name: string): Task {
  const task = model.byKey.get(name) ?? model.tasks.find((t) => t.id === name);
  if (!task) {
    throw new CommandFailure(`no task "${name}" (give a task key or id; coord list shows them)`);
  }
  return task;
}
