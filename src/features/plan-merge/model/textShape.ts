import { detectOutlineLayout } from '../../../kernel/edits/taskNodes';
import { arrayTaskGroup, arrayTaskKey, DEFAULT_GROUP } from '../../../kernel/model/layout';
import { outlineJson, type OutlineNode } from '../../../kernel/model/outline';
import { TaskEntry, type JsonPath, type PlanShape } from './planShape';

/** The tasks of a side read from its text, and its other top-level members parsed. */
export interface TextPlan {
  shape: PlanShape;
  /** Every top-level member but `tasks`. */
  members: Record<string, unknown>;
}

const TASKS_PATH: JsonPath = ['tasks'];
const IDENTITY_FIELDS = ['status', 'state', 'id'];

/** A task's status and id fields as plain values; a file spells them a few ways, each parsed once. */
function identityOf(
  text: string,
  node: OutlineNode,
  values: Map<string, unknown>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of node.children ?? []) {
    const name = String(field.key);
    if (field.kind === 'value' && IDENTITY_FIELDS.includes(name)) {
      const written = text.slice(field.start, field.end);
      let value = values.get(written);
      if (value === undefined) {
        value = JSON.parse(written) as unknown;
        values.set(written, value);
      }
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
export function readTextPlan(text: string, withIdentity = false): TextPlan | undefined {
  const root = withIdentity
    ? outlineJson(text, 4, { leafKeys: IDENTITY_FIELDS })
    : outlineJson(text, 3);
  const values = new Map<string, unknown>();
  const identity = (node: OutlineNode) =>
    withIdentity ? identityOf(text, node, values) : undefined;
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
      shape.tasks.set(
        key,
        new TaskEntry(key, arrayTaskGroup(fields), slice(node), TASKS_PATH, index, identity(node)),
      );
    }
    return { shape, members };
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
      shape.tasks.set(key, new TaskEntry(key, group, slice(task), container, key, identity(task)));
      keys.push(key);
    }
    shape.groups.set(group, keys);
  }
  return { shape, members };
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
