import { parseEstimate } from './estimate';
import { FieldReader } from './fieldReader';
import type { JsonPath } from './locate';
import { splitOwners } from './owners';
import type { ProblemSink } from './problems';
import { ACCEPTED_STATUS_SPELLINGS, normalisePriority, normaliseStatus } from './statuses';
import { PRIORITIES, type Progress, type Task, type TaskStatus, type TextRange } from './types';

/** Field names the reader understands, first spelling preferred. Everything else stays in `raw`. */
export const TASK_FIELDS = {
  name: ['name', 'title'],
  id: ['id'],
  owner: ['owner', 'owners', 'assignee', 'agent'],
  status: ['status', 'state'],
  priority: ['priority'],
  estimate: ['estimated_hours', 'estimate', 'estimated_time', 'time', 'est'],
  hoursSpent: ['hours_spent', 'time_spent'],
  branch: ['branch'],
  prNumber: ['pr_number', 'pr'],
  worktreePath: ['worktree_path', 'worktree'],
  startedAt: ['started_at'],
  criticalReview: ['critical_review'],
  progress: ['progress'],
  dependencies: ['dependencies', 'depends_on', 'deps'],
  blockers: ['blockers'],
  notes: ['notes'],
  files: ['files'],
  acceptance: ['acceptance', 'acceptance_criteria', 'accept'],
  deliverables: ['deliverables'],
  risk: ['risk'],
  phase: ['phase'],
  reviewer: ['reviewer', 'reviewers'],
} as const;

export interface TaskPlace {
  key: string;
  group: string;
  index: number;
  path: JsonPath;
  range?: TextRange;
}

export function readTask(raw: Record<string, unknown>, place: TaskPlace, report: ProblemSink): Task {
  const fields = new FieldReader(raw, place.path, report, place.key);
  const owner = readOwner(fields);
  const { status, statusText } = readStatus(fields, place, report);
  const reviewer = fields.string(TASK_FIELDS.reviewer) ?? fields.stringList(TASK_FIELDS.reviewer).join(', ');
  // One literal with every property, so all tasks share one object shape (much faster on large files).
  return {
    key: place.key,
    id: fields.string(TASK_FIELDS.id) ?? place.key,
    group: place.group,
    index: place.index,
    name: fields.string(TASK_FIELDS.name) ?? place.key,
    owner,
    owners: splitOwners(owner),
    status,
    statusText,
    priority: readPriority(fields, place, report),
    estimate: readEstimate(fields, place, report),
    hoursSpent: fields.number(TASK_FIELDS.hoursSpent),
    branch: fields.string(TASK_FIELDS.branch),
    prNumber: fields.number(TASK_FIELDS.prNumber, true),
    worktreePath: fields.string(TASK_FIELDS.worktreePath),
    startedAt: fields.string(TASK_FIELDS.startedAt),
    criticalReview: fields.boolean(TASK_FIELDS.criticalReview) ?? false,
    progress: readProgress(fields, place, report),
    dependencies: fields.stringList(TASK_FIELDS.dependencies),
    blockers: fields.stringList(TASK_FIELDS.blockers),
    notes: fields.stringList(TASK_FIELDS.notes),
    files: fields.stringList(TASK_FIELDS.files),
    acceptance: fields.stringList(TASK_FIELDS.acceptance),
    deliverables: fields.stringList(TASK_FIELDS.deliverables),
    risk: fields.string(TASK_FIELDS.risk),
    phase: fields.string(TASK_FIELDS.phase),
    reviewer: reviewer === '' ? undefined : reviewer,
    raw,
    range: place.range,
    jsonPath: place.path,
  };
}

function readOwner(fields: FieldReader): string {
  const field = fields.find(TASK_FIELDS.owner);
  if (field && Array.isArray(field.value)) {
    return fields.stringList([field.name]).join(' + ');
  }
  return fields.string(TASK_FIELDS.owner) ?? '';
}

function readStatus(
  fields: FieldReader,
  place: TaskPlace,
  report: ProblemSink,
): { status: TaskStatus; statusText?: string } {
  const field = fields.find(TASK_FIELDS.status);
  if (!field) {
    return { status: 'not_started' };
  }
  const text = fields.string([field.name]);
  if (text === undefined) {
    return { status: 'not_started' };
  }
  const status = normaliseStatus(text);
  if (status === undefined) {
    report({
      severity: 'warning',
      code: 'unknown-status',
      message: `unknown status "${text}" (read as not_started); accepted: ${ACCEPTED_STATUS_SPELLINGS.join(', ')}`,
      path: fields.pathOf(field.name),
      taskKey: place.key,
    });
    return { status: 'not_started', statusText: text };
  }
  return text === status ? { status } : { status, statusText: text };
}

function readPriority(fields: FieldReader, place: TaskPlace, report: ProblemSink): Task['priority'] {
  const text = fields.string(TASK_FIELDS.priority);
  if (text === undefined || text === '') {
    return undefined;
  }
  const priority = normalisePriority(text);
  if (priority === undefined) {
    report({
      severity: 'warning',
      code: 'unknown-priority',
      message: `unknown priority "${text}"; accepted: ${PRIORITIES.join(', ')}`,
      path: fields.pathOf('priority'),
      taskKey: place.key,
    });
  }
  return priority;
}

function readEstimate(fields: FieldReader, place: TaskPlace, report: ProblemSink): Task['estimate'] {
  const field = fields.find(TASK_FIELDS.estimate);
  if (!field || field.value === null) {
    return undefined;
  }
  const estimate = parseEstimate(field.value);
  if (!estimate) {
    report({
      severity: 'warning',
      code: 'bad-estimate',
      message: `cannot read the estimate ${JSON.stringify(field.value)}; write hours (2.5), a duration (30min, 2h) or a range (2-3h)`,
      path: fields.pathOf(field.name),
      taskKey: place.key,
    });
  }
  return estimate;
}

function readProgress(fields: FieldReader, place: TaskPlace, report: ProblemSink): Progress | undefined {
  const field = fields.find(TASK_FIELDS.progress);
  if (!field || field.value === null) {
    return undefined;
  }
  const outOfRange = (path: JsonPath, message: string) =>
    report({ severity: 'error', code: 'progress-range', message, path, taskKey: place.key });
  if (typeof field.value === 'number') {
    if (field.value < 0 || field.value > 100) {
      outOfRange(fields.pathOf(field.name), `progress ${field.value} is outside 0..100`);
      return undefined;
    }
    return { totalSteps: 0, completedSteps: 0, percentage: field.value };
  }
  if (typeof field.value !== 'object' || Array.isArray(field.value)) {
    fields.wrongType(field.name, 'an object {total_steps, completed_steps, percentage}', field.value);
    return undefined;
  }
  const steps = new FieldReader(field.value as Record<string, unknown>, () => fields.pathOf(field.name), report, place.key);
  const totalSteps = steps.number(['total_steps', 'total'], true);
  const completedSteps = steps.number(['completed_steps', 'completed', 'done'], true);
  const percentageField = steps.find(['percentage', 'percent']);
  let percentage = typeof percentageField?.value === 'number' ? percentageField.value : undefined;
  if (percentageField && percentage === undefined && percentageField.value !== null) {
    steps.wrongType(percentageField.name, 'a number', percentageField.value);
  }
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
    outOfRange(steps.pathOf(percentageField!.name), `progress percentage ${percentage} is outside 0..100`);
    percentage = undefined;
  }
  if (totalSteps !== undefined && completedSteps !== undefined) {
    if (completedSteps > totalSteps) {
      outOfRange(steps.pathOf('completed_steps'), `completed_steps ${completedSteps} is more than total_steps ${totalSteps}`);
      return { totalSteps, completedSteps, percentage: 100 };
    }
    const derived = totalSteps === 0 ? (percentage ?? 0) : Math.round((completedSteps / totalSteps) * 100);
    return { totalSteps, completedSteps, percentage: derived };
  }
  if (percentage === undefined && totalSteps === undefined && completedSteps === undefined) {
    return undefined;
  }
  return { totalSteps: totalSteps ?? 0, completedSteps: completedSteps ?? 0, percentage: percentage ?? 0 };
}
