import { humanizeKey } from './humanKey';
import { PRIORITIES, type Task, type TaskGraph, type TaskModel } from '../../../kernel/model/types';
import { displayStatusOf } from './displayStatus';
import { DISPLAY_STATUS_ORDER, STATUS_LABEL } from './statusLabels';

export const GROUP_BY_VALUES = ['group', 'owner', 'status', 'priority', 'phase'] as const;
export type GroupBy = (typeof GROUP_BY_VALUES)[number];

/** One group row before filtering: a stable key, what people read, and its tasks in file order. */
export interface TaskBucket {
  key: string;
  label: string;
  tasks: Task[];
}

const UNASSIGNED = 'Unassigned';
const NO_PRIORITY = 'No priority';
const NO_PHASE = 'No phase';

/** Buckets in a meaningful order: the file's own order for groups, owners and phases; fixed scales for status and priority. */
export function groupTasks(
  model: TaskModel,
  graph: TaskGraph | undefined,
  groupBy: GroupBy,
): TaskBucket[] {
  switch (groupBy) {
    case 'group':
      return model.groups.map((group) => ({
        key: group.key,
        label: humanizeKey(group.key),
        tasks: tasksOf(model, group.taskKeys),
      }));
    case 'owner':
      return bucketsInFirstSeenOrder(model.tasks, (task) => task.owner.trim() || UNASSIGNED);
    case 'phase':
      return moveToEnd(
        bucketsInFirstSeenOrder(model.tasks, (task) => task.phase?.trim() || NO_PHASE),
        NO_PHASE,
      );
    case 'status': {
      const byStatus = bucketsInFirstSeenOrder(model.tasks, (task) => displayStatusOf(task, graph));
      return DISPLAY_STATUS_ORDER.flatMap((status) => {
        const bucket = byStatus.find((b) => b.key === status);
        return bucket ? [{ ...bucket, label: STATUS_LABEL[status] }] : [];
      });
    }
    case 'priority': {
      const byPriority = bucketsInFirstSeenOrder(
        model.tasks,
        (task) => task.priority ?? NO_PRIORITY,
      );
      return [...PRIORITIES, NO_PRIORITY].flatMap((priority) => {
        const bucket = byPriority.find((b) => b.key === priority);
        return bucket ? [{ ...bucket, label: capitalise(priority) }] : [];
      });
    }
  }
}

function tasksOf(model: TaskModel, keys: readonly string[]): Task[] {
  const tasks: Task[] = [];
  for (const key of keys) {
    const task = model.byKey.get(key);
    if (task) {
      tasks.push(task);
    }
  }
  return tasks;
}

function bucketsInFirstSeenOrder(
  tasks: readonly Task[],
  keyOf: (task: Task) => string,
): TaskBucket[] {
  const buckets = new Map<string, TaskBucket>();
  for (const task of tasks) {
    const key = keyOf(task);
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { key, label: key, tasks: [] };
      buckets.set(key, bucket);
    }
    bucket.tasks.push(task);
  }
  return [...buckets.values()];
}

function moveToEnd(buckets: TaskBucket[], key: string): TaskBucket[] {
  const last = buckets.filter((b) => b.key === key);
  return [...buckets.filter((b) => b.key !== key), ...last];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
