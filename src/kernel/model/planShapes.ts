import { arrayTaskKey, isPlainObject, ownTaskKey } from './layout';
import type { JsonPath } from './locate';

/**
 * Plans that keep their tasks somewhere other than a top-level `tasks`: under categories, under
 * agents or owners, or a file that is one task. Read in place, never rewritten into another shape.
 */

/** One task object found in a nested plan, with the key, group and path the reader gives it. */
export interface NestedTaskEntry {
  raw: unknown;
  key: string;
  group: string;
  /** Owner for a task that names none: the agent or owner it is filed under. */
  owner?: string;
  path: JsonPath;
}

/** Sections whose members are groups of tasks, by name. */
const CATEGORY_SECTIONS = ['task_categories', 'categories'];
/** Sections whose members are groups of tasks keyed by who does them. */
const OWNER_SECTIONS = ['agents', 'owners', 'by_owner', 'assignees'];

/** Fields that mark an object as a task when a whole file is one task. */
const SINGLE_TASK_ID_FIELDS = ['task_id', 'id', 'key'];
const SINGLE_TASK_NAME_FIELDS = ['title', 'name'];

/** Whether a nested section groups tasks by category (rather than by who does them). */
export function isCategorySection(name: string): boolean {
  return CATEGORY_SECTIONS.includes(name);
}

/** The nested sections a plan without `tasks` uses, first spelling found in file order. */
export function nestedSections(root: Record<string, unknown>): string[] {
  return Object.keys(root).filter(
    (name) =>
      (CATEGORY_SECTIONS.includes(name) || OWNER_SECTIONS.includes(name)) &&
      isPlainObject(root[name]),
  );
}

/** A file that is itself one task: an id and a title or name at the top, and no task sections. */
export function isSingleTask(root: Record<string, unknown>): boolean {
  return (
    SINGLE_TASK_ID_FIELDS.some((name) => isKeyValue(root[name])) &&
    SINGLE_TASK_NAME_FIELDS.some((name) => typeof root[name] === 'string')
  );
}

/**
 * Every task of a plan without a top-level `tasks`, in file order, or undefined when the document
 * has none of the nested shapes. A group's tasks may be a list, a map of key → task, or an object
 * holding either under `tasks`.
 */
export function nestedTaskEntries(root: Record<string, unknown>): NestedTaskEntry[] | undefined {
  const sections = nestedSections(root);
  if (sections.length > 0) {
    const entries: NestedTaskEntry[] = [];
    for (const section of sections) {
      const byOwner = OWNER_SECTIONS.includes(section);
      const groups = root[section] as Record<string, unknown>;
      for (const group of Object.keys(groups)) {
        collectGroup(entries, groups[group], [section, group], group, byOwner ? group : undefined);
      }
    }
    return entries;
  }
  if (isSingleTask(root)) {
    return [{ raw: root, key: arrayTaskKey(root, 0), group: groupOf(root), path: [] }];
  }
  return undefined;
}

function collectGroup(
  entries: NestedTaskEntry[],
  value: unknown,
  path: JsonPath,
  group: string,
  owner: string | undefined,
): void {
  const holder = isPlainObject(value) && value.tasks !== undefined ? value.tasks : value;
  const holderPath = holder === value ? path : [...path, 'tasks'];
  if (Array.isArray(holder)) {
    holder.forEach((raw, index) => {
      entries.push({
        raw,
        key: (isPlainObject(raw) ? ownTaskKey(raw) : undefined) ?? `task-${entries.length + 1}`,
        group,
        owner,
        path: [...holderPath, index],
      });
    });
  } else if (isPlainObject(holder)) {
    for (const key of Object.keys(holder)) {
      entries.push({ raw: holder[key], key, group, owner, path: [...holderPath, key] });
    }
  } else {
    entries.push({ raw: holder, key: `task-${entries.length + 1}`, group, owner, path });
  }
}

function groupOf(root: Record<string, unknown>): string {
  const group = root.group ?? root.category;
  return typeof group === 'string' && group !== '' ? group : 'tasks';
}

function isKeyValue(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number';
}
