import type { TaskModel } from './types';

/**
 * The ids tasks state, by model: the model builder checks them for duplicates as it reads, and the
 * graph resolves dependencies written as ids through the same table instead of building another.
 */
const keysOfIds = new WeakMap<TaskModel, ReadonlyMap<string, string>>();

export function rememberTaskIds(model: TaskModel, keyOfId: ReadonlyMap<string, string>): void {
  keysOfIds.set(model, keyOfId);
}

/** The key of the first task stating `id`, when the model came from the builder; else undefined. */
export function taskIdsOf(model: TaskModel): ReadonlyMap<string, string> | undefined {
  return keysOfIds.get(model);
}
