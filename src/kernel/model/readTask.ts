import { parseEstimate } from './estimate';
import type { JsonPath } from './locate';
import { splitOwners } from './owners';
import { TASK_FIELDS } from './taskFields';
import { taskJsonPath } from './taskJsonPath';
import { describeValue, type ProblemSink } from './problems';
import { ACCEPTED_STATUS_SPELLINGS, normalisePriority, normaliseStatus } from './statuses';
import { PRIORITIES, type Progress, type Task, type TaskStatus, type TextRange } from './types';

export { TASK_FIELDS };

type Field = keyof typeof TASK_FIELDS;

export interface TaskPlace {
  key: string;
  group: string;
  index: number;
  /** Absent when the task is at `tasks.<group>.<key>`. */
  path?: JsonPath;
  range?: TextRange;
  /** Owner of a task that names none: the agent or owner it is filed under. */
  owner?: string;
}

const FIELDS = Object.keys(TASK_FIELDS) as Field[];
/** Each field's slot: found names and values live in arrays, far faster than keyed objects. */
const SLOT = Object.fromEntries(FIELDS.map((field, slot) => [field, slot])) as Record<
  Field,
  number
>;

/**
 * `slot * 8 + rank` of a known field name (rank 0 = preferred spelling), or -1. A literal switch,
 * which V8 compiles to a fast string dispatch; a test checks it against `TASK_FIELDS`, which
 * `TASK_FIELD_TABLE` (taskFields.ts) defines.
 */
export function fieldCode(name: string): number {
  switch (name) {
    case 'name':
      return 0;
    case 'title':
      return 1;
    case 'id':
      return 8;
    case 'task_id':
      return 9;
    case 'owner':
      return 16;
    case 'owners':
      return 17;
    case 'assignee':
      return 18;
    case 'agent':
      return 19;
    case 'status':
      return 24;
    case 'state':
      return 25;
    case 'priority':
      return 32;
    case 'estimated_hours':
      return 40;
    case 'estimate':
      return 41;
    case 'estimated_time':
      return 42;
    case 'time':
      return 43;
    case 'est':
      return 44;
    case 'hours_spent':
      return 48;
    case 'time_spent':
      return 49;
    case 'branch':
      return 56;
    case 'pr_number':
      return 64;
    case 'pr':
      return 65;
    case 'worktree_path':
      return 72;
    case 'worktree':
      return 73;
    case 'started_at':
      return 80;
    case 'critical_review':
      return 88;
    case 'progress':
      return 96;
    case 'dependencies':
      return 104;
    case 'depends_on':
      return 105;
    case 'deps':
      return 106;
    case 'blockers':
      return 112;
    case 'notes':
      return 120;
    case 'files':
      return 128;
    case 'files_touched':
      return 129;
    case 'acceptance':
      return 136;
    case 'acceptance_criteria':
      return 137;
    case 'accept':
      return 138;
    case 'deliverables':
      return 144;
    case 'risk':
      return 152;
    case 'phase':
      return 160;
    case 'reviewer':
      return 168;
    case 'reviewers':
      return 169;
    case 'reviewer_role':
      return 170;
    case 'review_role':
      return 171;
    case 'pr_numbers':
      return 176;
    case 'prs':
      return 177;
    case 'pull_requests':
      return 178;
    case 'checklist':
      return 184;
    case 'review_checklist':
      return 185;
    case 'checklists':
      return 186;
    default:
      return -1;
  }
}

/**
 * Most lists in a task file are empty; they all share this frozen one, which spares a large file
 * thousands of allocations. Frozen, so code that tries to push onto a task's list fails loudly.
 */
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/**
 * Reads one task in a single pass over its own keys: the hot path of reading a large file, so it
 * avoids per-field lookups and allocations (the reader was four times slower with them).
 */
export function readTask(
  raw: Record<string, unknown>,
  place: TaskPlace,
  report: ProblemSink,
): Task {
  const read = fields.start(raw, place, report);
  try {
    return taskFrom(raw, place, read);
  } finally {
    read.clear();
  }
}

function taskFrom(raw: Record<string, unknown>, place: TaskPlace, read: TaskFields): Task {
  const owner = read.owner() || (place.owner ?? '');
  const statusText = read.string(SLOT.status);
  const status = read.status(statusText);
  const reviewer = read.string(SLOT.reviewer) ?? read.list(SLOT.reviewer).join(', ');
  const prNumber = read.number(SLOT.prNumber, true);
  const prNumbers = read.prNumbers(prNumber);
  return {
    key: place.key,
    id: read.string(SLOT.id) ?? place.key,
    group: place.group,
    index: place.index,
    name: read.string(SLOT.name) ?? place.key,
    owner,
    owners: owner === '' ? EMPTY : ownersOf(owner),
    status,
    statusText: statusText !== undefined && statusText !== status ? statusText : undefined,
    priority: read.priority(),
    estimate: read.estimate(),
    hoursSpent: read.number(SLOT.hoursSpent, false),
    branch: read.string(SLOT.branch),
    prNumber: prNumber ?? prNumbers[0],
    prNumbers,
    worktreePath: read.string(SLOT.worktreePath),
    startedAt: read.string(SLOT.startedAt),
    criticalReview: read.boolean(SLOT.criticalReview) ?? false,
    progress: read.progress(),
    dependencies: read.list(SLOT.dependencies),
    blockers: read.list(SLOT.blockers),
    notes: read.list(SLOT.notes),
    files: read.list(SLOT.files),
    acceptance: read.list(SLOT.acceptance),
    deliverables: read.list(SLOT.deliverables),
    checklist: read.list(SLOT.checklist),
    risk: read.string(SLOT.risk),
    phase: read.string(SLOT.phase),
    reviewer: reviewer === '' ? undefined : reviewer,
    raw,
    range: place.range,
    jsonPath: place.path,
  };
}

/**
 * A copy of `task` at another place in the text. Written out field by field in `taskFrom`'s order,
 * so every task keeps one shape: a spread made objects of another shape, several times slower to
 * create and to read, and a re-read after a small edit moves thousands of tasks.
 */
export function taskMovedTo(task: Task, range: TextRange): Task {
  return {
    key: task.key,
    id: task.id,
    group: task.group,
    index: task.index,
    name: task.name,
    owner: task.owner,
    owners: task.owners,
    status: task.status,
    statusText: task.statusText,
    priority: task.priority,
    estimate: task.estimate,
    hoursSpent: task.hoursSpent,
    branch: task.branch,
    prNumber: task.prNumber,
    prNumbers: task.prNumbers,
    worktreePath: task.worktreePath,
    startedAt: task.startedAt,
    criticalReview: task.criticalReview,
    progress: task.progress,
    dependencies: task.dependencies,
    blockers: task.blockers,
    notes: task.notes,
    files: task.files,
    acceptance: task.acceptance,
    deliverables: task.deliverables,
    checklist: task.checklist,
    risk: task.risk,
    phase: task.phase,
    reviewer: task.reviewer,
    raw: task.raw,
    range,
    jsonPath: task.jsonPath,
  };
}

/**
 * Typed reads of the fields found on one task; problems are reported with their JSON path. One
 * instance serves every task in turn (reading a task never re-enters itself): fresh slot arrays
 * per task were a large share of what reading a big file allocated.
 */
class TaskFields {
  private readonly used: (string | undefined)[] = new Array<string | undefined>(FIELDS.length).fill(
    undefined,
  );
  private readonly values: unknown[] = new Array<unknown>(FIELDS.length).fill(undefined);
  private readonly ranks: number[] = new Array<number>(FIELDS.length).fill(0);
  /** The slots the current task filled, so clearing touches only those. */
  private readonly filled = new Int32Array(FIELDS.length);
  private filledCount = 0;
  private place!: TaskPlace;
  private report!: ProblemSink;

  start(raw: Record<string, unknown>, place: TaskPlace, report: ProblemSink): this {
    this.place = place;
    this.report = report;
    const { used, values, ranks } = this;
    for (const key in raw) {
      const code = fieldCode(key);
      if (code === -1) {
        continue;
      }
      const value = raw[key];
      const slot = code >> 3;
      const rank = code & 7;
      if (value === undefined) {
        continue;
      }
      if (used[slot] === undefined) {
        this.filled[this.filledCount++] = slot;
      } else if (rank >= ranks[slot]) {
        continue;
      }
      used[slot] = key;
      values[slot] = value;
      ranks[slot] = rank;
    }
    return this;
  }

  clear(): void {
    for (let i = 0; i < this.filledCount; i++) {
      this.used[this.filled[i]] = undefined;
      this.values[this.filled[i]] = undefined;
    }
    this.filledCount = 0;
  }

  private value(slot: number): unknown {
    return this.values[slot];
  }

  private path(slot: number, ...rest: (string | number)[]): JsonPath {
    return [
      ...taskJsonPath({ ...this.place, jsonPath: this.place.path }),
      this.used[slot] ?? TASK_FIELDS[FIELDS[slot]][0],
      ...rest,
    ];
  }

  private wrongType(
    slot: number,
    expected: string,
    value: unknown,
    ...rest: (string | number)[]
  ): void {
    const name = this.used[slot];
    const label = rest.length > 0 ? `items of "${name}"` : `"${name}"`;
    this.report({
      severity: 'error',
      code: 'wrong-type',
      message: `${label} should be ${expected}, not ${describeValue(value)}`,
      path: this.path(slot, ...rest),
      taskKey: this.place.key,
    });
  }

  string(slot: number): string | undefined {
    const value = this.value(slot);
    if (typeof value === 'string') {
      return value;
    }
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value === 'number') {
      return String(value);
    }
    if (!Array.isArray(value) || slot !== SLOT.reviewer) {
      this.wrongType(slot, 'a string', value);
    }
    return undefined;
  }

  boolean(slot: number): boolean | undefined {
    const value = this.value(slot);
    if (typeof value === 'boolean' || value === undefined || value === null) {
      return value ?? undefined;
    }
    this.wrongType(slot, 'true or false', value);
    return undefined;
  }

  /** A non-negative number; numeric strings such as `"410"` or `"#410"` are accepted. */
  number(slot: number, integer: boolean): number | undefined {
    const value = this.value(slot);
    if (value === undefined || value === null) {
      return undefined;
    }
    const number = toNumber(value, integer);
    if (number === undefined) {
      this.wrongType(slot, integer ? 'a whole number' : 'a number', value);
    }
    return number;
  }

  /** A list of strings; a single string counts as a one-item list. */
  list(slot: number): string[] {
    const value = this.value(slot);
    if (value === undefined || value === null) {
      return EMPTY;
    }
    if (typeof value === 'string') {
      return value.length > 0 ? [value] : EMPTY;
    }
    if (!Array.isArray(value)) {
      if (NAMED_ITEM_SLOTS.has(slot) && isNamedTexts(value)) {
        return namedTexts(value);
      }
      if (slot !== SLOT.reviewer) {
        this.wrongType(slot, 'a list of strings', value);
      }
      return EMPTY;
    }
    if (value.length === 0) {
      return EMPTY;
    }
    if (allStrings(value)) {
      // Shared with the parsed document, which nothing changes: a copy per task doubled the reader's garbage.
      return value as string[];
    }
    const list: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') {
        list.push(item);
      } else if (typeof item === 'number') {
        list.push(String(item));
      } else {
        this.wrongType(slot, 'strings', item, i);
      }
    }
    return list;
  }

  /**
   * Every PR of the task, in file order: `pr_number` first, then the `pr_numbers` list, each once.
   * A task split across several pull requests records them all.
   */
  prNumbers(single: number | undefined): number[] {
    const value = this.value(SLOT.prNumbers);
    if (value === undefined || value === null) {
      return single === undefined ? (EMPTY as unknown as number[]) : [single];
    }
    const items: unknown[] = Array.isArray(value) ? value : [value];
    const numbers: number[] = single === undefined ? [] : [single];
    for (let i = 0; i < items.length; i++) {
      const number = toNumber(items[i], true);
      if (number === undefined) {
        this.wrongType(
          SLOT.prNumbers,
          'whole numbers',
          items[i],
          ...(Array.isArray(value) ? [i] : []),
        );
      } else if (!numbers.includes(number)) {
        numbers.push(number);
      }
    }
    return numbers;
  }

  owner(): string {
    const value = this.value(SLOT.owner);
    return Array.isArray(value)
      ? this.list(SLOT.owner).join(' + ')
      : (this.string(SLOT.owner) ?? '');
  }

  status(text: string | undefined): TaskStatus {
    if (text === undefined) {
      return 'not_started';
    }
    const status = normaliseStatus(text);
    if (status === undefined) {
      this.report({
        severity: 'warning',
        code: 'unknown-status',
        message: `unknown status "${text}" (read as not_started); accepted: ${ACCEPTED_STATUS_SPELLINGS.join(', ')}`,
        path: this.path(SLOT.status),
        taskKey: this.place.key,
      });
      return 'not_started';
    }
    return status;
  }

  priority(): Task['priority'] {
    const text = this.string(SLOT.priority);
    if (text === undefined || text === '') {
      return undefined;
    }
    const priority = normalisePriority(text);
    if (priority === undefined) {
      this.report({
        severity: 'warning',
        code: 'unknown-priority',
        message: `unknown priority "${text}"; accepted: ${PRIORITIES.join(', ')}`,
        path: this.path(SLOT.priority),
        taskKey: this.place.key,
      });
    }
    return priority;
  }

  estimate(): Task['estimate'] {
    const value = this.value(SLOT.estimate);
    if (value === undefined || value === null) {
      return undefined;
    }
    const estimate = typeof value === 'number' ? hoursEstimate(value) : parseEstimate(value);
    if (!estimate) {
      this.report({
        severity: 'warning',
        code: 'bad-estimate',
        message: `cannot read the estimate ${JSON.stringify(value)}; write hours (2.5), a duration (30min, 2h) or a range (2-3h)`,
        path: this.path(SLOT.estimate),
        taskKey: this.place.key,
      });
    }
    return estimate;
  }

  progress(): Progress | undefined {
    const value = this.value(SLOT.progress);
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value === 'number') {
      if (value < 0 || value > 100) {
        this.outOfRange(this.path(SLOT.progress), `progress ${value} is outside 0..100`);
        return undefined;
      }
      return sharedProgress(0, 0, value);
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.wrongType(SLOT.progress, 'an object {total_steps, completed_steps, percentage}', value);
      return undefined;
    }
    return this.steps(value as Record<string, unknown>);
  }

  /** Steps and percentage of a progress object; read without helper objects, as nearly every task has one. */
  private steps(raw: Record<string, unknown>): Progress | undefined {
    const totalSteps = this.stepCount(raw, presentName(raw, TOTAL_NAMES));
    const completedSteps = this.stepCount(raw, presentName(raw, COMPLETED_NAMES));
    const percentageName = presentName(raw, PERCENTAGE_NAMES);
    const percentageValue = percentageName === undefined ? undefined : raw[percentageName];
    let percentage = typeof percentageValue === 'number' ? percentageValue : undefined;
    if (percentageName !== undefined && percentage === undefined && percentageValue !== null) {
      this.wrongProgressType(percentageName, 'a number', percentageValue);
    }
    if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
      this.outOfRange(
        this.progressPath(percentageName!),
        `progress percentage ${percentage} is outside 0..100`,
      );
      percentage = undefined;
    }
    if (totalSteps !== undefined && completedSteps !== undefined) {
      if (completedSteps > totalSteps) {
        this.outOfRange(
          this.progressPath('completed_steps'),
          `completed_steps ${completedSteps} is more than total_steps ${totalSteps}`,
        );
        return sharedProgress(totalSteps, completedSteps, 100);
      }
      const derived =
        totalSteps === 0 ? (percentage ?? 0) : Math.round((completedSteps / totalSteps) * 100);
      return sharedProgress(totalSteps, completedSteps, derived);
    }
    if (percentage === undefined && totalSteps === undefined && completedSteps === undefined) {
      return undefined;
    }
    return sharedProgress(totalSteps ?? 0, completedSteps ?? 0, percentage ?? 0);
  }

  private stepCount(raw: Record<string, unknown>, name: string | undefined): number | undefined {
    if (name === undefined) {
      return undefined;
    }
    const value = raw[name];
    if (value === null) {
      return undefined;
    }
    const count = toNumber(value, true);
    if (count === undefined) {
      this.wrongProgressType(name, 'a whole number', value);
    }
    return count;
  }

  private progressPath(name: string): JsonPath {
    return [...this.path(SLOT.progress), name];
  }

  private wrongProgressType(name: string, expected: string, value: unknown): void {
    this.report({
      severity: 'error',
      code: 'wrong-type',
      message: `"${name}" should be ${expected}, not ${describeValue(value)}`,
      path: this.progressPath(name),
      taskKey: this.place.key,
    });
  }

  private outOfRange(path: JsonPath, message: string): void {
    this.report({
      severity: 'error',
      code: 'progress-range',
      message,
      path,
      taskKey: this.place.key,
    });
  }
}

const fields = new TaskFields();

/**
 * A plan names few owners, few distinct hour figures and few step counts across thousands of tasks:
 * tasks with the same text share one frozen list, estimate or progress instead of allocating their own. Bounded, as the
 * tables outlive one read.
 */
const SHARED_LIMIT = 512;
const sharedOwners = new Map<string, string[]>();
const sharedHours = new Map<number, Task['estimate']>();

function ownersOf(owner: string): string[] {
  let owners = sharedOwners.get(owner);
  if (owners === undefined) {
    if (sharedOwners.size >= SHARED_LIMIT) {
      sharedOwners.clear();
    }
    owners = Object.freeze(splitOwners(owner)) as string[];
    sharedOwners.set(owner, owners);
  }
  return owners;
}

const sharedProgresses = new Map<number, Progress>();

/** Steps up to 1023 and whole percentages share one frozen progress; others get their own. */
function sharedProgress(totalSteps: number, completedSteps: number, percentage: number): Progress {
  if (
    totalSteps > 1023 ||
    completedSteps > 1023 ||
    !Number.isInteger(percentage) ||
    !Number.isInteger(totalSteps) ||
    !Number.isInteger(completedSteps)
  ) {
    return { totalSteps, completedSteps, percentage };
  }
  // Percentages are 0..100, so the three fit one exact number.
  const key = (totalSteps * 1024 + completedSteps) * 128 + percentage;
  let progress = sharedProgresses.get(key);
  if (progress === undefined) {
    if (sharedProgresses.size >= SHARED_LIMIT) {
      sharedProgresses.clear();
    }
    progress = Object.freeze({ totalSteps, completedSteps, percentage });
    sharedProgresses.set(key, progress);
  }
  return progress;
}

function hoursEstimate(hours: number): Task['estimate'] {
  let estimate = sharedHours.get(hours);
  if (estimate === undefined && !sharedHours.has(hours)) {
    if (sharedHours.size >= SHARED_LIMIT) {
      sharedHours.clear();
    }
    const parsed = parseEstimate(hours);
    estimate = parsed && Object.freeze(parsed);
    sharedHours.set(hours, estimate);
  }
  return estimate;
}

/** Lists a plan may also write as an object of item name → text (`{"latency": "p95 < 200ms"}`). */
const NAMED_ITEM_SLOTS: ReadonlySet<number> = new Set([
  SLOT.acceptance,
  SLOT.deliverables,
  SLOT.checklist,
]);

function isNamedTexts(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((item) => typeof item === 'string' || typeof item === 'number')
  );
}

/** `{"latency": "p95 < 200ms"}` reads as `["latency: p95 < 200ms"]`. */
function namedTexts(value: Record<string, unknown>): string[] {
  return Object.entries(value).map(([name, text]) => `${name}: ${String(text)}`);
}

const TOTAL_NAMES = ['total_steps', 'total'];
const COMPLETED_NAMES = ['completed_steps', 'completed', 'done'];
const PERCENTAGE_NAMES = ['percentage', 'percent'];

/** The first of `names` present in `raw` (aliases, first spelling preferred). */
function presentName(raw: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (let i = 0; i < names.length; i++) {
    if (raw[names[i]] !== undefined) {
      return names[i];
    }
  }
  return undefined;
}

/** A non-negative number (numeric strings such as `"410"` or `"#410"` accepted), or undefined when it is none. */
function toNumber(value: unknown, integer: boolean): number | undefined {
  const number =
    typeof value === 'string' && /^#?\d+(\.\d+)?$/.test(value.trim())
      ? Number(value.trim().replace('#', ''))
      : value;
  return typeof number === 'number' &&
    Number.isFinite(number) &&
    number >= 0 &&
    (!integer || Number.isInteger(number))
    ? number
    : undefined;
}

function allStrings(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string') {
      return false;
    }
  }
  return true;
}
