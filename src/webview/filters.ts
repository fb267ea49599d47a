import type { DashboardTask } from '../protocol/dashboardModel';

export interface BoardFilters {
  owner: string;
  priority: string;
  group: string;
  text: string;
}

export const NO_FILTERS: BoardFilters = { owner: '', priority: '', group: '', text: '' };

/** Empty filter values match everything; text matches name, key, id, branch or owner, ignoring case. */
export function matchesFilters(task: DashboardTask, filters: BoardFilters): boolean {
  if (filters.owner && !task.owners.includes(filters.owner) && task.owner !== filters.owner) {
    return false;
  }
  if (filters.priority && (task.priority ?? 'none') !== filters.priority) {
    return false;
  }
  if (filters.group && task.group !== filters.group) {
    return false;
  }
  const text = filters.text.trim().toLowerCase();
  if (!text) {
    return true;
  }
  return [task.name, task.key, task.id, task.branch ?? '', task.owner].some((field) =>
    field.toLowerCase().includes(text),
  );
}
