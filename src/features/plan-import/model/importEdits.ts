import type { TaskEdit } from '../../../kernel/edits/types';
import { parseEstimate } from '../../../kernel/model/estimate';
import { TASK_FIELDS } from '../../../kernel/model/taskFields';
import { normalisePriority } from '../../../kernel/model/statuses';
import type { Task, TaskModel } from '../../../kernel/model/types';
import { slugify } from '../../worktrees/model/naming/slug';
import type { ImportedTask } from './markdownPlan';
import { matchImportedTask, type TaskMatch } from './matchTasks';

/** Fields an imported row carries, by the reader's field they fill. Status and progress are not among them. */
const CARRIED: [keyof typeof TASK_FIELDS, (row: ImportedTask) => unknown][] = [
  ['owner', (row) => row.owner],
  ['priority', (row) => row.priority],
  ['estimate', (row) => row.estimate],
  ['risk', (row) => row.risk],
  ['reviewer', (row) => row.reviewer],
  ['branch', (row) => row.branch],
  ['criticalReview', (row) => (row.criticalReview ? true : undefined)],
  ['files', (row) => nonEmpty(row.files)],
  ['deliverables', (row) => nonEmpty(row.deliverables)],
  ['acceptance', (row) => nonEmpty(row.acceptance)],
  ['checklist', (row) => nonEmpty(row.checklist)],
];

export interface ImportPlan {
  rows: { row: ImportedTask; match: TaskMatch; key?: string }[];
  edits: TaskEdit[];
}

/**
 * The edits that bring a plan in line with an imported Markdown plan, one way: a matched task gets
 * the fields the row carries (under the spelling the task already uses), and keeps its status,
 * progress and everything the row does not mention; a new row becomes a task in its heading's
 * group; an ambiguous row changes nothing.
 */
export function importEdits(
  rows: readonly ImportedTask[],
  model: TaskModel | undefined,
): ImportPlan {
  const tasks = model?.tasks ?? [];
  const taken = new Set(tasks.flatMap((task) => [task.key, task.id]));
  const plan: ImportPlan = { rows: [], edits: [] };
  const spell = plansSpelling(tasks);
  for (const row of rows) {
    const match = matchImportedTask(row, tasks);
    if (match.kind === 'matched') {
      plan.edits.push(...updates(match.task, row));
      plan.rows.push({ row, match, key: match.task.key });
    } else if (match.kind === 'new') {
      const key = uniqueKey(row, taken);
      taken.add(key);
      plan.edits.push({
        kind: 'addTask',
        taskKey: key,
        group: slugify(row.group ?? '', 40, 'imported'),
        fields: newTask(row, key, spell),
      });
      plan.rows.push({ row, match, key });
    } else {
      plan.rows.push({ row, match });
    }
  }
  return plan;
}

function updates(task: Task, row: ImportedTask): TaskEdit[] {
  const edits: TaskEdit[] = [];
  for (const [field, read] of CARRIED) {
    const value = read(row);
    if (value === undefined) {
      continue;
    }
    const names = TASK_FIELDS[field];
    const name = names.find((n) => task.raw[n] !== undefined) ?? names[0];
    if (sameMeaning(field, task, value)) {
      continue;
    }
    if (JSON.stringify(task.raw[name]) !== JSON.stringify(value)) {
      edits.push({ kind: 'setTaskField', taskKey: task.key, field: name, value });
    }
  }
  return edits;
}

const BASE_BRANCH = /^(main|master|trunk|develop)$/;

/**
 * A value the task already has in another spelling (`HIGH` for `high`, `2h` for 2), or a branch it
 * should not take from the Markdown.
 */
function sameMeaning(field: keyof typeof TASK_FIELDS, task: Task, value: unknown): boolean {
  if (field === 'priority') {
    return typeof value === 'string' && normalisePriority(value) === task.priority;
  }
  if (field === 'estimate') {
    return task.estimate !== undefined && parseEstimate(value)?.hours === task.estimate.hours;
  }
  if (field === 'branch') {
    // A task keeps the branch it has; a shared base branch is never a task's own.
    return task.branch !== undefined || BASE_BRANCH.test(String(value));
  }
  return false;
}

/** A new task in the spellings the plan's tasks already use (`title` where they say `title`). */
function newTask(row: ImportedTask, key: string, spell: Speller): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    [spell('id')]: row.id ?? key,
    [spell('name')]: row.name,
    [spell('status')]: row.done ? 'completed' : (row.status ?? 'not_started'),
  };
  for (const [field, read] of CARRIED) {
    const value = read(row);
    if (value !== undefined && !(field === 'branch' && BASE_BRANCH.test(String(value)))) {
      fields[spell(field)] = value;
    }
  }
  return fields;
}

type Speller = (field: keyof typeof TASK_FIELDS) => string;

/** Each field's spelling most of the plan's tasks use, else the format's own first name. */
function plansSpelling(tasks: readonly Task[]): Speller {
  const chosen = new Map<string, string>();
  return (field) => {
    let name = chosen.get(field);
    if (name === undefined) {
      const names = TASK_FIELDS[field];
      const counts = names.map((n) => tasks.filter((task) => task.raw[n] !== undefined).length);
      const best = counts.indexOf(Math.max(...counts));
      name = counts[best] > 0 ? names[best] : names[0];
      chosen.set(field, name);
    }
    return name;
  };
}

function uniqueKey(row: ImportedTask, taken: ReadonlySet<string>): string {
  const base = slugify(row.id ?? row.name);
  let key = base;
  for (let n = 2; taken.has(key); n++) {
    key = `${base}_${n}`;
  }
  return key;
}

function nonEmpty(list: readonly string[]): string[] | undefined {
  return list.length > 0 ? [...list] : undefined;
}
