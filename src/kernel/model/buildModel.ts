import {
  arrayTaskGroup,
  arrayTaskKey,
  DEFAULT_GROUP,
  detectLayout,
  isPlainObject,
  ownTaskKey,
  type TaskLayout,
} from './layout';
import { nestedTaskEntries } from './planShapes';
import { notAPlanReason } from './notAPlan';
import type { JsonPath } from './locate';
import { memberChildren, outlineAt, type OutlineNode } from './outline';
import { describeValue, type ProblemSink } from './problems';
import { readGuardrails } from './readGuardrails';
import { reportReviewRuleProblems } from './reviews';
import { readTask, type TaskPlace } from './readTask';
import { rememberTaskIds } from './taskIds';
import { taskJsonPath } from './taskJsonPath';
import { STORED_SUMMARY_FIELDS } from './summary';
import type { StoredSummary, Task, TaskGroup, TaskModel, TextRange } from './types';

/**
 * Where the problems a task's own fields gave fall among everything `buildModel` reported: by task
 * index, the position of the first and one past the last, counting from the first report.
 */
export type ReadSpans = Map<number, readonly [number, number]>;

/** The outline of the text a document was parsed from, which places its tasks. */
export interface TextOutline {
  root: OutlineNode | undefined;
  text: string;
}

/** Builds the normalised model from a parsed document; every problem found on the way is reported. */
export function buildModel(
  doc: unknown,
  outline: TextOutline | undefined,
  sink: ProblemSink,
  readSpans?: ReadSpans,
): TaskModel | undefined {
  let reported = 0;
  const report: ProblemSink = readSpans
    ? (problem) => {
        reported++;
        sink(problem);
      }
    : sink;
  const root = isPlainObject(doc) ? doc : undefined;
  if (!root && !Array.isArray(doc)) {
    report({
      severity: 'error',
      code: 'wrong-type',
      message: `the task file should hold an object, not ${describeValue(doc)}`,
      path: [],
    });
    return undefined;
  }
  const tasksPath: JsonPath = root ? ['tasks'] : [];
  const tasksValue = root ? root.tasks : doc;
  const nested = root && tasksValue === undefined ? nestedTaskEntries(root) : undefined;
  const notAPlan = Array.isArray(tasksValue) ? notAPlanReason(tasksValue) : undefined;
  if (notAPlan) {
    report({ severity: 'error', code: 'not-a-plan', message: notAPlan, path: tasksPath });
    return undefined;
  }
  const layout = detectLayout(tasksValue);
  if (nested) {
    // Read where the plan keeps them: under categories, agents or owners, or the file is one task.
  } else if (tasksValue === undefined) {
    report({
      severity: 'error',
      code: 'missing-tasks',
      message:
        'the task file has no "tasks" (nor "task_categories", "agents" or "owners", nor is it one task with an id and a title)',
      path: [],
    });
  } else if (!layout) {
    report({
      severity: 'error',
      code: 'wrong-type',
      message: `"tasks" should be an object of groups or a list of tasks, not ${describeValue(tasksValue)}`,
      path: tasksPath,
    });
  }
  const collector = new TaskCollector(
    report,
    readSpans && { spans: readSpans, count: () => reported },
  );
  if (nested) {
    for (const entry of nested) {
      collector.add(
        entry.raw,
        entry.key,
        entry.group,
        entry.path,
        rangeOf(outlineAt(outline?.root, entry.path)),
        entry.owner,
      );
    }
  } else if (layout) {
    const tasksNode = outlineAt(outline?.root, tasksPath);
    collectTasks(collector, tasksValue, layout, tasksPath, tasksNode, outline?.text ?? '', report);
  }
  const { tasks, byKey } = collector;
  const groups = [...collector.groups.values()];
  const model: TaskModel = {
    layout: nested ? 'nested' : layout === 'array' ? 'array' : 'map',
    groups,
    tasks,
    byKey,
    guardrails: root ? readGuardrails(root, report) : [],
    raw: root ?? { tasks: doc },
  };
  rememberTaskIds(model, collector.keyOfId);
  if (root) {
    reportReviewRuleProblems(root, report);
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

/** Reads every task where the layout puts it, in file order. */
function collectTasks(
  collector: TaskCollector,
  tasksValue: unknown,
  layout: TaskLayout,
  tasksPath: JsonPath,
  tasksNode: OutlineNode | undefined,
  text: string,
  report: ProblemSink,
): void {
  if (layout === 'array') {
    const list = tasksValue as unknown[];
    const ranges = elementRanges(text, tasksNode, list.length);
    for (let index = 0; index < list.length; index++) {
      const raw = list[index];
      const key = isPlainObject(raw) ? arrayTaskKey(raw, index) : `task-${index + 1}`;
      const group = isPlainObject(raw) ? arrayTaskGroup(raw) : DEFAULT_GROUP;
      collector.add(
        raw,
        key,
        group,
        tasksPath.length === 0 ? [index] : [tasksPath[0], index],
        ranges(index),
      );
    }
    return;
  }
  const map = tasksValue as Record<string, unknown>;
  if (layout === 'flatMap') {
    const keys = Object.keys(map);
    const ranges = memberRanges(text, tasksNode, keys, tasksPath, report, 'task key');
    for (let i = 0; i < keys.length; i++) {
      collector.add(map[keys[i]], keys[i], DEFAULT_GROUP, [tasksPath[0], keys[i]], ranges(i));
    }
    return;
  }
  const groups = Object.keys(map);
  const groupNodes = memberNodes(
    tasksNode && memberChildren(text, tasksNode),
    groups,
    tasksPath,
    report,
    'group',
  );
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const groupValue = map[group];
    const groupPath = [tasksPath[0], group];
    if (Array.isArray(groupValue)) {
      const ranges = elementRanges(text, groupNodes(g), groupValue.length);
      for (let i = 0; i < groupValue.length; i++) {
        const raw = groupValue[i];
        const key = (isPlainObject(raw) ? ownTaskKey(raw) : undefined) ?? `${group}-${i + 1}`;
        collector.add(raw, key, group, [tasksPath[0], group, i], ranges(i));
      }
      continue;
    }
    if (!isPlainObject(groupValue)) {
      report({
        severity: 'error',
        code: 'wrong-type',
        message: `group "${group}" should be an object or a list of tasks, not ${describeValue(groupValue)}`,
        path: groupPath,
      });
      continue;
    }
    const keys = Object.keys(groupValue);
    const ranges = memberRanges(text, groupNodes(g), keys, groupPath, report, 'task key');
    for (let i = 0; i < keys.length; i++) {
      // No path: the task is where `taskJsonPath` puts it (`tasksPath` is `['tasks']` for groups).
      collector.add(groupValue[keys[i]], keys[i], group, undefined, ranges(i));
    }
  }
}

function rangeOf(node: OutlineNode | undefined): TextRange | undefined {
  return node && { offset: node.start, length: node.end - node.start };
}

const NO_RANGE = (): undefined => undefined;

/**
 * The text range of each member of `parent`, by its position in `keys` (the object's keys as
 * `JSON.parse` gives them). Spans line up with `keys` when there are as many (a duplicated name
 * leaves `keys` one short) and no integer-like key was moved first; otherwise the members are
 * outlined as nodes, which finds the duplicates.
 */
function memberRanges(
  text: string,
  parent: OutlineNode | undefined,
  keys: readonly string[],
  path: JsonPath,
  report: ProblemSink,
  what: string,
): (position: number) => TextRange | undefined {
  const spans = parent?.spans;
  if (spans && spans.length === keys.length * 2 && !keys.some(startsWithDigit)) {
    return (i) => ({ offset: spans[2 * i], length: spans[2 * i + 1] - spans[2 * i] });
  }
  if (!parent) {
    return NO_RANGE;
  }
  const nodes = memberNodes(memberChildren(text, parent), keys, path, report, what);
  return (i) => rangeOf(nodes(i));
}

/** The text range of each element of the array `parent`, by position. */
function elementRanges(
  text: string,
  parent: OutlineNode | undefined,
  length: number,
): (position: number) => TextRange | undefined {
  const spans = parent?.spans;
  if (spans && spans.length === length * 2) {
    return (i) => ({ offset: spans[2 * i], length: spans[2 * i + 1] - spans[2 * i] });
  }
  const children = parent && memberChildren(text, parent);
  return (i) => rangeOf(children?.[i]);
}

function startsWithDigit(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57;
}

const NO_NODE = (): undefined => undefined;

/**
 * The outline node of each member, by its position in `keys` (the object's keys as `JSON.parse`
 * gives them). `JSON.parse` keeps the last of duplicated keys, so the last node is the one read,
 * and each earlier one gets a `duplicate-key` error. When the outline lists exactly `keys` in that
 * order (no duplicates, no integer-like keys moved first) no lookup table is needed.
 */
function memberNodes(
  children: OutlineNode[] | undefined,
  keys: readonly string[],
  path: JsonPath,
  report: ProblemSink,
  what: string,
): (position: number) => OutlineNode | undefined {
  if (!children) {
    return NO_NODE;
  }
  if (children.length === keys.length && children.every((child, i) => child.key === keys[i])) {
    return (position) => children[position];
  }
  const nodes = new Map<string, OutlineNode>();
  for (const child of children) {
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
  return (position) => nodes.get(keys[position]);
}

/** Turns raw entries into tasks, skipping (and reporting) non-objects, repeated keys and ids. */
class TaskCollector {
  readonly tasks: Task[] = [];
  readonly byKey = new Map<string, Task>();
  readonly groups = new Map<string, TaskGroup>();
  /** The task key of each id a task states, the first task stating it winning. */
  readonly keyOfId = new Map<string, string>();
  /** Where the task being read sits: one object for all, as the reader keeps none of it. */
  private readonly place: TaskPlace = { key: '', group: '', index: 0 };

  constructor(
    private readonly report: ProblemSink,
    private readonly reads?: { spans: ReadSpans; count: () => number },
  ) {}

  add(
    raw: unknown,
    key: string,
    groupKey: string,
    ownPath: JsonPath | undefined,
    range: TextRange | undefined,
    owner?: string,
  ): void {
    if (!isPlainObject(raw)) {
      this.report({
        severity: 'error',
        code: 'wrong-type',
        message: `task "${key}" should be an object, not ${describeValue(raw)}`,
        path: ownPath ?? taskJsonPath({ group: groupKey, key }),
        taskKey: key,
      });
      return;
    }
    const first = this.byKey.get(key);
    if (first !== undefined) {
      this.report({
        severity: 'error',
        code: 'duplicate-key',
        message: `duplicate task key "${key}" (also in group "${first.group}"): this one is ignored`,
        path: ownPath ?? taskJsonPath({ group: groupKey, key }),
        taskKey: key,
      });
      return;
    }
    const place = this.place;
    place.key = key;
    place.group = groupKey;
    place.index = this.tasks.length;
    place.path = ownPath;
    place.range = range;
    place.owner = owner;
    const before = this.reads?.count() ?? 0;
    const task = readTask(raw, place, this.report);
    if (this.reads && this.reads.count() > before) {
      this.reads.spans.set(place.index, [before, this.reads.count()]);
    }
    if (raw.id !== undefined || raw.task_id !== undefined) {
      const other = this.keyOfId.get(task.id);
      if (other !== undefined) {
        this.report({
          severity: 'error',
          code: 'duplicate-id',
          message: `duplicate task id "${task.id}" (also on "${other}")`,
          path: [...taskJsonPath(task), raw.id !== undefined ? 'id' : 'task_id'],
          taskKey: task.key,
        });
      } else {
        this.keyOfId.set(task.id, task.key);
      }
    }
    this.tasks.push(task);
    this.byKey.set(key, task);
    let group = this.groups.get(groupKey);
    if (!group) {
      group = { key: groupKey, taskKeys: [] };
      this.groups.set(groupKey, group);
    }
    group.taskKeys.push(key);
  }
}

export function readStoredSummary(raw: Record<string, unknown>): StoredSummary {
  const summary: StoredSummary = {};
  for (const [field, name] of Object.entries(STORED_SUMMARY_FIELDS)) {
    if (typeof raw[field] === 'number') {
      summary[name] = raw[field];
    }
  }
  return summary;
}
