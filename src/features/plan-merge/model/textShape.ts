import { detectOutlineLayout } from '../../../kernel/edits/taskNodes';
import { arrayTaskGroup, arrayTaskKey, DEFAULT_GROUP } from '../../../kernel/model/layout';
import { outlineJson, type OutlineNode } from '../../../kernel/model/outline';
import { TaskEntry, type JsonPath, type PlanShape } from './planShape';

/** The tasks of a side read from its text, and its other top-level members parsed. */
export interface TextPlan {
  shape: PlanShape;
  /** Every top-level member but `tasks`. */
  members: Record<string, unknown>;
  /** The side's outline down to its tasks, for editing the same text. */
  outline: OutlineNode;
}

const TASKS_PATH: JsonPath = ['tasks'];
/** Tasks' own objects are the third level (`tasks.<group>.<key>`): the outline stops there. */
export const TASKS_OUTLINE_DEPTH = 3;
const IDENTITY_FIELDS = ['status', 'state', 'id'];
const ID_FIELD = IDENTITY_FIELDS.indexOf('id');

/**
 * A task's status fields, and its id when `withId`, as plain values; a file spells them a few
 * ways, each parsed once (`values` remembers them). Each is found by searching the task's text for
 * its quoted name: when its last occurrence is a name (a colon after it) before anything nested,
 * it is the task's own member, and the one `JSON.parse` reads. Anything else (a nested object
 * first, an escaped quote) parses the task. The id is a search of the whole task (it comes first),
 * so it is read only when a completion gate will look tasks up by id.
 */
export function identityOf(
  task: string,
  values: Map<string, unknown>,
  withId: boolean,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const nested = firstNested(task);
  const count = withId ? IDENTITY_FIELDS.length : ID_FIELD;
  for (let i = 0; i < count; i++) {
    if (IDENTITY_FIELDS[i] === 'state' && fields.status !== undefined) {
      // Read only when there is no `status`: not worth a search of the task.
      continue;
    }
    const quoted = QUOTED_IDENTITY_FIELDS[i];
    // The last occurrence: `JSON.parse` reads the last of a repeated name too.
    const at = task.lastIndexOf(quoted);
    if (at < 1) {
      continue;
    }
    const written = at < nested ? memberValueText(task, at + quoted.length) : undefined;
    if (written === undefined || task.charCodeAt(at - 1) === BACKSLASH) {
      return parsedIdentity(task);
    }
    if (written === '') {
      continue;
    }
    let value = values.get(written);
    if (value === undefined) {
      value = JSON.parse(written) as unknown;
      values.set(written, value);
    }
    fields[IDENTITY_FIELDS[i]] = value;
  }
  return fields;
}

const QUOTED_IDENTITY_FIELDS = IDENTITY_FIELDS.map((name) => `"${name}"`);
const BACKSLASH = 92;

/** Offset of the first `{` or `[` inside the task: before it, every name is the task's own. */
function firstNested(task: string): number {
  const brace = task.indexOf('{', 1);
  const bracket = task.indexOf('[', 1);
  return Math.min(brace === -1 ? task.length : brace, bracket === -1 ? task.length : bracket);
}

/**
 * The written value of the member whose name ends at `from`: its text when it is a string, number,
 * true, false or null; '' when it is an object or list; undefined when no colon follows (the name
 * was a string value, not a member name).
 */
function memberValueText(text: string, from: number): string | undefined {
  const to = text.length;
  let pos = from;
  while (pos < to && text.charCodeAt(pos) <= 32) {
    pos++;
  }
  if (text.charCodeAt(pos) !== 58) {
    return undefined;
  }
  pos++;
  while (pos < to && text.charCodeAt(pos) <= 32) {
    pos++;
  }
  const first = text.charCodeAt(pos);
  if (first === 123 || first === 91) {
    return '';
  }
  let end = pos + 1;
  if (first === 34) {
    end = text.indexOf('"', end);
    while (end !== -1 && end < to && isEscaped(text, end)) {
      end = text.indexOf('"', end + 1);
    }
    return end === -1 || end >= to ? undefined : text.slice(pos, end + 1);
  }
  while (end < to && !',}] \t\r\n'.includes(text[end])) {
    end++;
  }
  return text.slice(pos, end);
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; text.charCodeAt(i) === BACKSLASH; i--) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}

/** The identity fields of a task parsed whole: plain values only, as read from its members. */
function parsedIdentity(written: string): Record<string, unknown> {
  const task = JSON.parse(written) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const name of IDENTITY_FIELDS) {
    const value = task[name];
    if (value !== undefined && (typeof value !== 'object' || value === null)) {
      fields[name] = value;
    }
  }
  return fields;
}

/**
 * `readPlanShape` from the text alone: tasks are sliced out, not parsed, so tasks written the same
 * on both sides are compared as text and never parsed. Undefined for anything unusual (a document
 * that is a list, a repeated key, a group or task that is not an object): the caller then parses
 * the whole document.
 */
export function readTextPlan(text: string): TextPlan | undefined {
  const root = outlineJson(text, TASKS_OUTLINE_DEPTH);
  if (root?.kind !== 'object') {
    return undefined;
  }
  const members: Record<string, unknown> = {};
  let tasks: OutlineNode | undefined;
  for (const member of root.children ?? []) {
    const key = String(member.key);
    if (key in members || (key === 'tasks' && tasks)) {
      return undefined;
    }
    if (key === 'tasks') {
      tasks = member;
    } else {
      members[key] = JSON.parse(text.slice(member.start, member.end)) as unknown;
    }
  }
  const layout = tasks && detectOutlineLayout(tasks);
  if (!tasks || !layout) {
    return undefined;
  }
  const shape: PlanShape = { layout, tasksPath: TASKS_PATH, tasks: new Map(), groups: new Map() };
  const slice = (node: OutlineNode) => text.slice(node.start, node.end);
  if (layout === 'array') {
    const items = tasks.children ?? [];
    for (let index = 0; index < items.length; index++) {
      const node = items[index];
      if (node.kind !== 'object') {
        return undefined;
      }
      const fields = primitiveFields(text, node);
      const key = arrayTaskKey(fields, index);
      if (shape.tasks.has(key)) {
        return undefined;
      }
      const written = slice(node);
      shape.tasks.set(key, new TaskEntry(key, arrayTaskGroup(fields), written, TASKS_PATH, index));
    }
    return { shape, members, outline: root };
  }
  const groups: [string, OutlineNode][] =
    layout === 'flatMap'
      ? [[DEFAULT_GROUP, tasks]]
      : (tasks.children ?? []).map((g) => [String(g.key), g]);
  for (const [group, node] of groups) {
    if (node.kind !== 'object' || shape.groups.has(group)) {
      return undefined;
    }
    const container = layout === 'flatMap' ? TASKS_PATH : [...TASKS_PATH, group];
    const keys: string[] = [];
    for (const task of node.children ?? []) {
      const key = String(task.key);
      if (task.kind !== 'object' || shape.tasks.has(key)) {
        return undefined;
      }
      const written = slice(task);
      shape.tasks.set(key, new TaskEntry(key, group, written, container, key));
      keys.push(key);
    }
    shape.groups.set(group, keys);
  }
  return { shape, members, outline: root };
}

/** The fields that name a task in a list (`key`, `id`, `group`, `category`), when they are plain values. */
function primitiveFields(text: string, node: OutlineNode): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of node.children ?? []) {
    const name = String(field.key);
    if (field.kind === 'value' && ['key', 'id', 'group', 'category'].includes(name)) {
      fields[name] = JSON.parse(text.slice(field.start, field.end)) as unknown;
    }
  }
  return fields;
}
