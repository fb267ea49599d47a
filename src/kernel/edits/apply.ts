import { applyEdits as applyTextEdits, modify } from 'jsonc-parser';
import { GUARDRAIL_SECTIONS } from '../model/readGuardrails';
import { normaliseStatus } from '../model/statuses';
import { outlineChild, outlineJson, type OutlineNode } from '../model/outline';
import { completionPercentage } from '../model/summary';
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
    );
    for (const add of adds) {
      result = apply(result, [add], now);
    }
    return apply(result, [], now);
  } catch (error) {
    if (error instanceof SyntaxError) {
      // The outline does not validate values it skips; JSON.parse of a touched value found the damage.
      throw new TaskEditError(
        'unparseable',
        'the task file is not valid JSON; fix it before editing',
      );
    }
    throw error;
  }
}

function apply(text: string, edits: readonly TaskEdit[], now: Date): string {
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
  for (const edit of edits) {
    if (edit.kind === 'setGuardrailResult') {
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
  const replacements: Replacement[] = [...documents.values()].map((doc) => ({
    start: doc.start,
    end: doc.end,
    content: doc.result(),
  }));
  if (hasSummary) {
    replacements.push(...summaryReplacements(text, root, allTasks(), documents));
  }
  const stamp = lastUpdatedReplacement(root, now);
  if (stamp) {
    replacements.push(stamp);
  }
  if (nestedPlan(text, root)?.single) {
    // A file that is one task gets no plan-level field added to it.
    return replaceAll(text, replacements);
  }
  return insertLastUpdated(replaceAll(text, replacements), root, now, formatting);
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
): Replacement[] {
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
  const values: Record<string, number> = {
    total_tasks: tasks.length,
    completion_percentage: completionPercentage(counts.completed, tasks.length),
  };
  for (const [field, status] of Object.entries(SUMMARY_COUNTS)) {
    values[field] = counts[status];
  }
  const replacements: Replacement[] = [];
  for (const field of outlineChild(root, 'summary')?.children ?? []) {
    const value = values[String(field.key)];
    if (
      value !== undefined &&
      field.kind === 'value' &&
      text.slice(field.start, field.end) !== String(value)
    ) {
      replacements.push({ start: field.start, end: field.end, content: String(value) });
    }
  }
  return replacements;
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

function replaceAll(text: string, replacements: Replacement[]): string {
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

function lastUpdatedReplacement(root: OutlineNode, now: Date): Replacement | undefined {
  const node = outlineChild(root, 'last_updated');
  return node?.kind === 'value'
    ? { start: node.start, end: node.end, content: JSON.stringify(formatTimestamp(now)) }
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
