import type { DisplayStatus } from '../model/types';

/** How a status looks: a codicon id and a theme colour id, both plain strings so this stays pure. */
export interface StatusAppearance {
  label: string;
  icon: string;
  color: string;
}

export const STATUS_APPEARANCE: Readonly<Record<DisplayStatus, StatusAppearance>> = {
  not_started: { label: 'Not started', icon: 'circle-large-outline', color: 'disabledForeground' },
  ready: { label: 'Ready', icon: 'play-circle', color: 'charts.blue' },
  in_progress: { label: 'In progress', icon: 'sync', color: 'charts.yellow' },
  waiting: { label: 'Waiting', icon: 'watch', color: 'charts.orange' },
  blocked: { label: 'Blocked', icon: 'error', color: 'list.errorForeground' },
  completed: { label: 'Completed', icon: 'pass-filled', color: 'testing.iconPassed' },
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
