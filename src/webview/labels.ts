import type { DisplayStatus } from '../kernel/model/types';

export const BOARD_COLUMNS: readonly DisplayStatus[] = [
  'ready',
  'not_started',
  'in_progress',
  'waiting',
  'blocked',
  'completed',
];

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  ready: 'Ready',
  not_started: 'Not started',
  in_progress: 'In progress',
  waiting: 'Waiting',
  blocked: 'Blocked',
  completed: 'Completed',
};

export const STATUS_ICONS: Record<DisplayStatus, string> = {
  ready: 'play-circle',
  not_started: 'circle-large-outline',
  in_progress: 'pulse',
  waiting: 'watch',
  blocked: 'error',
  completed: 'pass',
};

export function formatHours(hours: number | undefined): string {
  if (hours === undefined) {
    return '—';
  }
  return `${Math.round(hours * 10) / 10} h`;
}

/** "3 min ago", "5 h ago", "2 d ago"; empty when the timestamp does not parse. */
export function formatAge(iso: string | undefined, now: number): string {
  if (!iso) {
    return 'never';
  }
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return '';
  }
  const minutes = Math.max(0, Math.round((now - then) / 60_000));
  if (minutes < 1) {
    return 'just now';
  }
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) {
    return '';
  }
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** Long strings from the file are cut for layout; the full text stays in a title/tooltip. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
