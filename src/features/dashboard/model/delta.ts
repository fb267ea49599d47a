import type {
  DashboardDelta,
  DashboardTask,
  DashboardViewModel,
} from '../../../protocol/dashboardModel';

/** What changed from `previous` to `next`: changed tasks by key, removed keys, changed sections. */
export function diffDashboard(
  previous: DashboardViewModel,
  next: DashboardViewModel,
): DashboardDelta {
  const previousByKey = new Map(previous.tasks.map((task) => [task.key, JSON.stringify(task)]));
  const changed = next.tasks.filter((task) => previousByKey.get(task.key) !== JSON.stringify(task));
  const nextKeys = new Set(next.tasks.map((task) => task.key));
  const removed = previous.tasks.filter((task) => !nextKeys.has(task.key)).map((task) => task.key);
  const delta: DashboardDelta = { changed, removed, sections: changedSections(previous, next) };
  if (!sameOrderAfterApplying(previous.tasks, next.tasks, removed)) {
    delta.order = next.tasks.map((task) => task.key);
  }
  return delta;
}

export function isEmptyDelta(delta: DashboardDelta): boolean {
  return (
    delta.changed.length === 0 &&
    delta.removed.length === 0 &&
    delta.order === undefined &&
    Object.keys(delta.sections).length === 0
  );
}

/** Applies a delta; new tasks without an explicit order go to the end. */
export function applyDashboardDelta(
  previous: DashboardViewModel,
  delta: DashboardDelta,
): DashboardViewModel {
  const removed = new Set(delta.removed);
  const byKey = new Map(
    previous.tasks.filter((task) => !removed.has(task.key)).map((task) => [task.key, task]),
  );
  for (const task of delta.changed) {
    byKey.set(task.key, task);
  }
  const tasks = delta.order
    ? delta.order.flatMap((key) => byKey.get(key) ?? [])
    : [...byKey.values()];
  const next: Record<string, unknown> = { ...previous, tasks };
  for (const [key, value] of Object.entries(delta.sections)) {
    if (value === null) {
      delete next[key];
    } else {
      next[key] = value;
    }
  }
  return next as unknown as DashboardViewModel;
}

function changedSections(
  previous: DashboardViewModel,
  next: DashboardViewModel,
): DashboardDelta['sections'] {
  const sections: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  keys.delete('tasks');
  for (const key of keys) {
    const before = (previous as unknown as Record<string, unknown>)[key];
    const after = (next as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      sections[key] = after === undefined ? null : after;
    }
  }
  return sections as DashboardDelta['sections'];
}

/** True when removing keys and appending new tasks at the end reproduces `next`'s order. */
function sameOrderAfterApplying(
  previous: readonly DashboardTask[],
  next: readonly DashboardTask[],
  removed: readonly string[],
): boolean {
  const gone = new Set(removed);
  const kept = previous.filter((task) => !gone.has(task.key)).map((task) => task.key);
  const keptSet = new Set(kept);
  const expected = [
    ...kept,
    ...next.filter((task) => !keptSet.has(task.key)).map((task) => task.key),
  ];
  return expected.length === next.length && expected.every((key, i) => key === next[i].key);
}
