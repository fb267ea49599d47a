import type { Task } from '../../../kernel/model/types';
import type { TaskDetailExtras, TaskDetailModel } from '../../../protocol/taskDetail';
import type { DashboardInputs } from './inputs';
import { deriveDashboard } from './viewModel';

/** One task as the detail panel shows it: its board card plus the prose and lists of the file. */
export function deriveTaskDetail(inputs: DashboardInputs, taskKey: string): TaskDetailModel {
  const task = inputs.loaded?.model?.byKey.get(taskKey);
  if (!task) {
    return { taskKey };
  }
  const card = deriveDashboard(inputs).tasks.find((candidate) => candidate.key === taskKey);
  return { taskKey, task: card, extras: taskDetailExtras(task) };
}

export function taskDetailExtras(task: Task): TaskDetailExtras {
  const description = task.raw.description;
  const extras: TaskDetailExtras = {
    acceptance: task.acceptance,
    deliverables: task.deliverables,
    files: task.files,
    notes: task.notes,
  };
  if (typeof description === 'string' && description.trim() !== '') {
    extras.description = description;
  }
  if (task.risk) {
    extras.risk = task.risk;
  }
  if (task.phase) {
    extras.phase = task.phase;
  }
  if (task.reviewer) {
    extras.reviewer = task.reviewer;
  }
  if (task.startedAt) {
    extras.startedAt = task.startedAt;
  }
  if (task.progress && task.progress.totalSteps > 0) {
    extras.steps = { completed: task.progress.completedSteps, total: task.progress.totalSteps };
  }
  return extras;
}
