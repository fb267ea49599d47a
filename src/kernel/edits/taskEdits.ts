import { normaliseStatus, spellStatusLike } from '../model/statuses';
import { splitOwners } from '../model/owners';
import { TASK_FIELDS } from '../model/taskFields';
import { TaskEditError } from './errors';
import type { SubDocument } from './subDocument';
import type { TaskStatus } from '../model/types';
import type { TaskEdit } from './types';
import type { StatusChange } from '../model/statusHistory';

type TaskScopedEdit = Exclude<TaskEdit, { kind: 'setGuardrailResult' } | { kind: 'addTask' }>;

/** The name the task already uses for a field (`title` for `name`, ...), else the preferred one. */
function fieldName(task: Record<string, unknown>, names: readonly string[]): string {
  return names.find((name) => task[name] !== undefined) ?? names[0];
}

export function applyTaskEdit(doc: SubDocument, edit: TaskScopedEdit): void {
  const task = doc.value;
  switch (edit.kind) {
    case 'setStatus': {
      const name = fieldName(task, TASK_FIELDS.status);
      const existing = typeof task[name] === 'string' ? (task[name] as string) : undefined;
      doc.set([name], spellStatusLike(existing, edit.status));
      const from = existing !== undefined ? normaliseStatus(existing) : undefined;
      if (edit.record && from !== edit.status) {
        const change: StatusChange = { status: edit.status, at: edit.record.at };
        if (from) {
          change.from = from;
        }
        if (edit.record.by) {
          change.by = edit.record.by;
        }
        if (edit.record.host) {
          change.host = edit.record.host;
        }
        appendRecord(doc, 'status_history', change);
      }
      return;
    }
    case 'setProgress':
      return setProgress(doc, edit);
    case 'setBranch':
      doc.set([fieldName(task, TASK_FIELDS.branch)], edit.branch);
      return;
    case 'setPrNumber':
      checkPrNumbers(edit.prNumber === null ? [] : [edit.prNumber], edit.taskKey);
      if (listFieldName(task) !== undefined) {
        return setPrNumbers(doc, edit.prNumber === null ? [] : [edit.prNumber]);
      }
      doc.set([fieldName(task, TASK_FIELDS.prNumber)], edit.prNumber);
      return;
    case 'setPrNumbers':
      checkPrNumbers(edit.prNumbers, edit.taskKey);
      if (edit.prNumbers.length === 1 && listFieldName(task) === undefined) {
        doc.set([fieldName(task, TASK_FIELDS.prNumber)], edit.prNumbers[0]);
        return;
      }
      return setPrNumbers(doc, edit.prNumbers);
    case 'setOwner': {
      const name = fieldName(task, TASK_FIELDS.owner);
      doc.set([name], Array.isArray(task[name]) ? splitOwners(edit.owner) : edit.owner);
      return;
    }
    case 'appendBlocker':
      return appendToList(doc, fieldName(task, TASK_FIELDS.blockers), edit.text, true);
    case 'removeBlocker': {
      const name = fieldName(task, TASK_FIELDS.blockers);
      const list = task[name];
      if (Array.isArray(list)) {
        const index = list.indexOf(edit.text);
        if (index !== -1) {
          doc.set([name, index], undefined);
        }
      } else if (list === edit.text) {
        doc.set([name], []);
      }
      return;
    }
    case 'appendNote':
      return appendToList(doc, fieldName(task, TASK_FIELDS.notes), edit.text, false);
    case 'appendOverride':
      return appendRecord(doc, 'overrides', { ...edit.override });
    case 'appendReview':
      return appendRecord(doc, 'reviews', { ...edit.review });
    case 'appendReviewRequest':
      return appendRecord(doc, 'review_requests', { ...edit.request });
    case 'setTaskField':
      if (edit.field.length === 0) {
        throw new TaskEditError('invalidValue', 'a field name is needed', edit.taskKey);
      }
      doc.set([edit.field], edit.value);
      return;
  }
}

function checkPrNumbers(numbers: readonly number[], taskKey: string): void {
  const wrong = numbers.find((n) => !(Number.isInteger(n) && n > 0));
  if (wrong !== undefined) {
    throw new TaskEditError(
      'invalidValue',
      `a PR number is a positive whole number, not ${wrong}`,
      taskKey,
    );
  }
}

function listFieldName(task: Record<string, unknown>): string | undefined {
  return TASK_FIELDS.prNumbers.find((name) => task[name] !== undefined);
}

/**
 * Records several PRs in the task's list field (`pr_numbers` unless it has another). A single
 * `pr_number` it already has is kept as the first of them, so readers of one PR see the first.
 */
function setPrNumbers(doc: SubDocument, prNumbers: readonly number[]): void {
  const task = doc.value;
  doc.set([listFieldName(task) ?? TASK_FIELDS.prNumbers[0]], [...prNumbers]);
  const single = TASK_FIELDS.prNumber.find((name) => task[name] !== undefined);
  if (single !== undefined && task[single] !== null) {
    doc.set([single], prNumbers.length > 0 ? prNumbers[0] : null);
  }
}

function appendRecord(doc: SubDocument, name: string, record: object): void {
  if (Array.isArray(doc.value[name])) {
    doc.set([name, -1], record, true);
  } else {
    doc.set([name], [record]);
  }
}

function appendToList(doc: SubDocument, name: string, text: string, unique: boolean): void {
  const list = doc.value[name];
  if (Array.isArray(list)) {
    if (!(unique && list.includes(text))) {
      doc.set([name, -1], text, true);
    }
  } else if (typeof list === 'string' && list.length > 0) {
    doc.set([name], unique && list === text ? [list] : [list, text]);
  } else {
    doc.set([name], [text]);
  }
}

function setProgress(doc: SubDocument, edit: Extract<TaskEdit, { kind: 'setProgress' }>): void {
  const name = fieldName(doc.value, TASK_FIELDS.progress);
  const current = doc.value[name];
  const progress =
    typeof current === 'object' && current !== null && !Array.isArray(current)
      ? (current as Record<string, unknown>)
      : undefined;
  const totalName =
    progress && progress.total === undefined
      ? 'total_steps'
      : progress?.total !== undefined
        ? 'total'
        : 'total_steps';
  const completedName =
    progress?.completed !== undefined && progress.completed_steps === undefined
      ? 'completed'
      : 'completed_steps';
  const storedTotal =
    typeof progress?.[totalName] === 'number' ? (progress[totalName] as number) : undefined;
  const total = edit.totalSteps ?? storedTotal;
  const valid = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
  if (!valid(edit.completedSteps) || !valid(edit.totalSteps)) {
    throw new TaskEditError(
      'invalidValue',
      'progress steps are whole numbers of at least 0',
      edit.taskKey,
    );
  }
  if (total === undefined) {
    throw new TaskEditError(
      'invalidValue',
      `task "${edit.taskKey}" has no total_steps; give the total too (3/5)`,
      edit.taskKey,
    );
  }
  if (edit.completedSteps > total) {
    throw new TaskEditError(
      'invalidValue',
      `completed steps ${edit.completedSteps} exceed total steps ${total}`,
      edit.taskKey,
    );
  }
  const percentage = total === 0 ? 0 : Math.round((edit.completedSteps / total) * 100);
  if (!progress) {
    doc.set([name], { total_steps: total, completed_steps: edit.completedSteps, percentage });
    return;
  }
  if (edit.totalSteps !== undefined) {
    doc.set([name, totalName], edit.totalSteps);
  }
  doc.set([name, completedName], edit.completedSteps);
  const percentageName =
    progress.percent !== undefined && progress.percentage === undefined ? 'percent' : 'percentage';
  if (progress[percentageName] !== undefined) {
    doc.set([name, percentageName], percentage);
  }
}

export function statusOfRaw(task: Record<string, unknown>): TaskStatus {
  const value = task[fieldName(task, TASK_FIELDS.status)];
  return (typeof value === 'string' ? normaliseStatus(value) : undefined) ?? 'not_started';
}
