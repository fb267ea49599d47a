import { applyEditsInMemory, type PlanEdit } from './planEdits';
import type { MergePlanner } from './planner';
import type { JsonPath, PlanShape, TaskEntry } from './planShape';
import { mergeRuleFor } from './rules';

const taskRule = (name: string) => mergeRuleFor('task', name);

/**
 * Merges the tasks task by task and field by field. A task added on one side is inserted after
 * its neighbour; a task removed on one side and unchanged on the other is removed; removed on one
 * side and changed on the other is a conflict. A task added on both sides is merged field by field
 * as if from an empty task. A group removed on theirs goes when all its tasks go.
 */
export function mergeTasks(
  planner: MergePlanner,
  base: PlanShape | undefined,
  ours: PlanShape,
  theirs: PlanShape,
): void {
  const inserter = new TaskInserter(ours, theirs, base);
  const removedFromOurs = new Set<string>();
  for (const [key, o] of ours.tasks) {
    const b = base?.tasks.get(key);
    const t = theirs.tasks.get(key);
    if (t) {
      mergeTask(planner, inserter, b, o, t, ours.layout === 'groups');
    } else if (b?.sameAs(o)) {
      planner.edits.push({ kind: 'delete', path: o.path });
      removedFromOurs.add(key);
      planner.decide(o.path, 'removed on their side');
    } else if (b) {
      planner.conflict(o.path, 'removed on their side, changed on ours', {
        kind: 'delete',
        path: o.path,
      });
    }
  }
  for (const [key, t] of theirs.tasks) {
    if (ours.tasks.has(key)) {
      continue;
    }
    const b = base?.tasks.get(key);
    if (!b) {
      inserter.insert(t, t.raw, planner.edits);
      planner.decide(t.path, 'added on their side');
    } else if (!b.sameAs(t)) {
      planner.conflict(t.path, 'removed on our side, changed on theirs');
      inserter.insert(t, t.raw, planner.theirsEdits);
    }
  }
  removeEmptiedGroups(planner, base, ours, theirs, removedFromOurs);
  inserter.flush(planner.edits, planner.theirsEdits);
}

function mergeTask(
  planner: MergePlanner,
  inserter: TaskInserter,
  b: TaskEntry | undefined,
  o: TaskEntry,
  t: TaskEntry,
  grouped: boolean,
): void {
  const theirsMoved = grouped && o.group !== t.group && b?.group === o.group;
  // Texts first: most tasks one side changed are written the same as the ancestor on the other.
  if (!theirsMoved && (o.sameText(t) || b?.sameText(t))) {
    return;
  }
  if (!theirsMoved && b?.sameText(o)) {
    // Changed on theirs only: every member theirs changed is taken, as the field merge would (none
    // when theirs is only written differently), so neither side is compared whole first.
    planner.takeChanges(o.path, o.raw, t.raw);
    return;
  }
  if (!theirsMoved && (o.sameAs(t) || b?.sameAs(t))) {
    return;
  }
  if (!b) {
    planner.decide(o.path, 'added on both sides: merged field by field');
  }
  if (grouped && o.group !== t.group && !theirsMoved && b?.group !== t.group) {
    planner.conflict(o.path, `in group "${o.group}" on our side, "${t.group}" on theirs`, {
      kind: 'delete',
      path: o.path,
    });
    inserter.insert(t, t.raw, planner.theirsEdits);
    return;
  }
  const firstEdit = planner.edits.length;
  const firstConflict = planner.conflicts.length;
  planner.mergeObject(o.path, b?.raw, o.raw, t.raw, taskRule, { taskKey: o.key });
  if (!theirsMoved) {
    return;
  }
  if (planner.conflicts.length > firstConflict) {
    planner.conflict(o.path, `moved to group "${t.group}" on their side; left in "${o.group}"`);
    return;
  }
  // Moved on theirs only: the merged task goes to theirs' group, its field edits applied in memory.
  const fieldEdits = planner.edits.splice(firstEdit).map((edit) => relativeTo(edit, o.path));
  const merged = applyEditsInMemory(o.raw, fieldEdits);
  planner.edits.push({ kind: 'delete', path: o.path });
  inserter.insert(t, merged, planner.edits);
  planner.decide(o.path, `moved to group "${t.group}" on their side`);
}

function relativeTo(edit: PlanEdit, prefix: JsonPath): PlanEdit {
  return { ...edit, path: edit.path.slice(prefix.length) };
}

/** A group removed on theirs is removed from ours when every task ours has in it is removed. */
function removeEmptiedGroups(
  planner: MergePlanner,
  base: PlanShape | undefined,
  ours: PlanShape,
  theirs: PlanShape,
  removedFromOurs: ReadonlySet<string>,
): void {
  if (ours.layout !== 'groups') {
    return;
  }
  for (const [group, keys] of ours.groups) {
    if (
      theirs.groups.has(group) ||
      !base?.groups.has(group) ||
      !keys.every((key) => removedFromOurs.has(key))
    ) {
      continue;
    }
    const path = [...ours.tasksPath, group];
    const inGroup = (edit: PlanEdit) =>
      edit.kind === 'delete' && edit.path.length === path.length + 1 && edit.path[1] === group;
    const kept = planner.edits.filter((edit) => !inGroup(edit));
    planner.edits.splice(0, planner.edits.length, ...kept, { kind: 'delete', path });
    planner.decide(path, 'group removed on their side');
  }
}

/** Inserts theirs' tasks into ours: after their neighbour, in a new group when ours lacks theirs'. */
class TaskInserter {
  private readonly newGroups = new Map<PlanEdit[], Map<string, Record<string, unknown>>>();

  constructor(
    private readonly ours: PlanShape,
    private readonly theirs: PlanShape,
    private readonly base: PlanShape | undefined,
  ) {}

  insert(task: TaskEntry, value: unknown, into: PlanEdit[]): void {
    const { ours, theirs } = this;
    if (ours.layout === 'array') {
      into.push({ kind: 'append', path: ours.tasksPath, value });
      return;
    }
    const group = ours.layout === 'flatMap' ? undefined : task.group;
    const oursKeys = group === undefined ? [...ours.tasks.keys()] : ours.groups.get(group);
    const theirsKeys =
      group === undefined ? [...theirs.tasks.keys()] : (theirs.groups.get(group) ?? []);
    if (!oursKeys) {
      let groups = this.newGroups.get(into);
      if (!groups) {
        groups = new Map();
        this.newGroups.set(into, groups);
      }
      const members = groups.get(task.group) ?? {};
      members[task.key] = value;
      groups.set(task.group, members);
      return;
    }
    const path =
      group === undefined ? [...ours.tasksPath, task.key] : [...ours.tasksPath, group, task.key];
    into.push({ kind: 'insert', path, value, after: neighbour(theirsKeys, task.key, oursKeys) });
  }

  /** Creates the groups ours lacks, with the tasks inserted into them, and theirs' new empty groups. */
  flush(edits: PlanEdit[], theirsEdits: PlanEdit[]): void {
    const { ours, theirs, base } = this;
    if (ours.layout !== 'groups') {
      return;
    }
    for (const [group, keys] of theirs.groups) {
      if (keys.length === 0 && !ours.groups.has(group) && !base?.groups.has(group)) {
        const groups = this.newGroups.get(edits) ?? new Map<string, Record<string, unknown>>();
        groups.set(group, groups.get(group) ?? {});
        this.newGroups.set(edits, groups);
      }
    }
    const theirsGroups = [...theirs.groups.keys()];
    const oursGroups = [...ours.groups.keys()];
    for (const into of [edits, theirsEdits]) {
      for (const [group, members] of this.newGroups.get(into) ?? []) {
        into.push({
          kind: 'insert',
          path: [...ours.tasksPath, group],
          value: members,
          after: neighbour(theirsGroups, group, oursGroups),
        });
      }
    }
  }
}

/** The nearest member before `key` in theirs' order that ours also has; null for the start. */
function neighbour(
  theirsOrder: readonly string[],
  key: string,
  oursOrder: readonly string[],
): string | null {
  const index = theirsOrder.indexOf(key);
  const present = new Set(oursOrder);
  for (let i = index - 1; i >= 0; i--) {
    if (present.has(theirsOrder[i])) {
      return theirsOrder[i];
    }
  }
  return null;
}
