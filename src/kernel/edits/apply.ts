import { applyEdits as applyTextEdits, modify } from 'jsonc-parser';
import { GUARDRAIL_SECTIONS } from '../model/readGuardrails';
import { normaliseStatus } from '../model/statuses';
import { outlineChild, outlineJson, type OutlineNode } from '../model/outline';
import { completionPercentage } from '../model/summary';
import type { KnownPlan } from '../model/knownPlan';
import type { PlanChange } from '../model/reload';
import type { TaskStatus } from '../model/types';
import { TaskEditError } from './errors';
import { detectFormatting } from './formatting';
import { SubDocument } from './subDocument';
import { addNestedTask, listedTask } from './addNestedTask';
import { applyTaskEdit, statusOfRaw } from './taskEdits';
import {
  detectOutlineLayout,
  findTaskNode,
  listTaskNodes,
  nestedPlan,
  tasksContainer,
  type TaskNode,
} from './taskNodes';
import type { TaskEdit } from './types';

/** In schema 1.0 the tasks' own fields are the fourth level; the summary needs only their status. */
const STATUS_FIELDS = ['status', 'state'];

interface Replacement {
  start: number;
  end: number;
  content: string;
}

/**
 * Applies edits to the task file text as minimal replacements: formatting, order and unknown
 * fields survive. Refreshes `last_updated`, and keeps the stored `summary` in step when the file has
 * one (only the fields it has). Throws `TaskEditError` for an unknown task or guardrail, an invalid
 * value, or text that does not parse; nothing is half-applied.
 */
export function applyEdits(text: string, edits: readonly TaskEdit[], now: Date): string {
  return applyEditsTracked(text, edits, now).text;
}

/** What an edit replaced: a whole task object, one value of the stored summary, or `last_updated`. */
export type EditChange = PlanChange;

export interface TrackedEdit {
  text: string;
  /**
   * Every replacement made, when the edits were only replacements of those kinds (no task added,
   * no `last_updated` inserted, no guardrail changed); a reader can then re-read only what changed.
   */
  changes?: EditChange[];
}

/** `applyEdits`, also saying what it replaced. */
export function applyEditsTracked(
  text: string,
  edits: readonly TaskEdit[],
  now: Date,
): TrackedEdit {
  try {
    const adds = edits.filter((edit) => edit.kind === 'addTask');
    if (adds.length === 0) {
      return apply(text, edits, now);
    }
    // A new task goes into an object that other edits may also change: one pass per addition,
    // then one more so a stored summary counts the new tasks.
    let result = apply(
      text,
      edits.filter((edit) => edit.kind !== 'addTask'),
      now,
    ).text;
    for (const add of adds) {
      result = apply(result, [add], now).text;
    }
    return { text: apply(result, [], now).text };
  } catch (error) {
    throw asUnparseable(error);
  }
}

function apply(text: string, edits: readonly TaskEdit[], now: Date): TrackedEdit {
  // One pass down to the tasks' own fields, keeping only their status (for the summary).
  const root = outlineJson(text, 4, { leafKeys: STATUS_FIELDS });
  if (!root) {
    throw new TaskEditError(
      'unparseable',
      'the task file is not valid JSON; fix it before editing',
    );
  }
  const hasSummary = outlineChild(root, 'summary')?.kind === 'object';
  const formatting = detectFormatting(text);
  // Every task is listed only when needed: for the summary, or to find a task by its id.
  let listed: TaskNode[] | undefined;
  const allTasks = () => (listed ??= listTaskNodes(text, root));
  const documents = new Map<OutlineNode, SubDocument>();
  const open = (node: OutlineNode) => {
    let doc = documents.get(node);
    if (!doc) {
      doc = parseSub(text, node, formatting);
      documents.set(node, doc);
    }
    return doc;
  };
  let tracked = true;
  for (const edit of edits) {
    if (edit.kind === 'setGuardrailResult') {
      tracked = false;
      const doc = open(guardrailNode(root, edit.guardrailKey));
      try {
        doc.set(['status'], edit.status);
        doc.set(['last_run'], edit.lastRun);
        doc.set(['duration_ms'], edit.durationMs);
        if (edit.cause !== undefined || doc.value.cause !== undefined) {
          doc.set(['cause'], edit.cause);
        }
      } catch (error) {
        throw named(error, `guardrail "${edit.guardrailKey}"`, edit.guardrailKey);
      }
      continue;
    }
    if (edit.kind === 'addTask') {
      tracked = false;
      addTask(text, root, edit, open, allTasks);
      continue;
    }
    const node = findTaskNode(text, root, edit.taskKey) ?? nodeById(text, allTasks(), edit.taskKey);
    if (!node) {
      throw new TaskEditError(
        'unknownTask',
        `no task "${edit.taskKey}" in the task file`,
        edit.taskKey,
      );
    }
    try {
      applyTaskEdit(open(node), edit);
    } catch (error) {
      throw named(error, `task "${edit.taskKey}"`, edit.taskKey);
    }
  }
  const changes: EditChange[] = [...documents.values()].map((doc) => ({
    kind: 'task' as const,
    start: doc.start,
    end: doc.end,
    content: doc.result(),
  }));
  if (hasSummary) {
    changes.push(...summaryReplacements(text, root, allTasks(), documents));
  }
  const stamp = lastUpdatedReplacement(root, now);
  if (stamp) {
    changes.push(stamp);
  }
  if (nestedPlan(text, root)?.single) {
    // A file that is one task gets no plan-level field added to it.
    return { text: replaceAll(text, changes) };
  }
  const replaced = replaceAll(text, changes);
  const next = insertLastUpdated(replaced, root, now, formatting);
  return tracked && next === replaced ? { text: next, changes } : { text: next };
}

/**
 * `applyEditsTracked` for text whose tasks, statuses and root values a previous read of exactly
 * that text knows (`knownPlanOf`): the same replacements, found without walking the whole text.
 * Undefined when the edits need more than it knows (a task named by id, a task added, a guardrail,
 * a missing `last_updated`); the caller then applies them the usual way.
 */
export function applyEditsKnown(
  text: string,
  edits: readonly TaskEdit[],
  now: Date,
  known: KnownPlan,
): TrackedEdit | undefined {
  if (!known.lastUpdated) {
    return undefined;
  }
  const formatting = detectFormatting(text);
  const documents = new Map<string, SubDocument>();
  try {
    for (const edit of edits) {
      if (edit.kind === 'addTask' || edit.kind === 'setGuardrailResult') {
        return undefined;
      }
      const span = known.taskSpan(edit.taskKey);
      if (!span) {
        return undefined;
      }
      let doc = documents.get(edit.taskKey);
      if (!doc) {
        doc = new SubDocument(text, span.start, span.end, formatting);
        documents.set(edit.taskKey, doc);
      }
      try {
        applyTaskEdit(doc, edit);
      } catch (error) {
        throw named(error, `task "${edit.taskKey}"`, edit.taskKey);
      }
    }
  } catch (error) {
    throw asUnparseable(error);
  }
  const changes: EditChange[] = [];
  const counts = { ...known.counts };
  for (const [key, doc] of documents) {
    changes.push({ kind: 'task', start: doc.start, end: doc.end, content: doc.result() });
    counts[known.statusOf(key)]--;
    counts[statusOfRaw(doc.value)]++;
  }
  if (known.summaryFields) {
    const values = summaryValues(counts, known.total);
    for (const field of known.summaryFields) {
      const value = values[field.field];
      if (value !== undefined && text.slice(field.start, field.end) !== String(value)) {
        changes.push({
          kind: 'summary',
          field: field.field,
          value,
          start: field.start,
          end: field.end,
          content: String(value),
        });
      }
    }
  }
  const stamp = formatTimestamp(now);
  changes.push({
    kind: 'lastUpdated',
    value: stamp,
    start: known.lastUpdated.start,
    end: known.lastUpdated.end,
    content: JSON.stringify(stamp),
  });
  return { text: replaceAll(text, changes), changes };
}

function addTask(
  text: string,
  root: OutlineNode,
  edit: Extract<TaskEdit, { kind: 'addTask' }>,
  open: (node: OutlineNode) => SubDocument,
  allTasks: () => TaskNode[],
): void {
  const { taskKey, group, fields } = edit;
  if (findTaskNode(text, root, taskKey) ?? nodeById(text, allTasks(), taskKey)) {
    throw new TaskEditError('invalidValue', `a task "${taskKey}" is already in the plan`, taskKey);
  }
  const listed = listedTask(taskKey, fields);
  const tasks = tasksContainer(root);
  if (!tasks) {
    if (root.kind !== 'object') {
      throw new TaskEditError('invalidValue', 'the task file holds no tasks object', taskKey);
    }
    if (nestedPlan(text, root)) {
      addNestedTask(text, root, edit, open);
      return;
    }
    open(root).set(['tasks'], { [group]: { [taskKey]: fields } });
    return;
  }
  const layout = detectOutlineLayout(tasks);
  if (layout === 'array') {
    open(tasks).set([-1], listed, true);
  } else if (layout === 'flatMap') {
    open(tasks).set([taskKey], fields);
  } else {
    const groupNode = outlineChild(tasks, group);
    if (groupNode?.kind === 'object') {
      open(groupNode).set([taskKey], fields);
    } else if (groupNode?.kind === 'array') {
      open(groupNode).set([-1], listed, true);
    } else {
      open(tasks).set([group], { [taskKey]: fields });
    }
  }
}

/** A duplicated-field refusal, saying which entry it is about. */
/**
 * The outline does not validate values it skips, so a `JSON.parse` of a touched value is where
 * damage shows: that becomes the one error every host words the same way.
 */
function asUnparseable(error: unknown): unknown {
  return error instanceof SyntaxError
    ? new TaskEditError('unparseable', 'the task file is not valid JSON; fix it before editing')
    : error;
}

function named(error: unknown, entry: string, target: string): unknown {
  return error instanceof TaskEditError && error.reason === 'duplicateField'
    ? new TaskEditError('duplicateField', `${entry}: ${error.message}`, target)
    : error;
}

function parseSub(
  text: string,
  node: OutlineNode,
  formatting: ReturnType<typeof detectFormatting>,
): SubDocument {
  try {
    return new SubDocument(text, node.start, node.end, formatting);
  } catch {
    throw new TaskEditError(
      'unparseable',
      'the task file is not valid JSON; fix it before editing',
    );
  }
}

/** Tasks can be named by id as well as by key; only checked when no key matches. */
function nodeById(text: string, tasks: readonly TaskNode[], id: string): OutlineNode | undefined {
  const quoted = JSON.stringify(id);
  if (!text.includes(quoted)) {
    return undefined;
  }
  for (const task of tasks) {
    const slice = text.slice(task.node.start, task.node.end);
    if (slice.includes(quoted)) {
      const raw = JSON.parse(slice) as Record<string, unknown>;
      if (raw.id === id || String(raw.id) === id) {
        return task.node;
      }
    }
  }
  return undefined;
}

function guardrailNode(root: OutlineNode, key: string): OutlineNode {
  for (const section of GUARDRAIL_SECTIONS) {
    const node = outlineChild(outlineChild(root, section), key);
    if (node?.kind === 'object') {
      return node;
    }
  }
  throw new TaskEditError('unknownGuardrail', `no guardrail "${key}" in the task file`, key);
}

const SUMMARY_COUNTS: Record<string, TaskStatus> = {
  in_progress: 'in_progress',
  completed: 'completed',
  not_started: 'not_started',
  blocked: 'blocked',
  waiting: 'waiting',
};

function summaryReplacements(
  text: string,
  root: OutlineNode,
  tasks: readonly TaskNode[],
  documents: ReadonlyMap<OutlineNode, SubDocument>,
): EditChange[] {
  const counts: Record<TaskStatus, number> = {
    not_started: 0,
    in_progress: 0,
    waiting: 0,
    blocked: 0,
    completed: 0,
  };
  const spellings = new StatusSpellings(text);
  for (const task of tasks) {
    const edited = documents.get(task.node);
    counts[edited ? statusOfRaw(edited.value) : spellings.statusOf(task.node)]++;
  }
  const values = summaryValues(counts, tasks.length);
  const replacements: EditChange[] = [];
  for (const field of outlineChild(root, 'summary')?.children ?? []) {
    const value = values[String(field.key)];
    if (
      value !== undefined &&
      field.kind === 'value' &&
      text.slice(field.start, field.end) !== String(value)
    ) {
      replacements.push({
        kind: 'summary',
        field: String(field.key),
        value,
        start: field.start,
        end: field.end,
        content: String(value),
      });
    }
  }
  return replacements;
}

/** The stored summary's fields as the task statuses give them. */
function summaryValues(counts: Record<TaskStatus, number>, total: number): Record<string, number> {
  const values: Record<string, number> = {
    total_tasks: total,
    completion_percentage: completionPercentage(counts.completed, total),
  };
  for (const [field, status] of Object.entries(SUMMARY_COUNTS)) {
    values[field] = counts[status];
  }
  return values;
}

/**
 * The normalised status of unedited tasks, read from their outline. A file spells its statuses a
 * handful of ways: each spelling is read once and then recognised in place, without copying it out.
 */
class StatusSpellings {
  private readonly written: string[] = [];
  private readonly statuses: TaskStatus[] = [];

  constructor(private readonly text: string) {}

  statusOf(node: OutlineNode): TaskStatus {
    const field = outlineChild(node, 'status') ?? outlineChild(node, 'state');
    if (field?.kind !== 'value' || this.text.charCodeAt(field.start) !== 34) {
      return 'not_started';
    }
    const length = field.end - field.start;
    for (let i = 0; i < this.written.length; i++) {
      if (this.written[i].length === length && this.text.startsWith(this.written[i], field.start)) {
        return this.statuses[i];
      }
    }
    const written = this.text.slice(field.start, field.end);
    const status = normaliseStatus(JSON.parse(written) as string) ?? 'not_started';
    if (this.written.length < MAX_REMEMBERED_SPELLINGS) {
      this.written.push(written);
      this.statuses.push(status);
    }
    return status;
  }
}

/** Past this, a file spelling its statuses in ever new ways just has each one read afresh. */
const MAX_REMEMBERED_SPELLINGS = 32;

function replaceAll(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) {
    return text;
  }
  const ordered = [...replacements].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let position = 0;
  for (const replacement of ordered) {
    parts.push(text.slice(position, replacement.start), replacement.content);
    position = replacement.end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

/** ISO time to the second, as the real files write it (`2025-10-16T05:32:29Z`). */
export function formatTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function lastUpdatedReplacement(root: OutlineNode, now: Date): EditChange | undefined {
  const node = outlineChild(root, 'last_updated');
  const value = formatTimestamp(now);
  return node?.kind === 'value'
    ? {
        kind: 'lastUpdated',
        value,
        start: node.start,
        end: node.end,
        content: JSON.stringify(value),
      }
    : undefined;
}

/**
 * Adds `last_updated` as the first member of the root, written the way the file writes its first
 * member (same separator after `{`, same spacing around `:`), so the rest of the text is untouched.
 */
function insertLastUpdated(
  text: string,
  root: OutlineNode,
  now: Date,
  formatting: ReturnType<typeof detectFormatting>,
): string {
  if (root.kind !== 'object' || outlineChild(root, 'last_updated')) {
    return text;
  }
  const first = root.children?.[0];
  const stamp = JSON.stringify(formatTimestamp(now));
  if (first?.keyStart === undefined) {
    return applyTextEdits(
      text,
      modify(text, ['last_updated'], formatTimestamp(now), { formattingOptions: formatting }),
    );
  }
  const opening = text.slice(root.start + 1, first.keyStart);
  const colon = /^\s*:\s*/.exec(text.slice(first.keyStart + JSON.stringify(first.key).length))?.[0];
  const compact = colon === ':';
  const between = opening.includes('\n')
    ? opening.slice(opening.lastIndexOf('\n'))
    : compact
      ? ''
      : ' ';
  const member = `"last_updated"${colon ?? ': '}${stamp},${between}`;
  return text.slice(0, first.keyStart) + member + text.slice(first.keyStart);
}
