import {
  arrayTaskGroup,
  arrayTaskKey,
  DEFAULT_GROUP,
  detectLayout,
  type TaskLayout,
} from '../../../kernel/model/layout';
import { GUARDRAIL_SECTIONS } from '../../../kernel/model/readGuardrails';
import { isRecord, sameJson } from './values';

export type JsonPath = (string | number)[];

/**
 * One task of one side; its path is built only when asked for (most tasks never are). A task read
 * from text is parsed only when compared with a differently written task, or edited.
 */
export class TaskEntry {
  private parsed: Record<string, unknown> | undefined;

  constructor(
    readonly key: string,
    readonly group: string,
    source: Record<string, unknown> | string,
    private readonly container: JsonPath,
    private readonly member: string | number,
  ) {
    if (typeof source === 'string') {
      this.text = source;
    } else {
      this.parsed = source;
    }
  }

  /** The task as written, when it was read from text. */
  readonly text: string | undefined;

  get raw(): Record<string, unknown> {
    this.parsed ??= JSON.parse(this.text!) as Record<string, unknown>;
    return this.parsed;
  }

  /** Where the task sits in its document. */
  get path(): JsonPath {
    return [...this.container, this.member];
  }

  /** Written the same: the same content, known without parsing either. */
  sameText(other: TaskEntry): boolean {
    return this.text !== undefined && this.text === other.text;
  }

  /** The same task content: the same text, or the same JSON written differently. */
  sameAs(other: TaskEntry): boolean {
    return (this.text !== undefined && this.text === other.text) || sameJson(this.raw, other.raw);
  }
}

/** The tasks of one side of a merge, by key, with the containers that hold them. */
export interface PlanShape {
  layout: TaskLayout;
  /** Path of the tasks container: `['tasks']`, or `[]` for a document that is itself a list. */
  tasksPath: JsonPath;
  tasks: Map<string, TaskEntry>;
  /** Groups layout: task keys of each group in file order, groups in file order. */
  groups: Map<string, string[]>;
}

/**
 * The tasks of a parsed document, or undefined when they are not in a shape the merge can treat
 * task by task (no tasks, a group or task that is not an object, a key used twice): the merge
 * then treats the tasks container like any other value.
 */
export function readPlanShape(doc: unknown): PlanShape | undefined {
  const tasksPath: JsonPath = Array.isArray(doc) ? [] : ['tasks'];
  const container = Array.isArray(doc) ? doc : isRecord(doc) ? doc.tasks : undefined;
  const layout = detectLayout(container);
  if (!layout) {
    return undefined;
  }
  const shape: PlanShape = { layout, tasksPath, tasks: new Map(), groups: new Map() };
  if (layout === 'array') {
    const list = container as unknown[];
    for (let index = 0; index < list.length; index++) {
      const raw = list[index];
      if (!isRecord(raw)) {
        return undefined;
      }
      const key = arrayTaskKey(raw, index);
      if (shape.tasks.has(key)) {
        return undefined;
      }
      shape.tasks.set(key, new TaskEntry(key, arrayTaskGroup(raw), raw, tasksPath, index));
    }
    return shape;
  }
  const map = container as Record<string, unknown>;
  const groups: [string, Record<string, unknown>][] =
    layout === 'flatMap' ? [[DEFAULT_GROUP, map]] : [];
  if (layout === 'groups') {
    for (const [group, value] of Object.entries(map)) {
      if (!isRecord(value)) {
        return undefined;
      }
      groups.push([group, value]);
    }
  }
  for (const [group, members] of groups) {
    const keys = Object.keys(members);
    const container = layout === 'flatMap' ? tasksPath : [...tasksPath, group];
    for (const key of keys) {
      const raw = members[key];
      if (!isRecord(raw) || shape.tasks.has(key)) {
        return undefined;
      }
      shape.tasks.set(key, new TaskEntry(key, group, raw, container, key));
    }
    shape.groups.set(group, keys);
  }
  return shape;
}

/** The guardrail section a document uses, as the reader picks it. */
export function guardrailSection(doc: unknown): string | undefined {
  return isRecord(doc) ? GUARDRAIL_SECTIONS.find((name) => doc[name] !== undefined) : undefined;
}

/**
 * Calls `visit` with every task of a document as `readPlanShape` would list them, without building
 * the shape; false when the tasks are not in such a shape.
 */
export function forEachTask(doc: unknown, visit: (raw: Record<string, unknown>) => void): boolean {
  const container = Array.isArray(doc) ? doc : isRecord(doc) ? doc.tasks : undefined;
  const layout = detectLayout(container);
  if (!layout) {
    return false;
  }
  const seen = new Set<string>();
  const visitMember = (key: string, raw: unknown): boolean => {
    if (!isRecord(raw) || seen.has(key)) {
      return false;
    }
    seen.add(key);
    visit(raw);
    return true;
  };
  if (layout === 'array') {
    return (container as unknown[]).every((raw, index) =>
      visitMember(isRecord(raw) ? arrayTaskKey(raw, index) : '', raw),
    );
  }
  const map = container as Record<string, unknown>;
  const groups = layout === 'flatMap' ? [map] : Object.values(map);
  for (const members of groups) {
    if (!isRecord(members)) {
      return false;
    }
    for (const key in members) {
      if (!visitMember(key, members[key])) {
        return false;
      }
    }
  }
  return true;
}
