import { isPlainObject } from '../model/layout';
import { TASK_FIELDS } from '../model/taskFields';
import { outlineAt, outlineChild, type OutlineNode } from '../model/outline';
import { isCategorySection, nestedSections } from '../model/planShapes';
import { TaskEditError } from './errors';
import type { SubDocument } from './subDocument';
import type { TaskEdit } from './types';

type AddTask = Extract<TaskEdit, { kind: 'addTask' }>;

/**
 * Adds a task to a plan that keeps its tasks under categories, agents or owners, in the file's own
 * layout: under a category named like the task's group when the plan has categories, else under
 * its owner (or its group) in the owners' section; into that group's `tasks` list or map, or as a
 * new group shaped like the section's first one. A file that is one task takes no other.
 */
export function addNestedTask(
  text: string,
  root: OutlineNode,
  edit: AddTask,
  open: (node: OutlineNode) => SubDocument,
): void {
  const doc: unknown = JSON.parse(text);
  const sections = isPlainObject(doc) ? nestedSections(doc) : [];
  if (!isPlainObject(doc) || sections.length === 0) {
    throw new TaskEditError(
      'invalidValue',
      'this file is one task and cannot hold another: import into a plan file with --into',
      edit.taskKey,
    );
  }
  const ownerField = TASK_FIELDS.owner.find((name) => typeof edit.fields[name] === 'string');
  const owner = ownerField ? String(edit.fields[ownerField]).trim() : '';
  const section = sections.find(isCategorySection) ?? sections[0];
  const group = isCategorySection(section) ? edit.group : owner || edit.group;
  const fields =
    isCategorySection(section) || !ownerField ? edit.fields : without(edit.fields, ownerField);
  const listed = listedTask(edit.taskKey, fields);

  const sectionNode = outlineChild(root, section);
  const groupNode = outlineAt(root, [section, group]);
  if (sectionNode?.kind !== 'object') {
    throw new TaskEditError('unparseable', `the "${section}" section could not be read`);
  }
  if (groupNode) {
    const holder = outlineChild(groupNode, 'tasks') ?? groupNode;
    if (holder.kind === 'array') {
      open(holder).set([-1], listed, true);
    } else if (holder.kind === 'object') {
      open(holder).set([edit.taskKey], fields);
    } else {
      throw new TaskEditError(
        'invalidValue',
        `"${section}.${group}" holds no list or map of tasks`,
        edit.taskKey,
      );
    }
    return;
  }
  open(sectionNode).set([group], newGroup(doc[section], edit.taskKey, fields, listed));
}

/** A new group shaped like the section's first: a `tasks` wrapper or not, a list or a map. */
function newGroup(
  section: unknown,
  key: string,
  fields: Record<string, unknown>,
  listed: Record<string, unknown>,
): unknown {
  const first = isPlainObject(section) ? Object.values(section)[0] : undefined;
  const wrapped = isPlainObject(first) && first.tasks !== undefined;
  const sample = wrapped ? (first as Record<string, unknown>).tasks : first;
  const tasks = Array.isArray(sample) ? [listed] : { [key]: fields };
  return wrapped ? { tasks } : tasks;
}

/** Filed under its owner, a task does not repeat who that is. */
function without(fields: Record<string, unknown>, name: string): Record<string, unknown> {
  const rest = { ...fields };
  delete rest[name];
  return rest;
}

/** A task for a list, where its key is its id: given one unless it has one. */
export function listedTask(key: string, fields: Record<string, unknown>): Record<string, unknown> {
  return TASK_FIELDS.id.some((name) => fields[name] !== undefined)
    ? fields
    : { id: key, ...fields };
}
