import { arrayTaskGroup, arrayTaskKey, DEFAULT_GROUP, detectLayout, isPlainObject, type TaskLayout } from './layout';
import type { JsonPath } from './locate';
import { outlineAt, type OutlineNode } from './outline';
import { describeValue, type ProblemSink } from './problems';
import { readGuardrails } from './readGuardrails';
import { readTask } from './readTask';
import type { StoredSummary, Task, TaskGroup, TaskModel } from './types';

/** `[...path, key]` without the spread or `concat`, which cost more than the rest of a task's reading. */
function childPath(path: JsonPath, key: string | number): (string | number)[] {
  const child: (string | number)[] = [];
  for (let i = 0; i < path.length; i++) {
    child.push(path[i]);
  }
  child.push(key);
  return child;
}

interface TaskEntry {
  raw: unknown;
  key: string;
  group: string;
  path: JsonPath;
  node: OutlineNode | undefined;
}

/** Builds the normalised model from a parsed document; every problem found on the way is reported. */
export function buildModel(doc: unknown, outline: OutlineNode | undefined, report: ProblemSink): TaskModel | undefined {
  const root = isPlainObject(doc) ? doc : undefined;
  if (!root && !Array.isArray(doc)) {
    report({ severity: 'error', code: 'wrong-type', message: `the task file should hold an object, not ${describeValue(doc)}`, path: [] });
    return undefined;
  }
  const tasksPath: JsonPath = root ? ['tasks'] : [];
  const tasksValue = root ? root.tasks : doc;
  const layout = detectLayout(tasksValue);
  if (tasksValue === undefined) {
    report({ severity: 'error', code: 'missing-tasks', message: 'the task file has no "tasks"', path: [] });
  } else if (!layout) {
    report({
      severity: 'error',
      code: 'wrong-type',
      message: `"tasks" should be an object of groups or a list of tasks, not ${describeValue(tasksValue)}`,
      path: tasksPath,
    });
  }
  const entries = layout ? taskEntries(tasksValue, layout, tasksPath, outlineAt(outline, tasksPath), report) : [];
  const { tasks, groups, byKey } = collectTasks(entries, report);
  const model: TaskModel = {
    layout: layout === 'array' ? 'array' : 'map',
    groups,
    tasks,
    byKey,
    guardrails: root ? readGuardrails(root, report) : [],
    raw: root ?? { tasks: doc },
  };
  if (root) {
    if (typeof root.schema_version === 'string') {
      model.schemaVersion = root.schema_version;
    }
    if (typeof root.last_updated === 'string') {
      model.lastUpdated = root.last_updated;
    }
    if (isPlainObject(root.metrics)) {
      model.metrics = root.metrics;
    }
    if (isPlainObject(root.summary)) {
      model.storedSummary = readStoredSummary(root.summary);
    }
  }
  return model;
}

function taskEntries(
  tasksValue: unknown,
  layout: TaskLayout,
  tasksPath: JsonPath,
  tasksNode: OutlineNode | undefined,
  report: ProblemSink,
): TaskEntry[] {
  if (layout === 'array') {
    return (tasksValue as unknown[]).map((raw, index) => ({
      raw,
      key: isPlainObject(raw) ? arrayTaskKey(raw, index) : `task-${index + 1}`,
      group: isPlainObject(raw) ? arrayTaskGroup(raw) : DEFAULT_GROUP,
      path: childPath(tasksPath, index),
      node: tasksNode?.children?.[index],
    }));
  }
  const map = tasksValue as Record<string, unknown>;
  if (layout === 'flatMap') {
    const nodes = memberNodes(tasksNode, [...tasksPath], report, 'task key');
    return Object.keys(map).map((key) => ({ raw: map[key], key, group: DEFAULT_GROUP, path: childPath(tasksPath, key), node: nodes.get(key) }));
  }
  const groupNodes = memberNodes(tasksNode, [...tasksPath], report, 'group');
  const entries: TaskEntry[] = [];
  for (const group of Object.keys(map)) {
    const groupValue = map[group];
    const groupPath = childPath(tasksPath, group);
    if (!isPlainObject(groupValue)) {
      report({
        severity: 'error',
        code: 'wrong-type',
        message: `group "${group}" should be an object of tasks, not ${describeValue(groupValue)}`,
        path: groupPath,
      });
      continue;
    }
    const nodes = memberNodes(groupNodes.get(group), groupPath, report, 'task key');
    for (const key of Object.keys(groupValue)) {
      entries.push({ raw: groupValue[key], key, group, path: childPath(groupPath, key), node: nodes.get(key) });
    }
  }
  return entries;
}

/**
 * The outline node of each member by key. `JSON.parse` keeps the last of duplicated keys, so the
 * last node is the one read, and each earlier one gets a `duplicate-key` error.
 */
function memberNodes(parent: OutlineNode | undefined, path: JsonPath, report: ProblemSink, what: string): Map<string, OutlineNode> {
  const nodes = new Map<string, OutlineNode>();
  for (const child of parent?.children ?? []) {
    const key = String(child.key);
    const earlier = nodes.get(key);
    if (earlier) {
      report({
        severity: 'error',
        code: 'duplicate-key',
        message: `duplicate ${what} "${key}": only its last occurrence is read`,
        path: [...path, key],
        range: { offset: earlier.keyStart ?? earlier.start, length: key.length + 2 },
        taskKey: what === 'task key' ? key : undefined,
      });
    }
    nodes.set(key, child);
  }
  return nodes;
}

function collectTasks(entries: TaskEntry[], report: ProblemSink): { tasks: Task[]; groups: TaskGroup[]; byKey: Map<string, Task> } {
  const tasks: Task[] = [];
  const byKey = new Map<string, Task>();
  const groups = new Map<string, TaskGroup>();
  const keyOfId = new Map<string, string>();
  for (const entry of entries) {
    if (!isPlainObject(entry.raw)) {
      report({
        severity: 'error',
        code: 'wrong-type',
        message: `task "${entry.key}" should be an object, not ${describeValue(entry.raw)}`,
        path: entry.path,
        taskKey: entry.key,
      });
      continue;
    }
    if (byKey.has(entry.key)) {
      const first = byKey.get(entry.key)!;
      report({
        severity: 'error',
        code: 'duplicate-key',
        message: `duplicate task key "${entry.key}" (also in group "${first.group}"): this one is ignored`,
        path: entry.path,
        taskKey: entry.key,
      });
      continue;
    }
    const range = entry.node ? { offset: entry.node.start, length: entry.node.end - entry.node.start } : undefined;
    const task = readTask(entry.raw, { key: entry.key, group: entry.group, index: tasks.length, path: entry.path, range }, report);
    if (entry.raw.id !== undefined) {
      const other = keyOfId.get(task.id);
      if (other !== undefined) {
        report({
          severity: 'error',
          code: 'duplicate-id',
          message: `duplicate task id "${task.id}" (also on "${other}")`,
          path: [...entry.path, 'id'],
          taskKey: task.key,
        });
      } else {
        keyOfId.set(task.id, task.key);
      }
    }
    tasks.push(task);
    byKey.set(task.key, task);
    let group = groups.get(task.group);
    if (!group) {
      group = { key: task.group, taskKeys: [] };
      groups.set(task.group, group);
    }
    group.taskKeys.push(task.key);
  }
  return { tasks, groups: [...groups.values()], byKey };
}

const SUMMARY_FIELDS: Record<string, keyof StoredSummary> = {
  total_tasks: 'totalTasks',
  in_progress: 'inProgress',
  completed: 'completed',
  not_started: 'notStarted',
  blocked: 'blocked',
  completion_percentage: 'completionPercentage',
};

function readStoredSummary(raw: Record<string, unknown>): StoredSummary {
  const summary: StoredSummary = {};
  for (const [field, name] of Object.entries(SUMMARY_FIELDS)) {
    if (typeof raw[field] === 'number') {
      summary[name] = raw[field];
    }
  }
  return summary;
}
