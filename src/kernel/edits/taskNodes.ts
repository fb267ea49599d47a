import {
  arrayTaskGroup,
  arrayTaskKey,
  DEFAULT_GROUP,
  isPlainObject,
  ownTaskKey,
  TASK_KEY_FIELDS,
  TASK_MARKERS,
  type TaskLayout,
} from '../model/layout';
import { outlineAt, outlineChild, outlineJson, type OutlineNode } from '../model/outline';
import { nestedTaskEntries } from '../model/planShapes';

/** Where one task object sits in the text, found from the outline alone (no full parse). */
export interface TaskNode {
  key: string;
  group: string;
  node: OutlineNode;
}

export function tasksContainer(root: OutlineNode): OutlineNode | undefined {
  return root.kind === 'array' ? root : outlineChild(root, 'tasks');
}

/** Mirrors `detectLayout` on outline nodes; needs the outline to reach the tasks' fields' parents. */
export function detectOutlineLayout(tasks: OutlineNode): TaskLayout | undefined {
  if (tasks.kind === 'array') {
    return 'array';
  }
  if (tasks.kind !== 'object') {
    return undefined;
  }
  const flat = (tasks.children ?? []).some(
    (child) =>
      child.kind === 'object' &&
      (child.children ?? []).some(
        (field) => TASK_MARKERS.includes(String(field.key)) && field.kind !== 'object',
      ),
  );
  return flat ? 'flatMap' : 'groups';
}

/** Members by key as `JSON.parse` sees them: first position, last value. */
function members(node: OutlineNode | undefined): Map<string, OutlineNode> {
  const map = new Map<string, OutlineNode>();
  for (const child of node?.children ?? []) {
    map.set(String(child.key), child);
  }
  return map;
}

/**
 * Every task object with the key the reader gives it, in file order; the first task wins when a key
 * repeats across groups, exactly as in `buildModel`. One position table serves both rules: a key
 * repeated in its own group keeps its first position and takes the last value, as `JSON.parse` does.
 */
export function listTaskNodes(text: string, root: OutlineNode): TaskNode[] {
  const tasks = tasksContainer(root);
  if (!tasks) {
    return nestedPlan(text, root)?.tasks ?? [];
  }
  const layout = detectOutlineLayout(tasks);
  if (!layout) {
    return [];
  }
  const found: TaskNode[] = [];
  if (layout === 'array') {
    (tasks.children ?? []).forEach((node, index) => {
      if (node.kind === 'object') {
        const raw = primitiveFields(text, node, [...TASK_KEY_FIELDS, 'group', 'category']);
        found.push({ key: arrayTaskKey(raw, index), group: arrayTaskGroup(raw), node });
      }
    });
    return firstOfEachKey(found);
  }
  const groups = layout === 'flatMap' ? [{ group: DEFAULT_GROUP, node: tasks }] : groupNodes(tasks);
  const byKey = new Map<string, TaskNode>();
  const listed: TaskNode[] = [];
  for (const { group, node: groupNode } of groups) {
    for (const node of groupNode.children ?? []) {
      const key = groupNode.kind === 'array' ? listedTaskKey(text, node, group) : String(node.key);
      const earlier = byKey.get(key);
      if (earlier?.group === group) {
        earlier.node = node;
      } else if (earlier === undefined || earlier.node.kind !== 'object') {
        const task = { key, group, node };
        byKey.set(key, task);
        listed.push(task);
      }
    }
  }
  for (const task of listed) {
    if (task.node.kind === 'object') {
      found.push(task);
    }
  }
  return found;
}

/**
 * The task object `listTaskNodes` gives for `key`, found without listing every task: the last
 * member of that name in the first group where it is an object.
 */
export function findTaskNode(
  text: string,
  root: OutlineNode,
  key: string,
): OutlineNode | undefined {
  const tasks = tasksContainer(root);
  if (!tasks) {
    return nestedPlan(text, root)?.tasks.find((task) => task.key === key)?.node;
  }
  const layout = detectOutlineLayout(tasks);
  if (!layout) {
    return undefined;
  }
  const groups = layout === 'flatMap' ? [{ group: DEFAULT_GROUP, node: tasks }] : groupNodes(tasks);
  if (layout === 'array' || groups.some((group) => group.node.kind === 'array')) {
    return listTaskNodes(text, root).find((task) => task.key === key)?.node;
  }
  for (const { node: groupNode } of groups) {
    const node = outlineChild(groupNode, key);
    if (node?.kind === 'object') {
      return node;
    }
  }
  return undefined;
}

function groupNodes(tasks: OutlineNode): { group: string; node: OutlineNode }[] {
  const groups: { group: string; node: OutlineNode }[] = [];
  for (const [group, node] of members(tasks)) {
    if (node.kind === 'object' || node.kind === 'array') {
      groups.push({ group, node });
    }
  }
  return groups;
}

function firstOfEachKey(tasks: TaskNode[]): TaskNode[] {
  const seen = new Set<string>();
  return tasks.filter((task) => {
    if (seen.has(task.key)) {
      return false;
    }
    seen.add(task.key);
    return true;
  });
}

function primitiveFields(
  text: string,
  node: OutlineNode,
  names: string[],
): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const field of node.children ?? []) {
    if (field.kind === 'value' && names.includes(String(field.key))) {
      raw[String(field.key)] = JSON.parse(text.slice(field.start, field.end));
    }
  }
  return raw;
}

/** The key of a task in a group's list, as `buildModel` gives it: its own, else `<group>-<n>`. */
function listedTaskKey(text: string, node: OutlineNode, group: string): string {
  const raw: unknown = node.kind === 'object' ? JSON.parse(text.slice(node.start, node.end)) : {};
  return (isPlainObject(raw) ? ownTaskKey(raw) : undefined) ?? `${group}-${Number(node.key) + 1}`;
}

export interface NestedPlanNodes {
  tasks: TaskNode[];
  /** The whole file is one task. */
  single: boolean;
}

/** Nested plans are rare and small: found once per outline, from a full parse and a deeper outline. */
const nestedPlans = new WeakMap<OutlineNode, NestedPlanNodes | undefined>();

/** The tasks of a plan kept under categories, agents or owners, or of a file that is one task. */
export function nestedPlan(text: string, root: OutlineNode): NestedPlanNodes | undefined {
  if (root.kind !== 'object' || outlineChild(root, 'tasks')) {
    return undefined;
  }
  if (nestedPlans.has(root)) {
    return nestedPlans.get(root);
  }
  const doc: unknown = JSON.parse(text);
  const entries = isPlainObject(doc) ? nestedTaskEntries(doc) : undefined;
  let plan: NestedPlanNodes | undefined;
  if (entries) {
    const deep = outlineJson(text, NESTED_TASK_DEPTH + 1);
    const tasks: TaskNode[] = [];
    for (const entry of entries) {
      const node = entry.path.length === 0 ? deep : outlineAt(deep, entry.path);
      if (node?.kind === 'object' && !tasks.some((task) => task.key === entry.key)) {
        tasks.push({ key: entry.key, group: entry.group, node });
      }
    }
    plan = { tasks, single: entries.length === 1 && entries[0].path.length === 0 };
  }
  nestedPlans.set(root, plan);
  return plan;
}

/** `task_categories.<name>.tasks.<key>`: the deepest a nested plan keeps its tasks. */
const NESTED_TASK_DEPTH = 4;
