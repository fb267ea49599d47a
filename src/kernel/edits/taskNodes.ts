import { arrayTaskGroup, arrayTaskKey, DEFAULT_GROUP, type TaskLayout } from '../model/layout';
import { outlineChild, type OutlineNode } from '../model/outline';

/** Where one task object sits in the text, found from the outline alone (no full parse). */
export interface TaskNode {
  key: string;
  group: string;
  node: OutlineNode;
}

const TASK_MARKERS = ['name', 'title', 'status', 'state', 'id', 'owner'];

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
  const layout = tasks && detectOutlineLayout(tasks);
  if (!tasks || !layout) {
    return [];
  }
  const found: TaskNode[] = [];
  if (layout === 'array') {
    (tasks.children ?? []).forEach((node, index) => {
      if (node.kind === 'object') {
        const raw = primitiveFields(text, node, ['key', 'id', 'group', 'category']);
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
      const key = String(node.key);
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
  const layout = tasks && detectOutlineLayout(tasks);
  if (!tasks || !layout) {
    return undefined;
  }
  if (layout === 'array') {
    return listTaskNodes(text, root).find((task) => task.key === key)?.node;
  }
  const groups = layout === 'flatMap' ? [{ group: DEFAULT_GROUP, node: tasks }] : groupNodes(tasks);
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
    if (node.kind === 'object') {
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
