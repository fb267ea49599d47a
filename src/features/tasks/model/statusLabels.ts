import type { DisplayStatus } from '../../../kernel/model/types';

/** The words a person reads for each status, in every view. */
export const STATUS_LABEL: Readonly<Record<DisplayStatus, string>> = {
  not_started: 'Not started',
  ready: 'Ready',
  in_progress: 'In progress',
  waiting: 'Waiting',
  blocked: 'Blocked',
  completed: 'Completed',
};

/** The order statuses are listed in when tasks are grouped by status: what needs attention first. */
export const DISPLAY_STATUS_ORDER: readonly DisplayStatus[] = [
  'in_progress',
  'ready',
  'blocked',
  'waiting',
  'not_started',
  'completed',
];
