import type { DashboardTask } from './dashboardModel';

/**
 * What the task detail panel shows besides the task's board card: the prose and lists the task
 * file carries. Plain JSON; every string is data shown as text.
 */
export interface TaskDetailExtras {
  description?: string;
  acceptance: readonly string[];
  deliverables: readonly string[];
  files: readonly string[];
  notes: readonly string[];
  risk?: string;
  phase?: string;
  reviewer?: string;
  startedAt?: string;
  steps?: { completed: number; total: number };
}

/** The one task the detail panel shows; `task` is undefined once it left the file. */
export interface TaskDetailModel {
  taskKey: string;
  task?: DashboardTask;
  extras?: TaskDetailExtras;
}
