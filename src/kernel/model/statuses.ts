import { PRIORITIES, TASK_STATUSES, type Priority, type TaskStatus } from './types';

/** Every status spelling the reader accepts, by the normalised status it means (compared case- and separator-insensitively). */
export const STATUS_SPELLINGS: Readonly<Record<TaskStatus, readonly string[]>> = {
  not_started: [
    'not_started',
    'NOT STARTED',
    'todo',
    'to do',
    'pending',
    'open',
    'new',
    'planned',
    'backlog',
    'queued',
  ],
  in_progress: [
    'in_progress',
    'In Progress',
    'IN PROGRESS',
    'started',
    'active',
    'doing',
    'wip',
    'in review',
    'review',
  ],
  waiting: ['waiting', 'WAITING', 'on hold', 'paused', 'deferred'],
  blocked: ['blocked', 'BLOCKED', 'stuck'],
  completed: [
    'completed',
    'COMPLETE',
    'complete',
    'done',
    'finished',
    'merged',
    'closed',
    'resolved',
  ],
};

export const PRIORITY_SPELLINGS: Readonly<Record<Priority, readonly string[]>> = {
  critical: ['critical', 'urgent', 'blocker', 'p0'],
  high: ['high', 'p1'],
  medium: ['medium', 'med', 'normal', 'p2'],
  low: ['low', 'minor', 'p3', 'p4'],
};

/** The accepted spellings as one flat list, canonical ones first (for messages and docs). */
export const ACCEPTED_STATUS_SPELLINGS: readonly string[] = [
  ...TASK_STATUSES,
  ...TASK_STATUSES.flatMap((s) => STATUS_SPELLINGS[s].filter((spelling) => spelling !== s)),
];

export function spellingKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

function lookupTable<T extends string>(
  spellings: Readonly<Record<T, readonly string[]>>,
): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, list] of Object.entries(spellings) as [T, readonly string[]][]) {
    table.set(spellingKey(value), value);
    for (const spelling of list) {
      table.set(spellingKey(spelling), value);
    }
  }
  return table;
}

const statusTable = lookupTable(STATUS_SPELLINGS);
const priorityTable = lookupTable(PRIORITY_SPELLINGS);

// Text already in its spelling-key form (the usual case) is looked up as it is: keys are their own spelling key.
export function normaliseStatus(text: string): TaskStatus | undefined {
  return statusTable.get(text) ?? statusTable.get(spellingKey(text));
}

export function normalisePriority(text: string): Priority | undefined {
  return priorityTable.get(text) ?? priorityTable.get(spellingKey(text));
}

export function isTaskStatus(text: string): text is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(text);
}

export function priorityRank(priority: Priority | undefined): number {
  return priority === undefined ? PRIORITIES.length : PRIORITIES.indexOf(priority);
}

/**
 * Spells `status` the way `existing` is spelled (case and word separator), so a file written
 * as `NOT STARTED` gets `IN PROGRESS`, not `in_progress`.
 */
export function spellStatusLike(existing: string | undefined, status: TaskStatus): string {
  if (existing === undefined || normaliseStatus(existing) === undefined) {
    return status;
  }
  const separator = /[ ]/.test(existing.trim()) ? ' ' : /-/.test(existing) ? '-' : '_';
  const words = status.split('_');
  const letters = existing.replace(/[^A-Za-z]/g, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) {
    return words.join(separator).toUpperCase();
  }
  if (/^[A-Z][a-z]/.test(existing.trim())) {
    return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(separator);
  }
  return words.join(separator);
}
