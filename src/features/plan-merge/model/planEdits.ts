import type { JsonPath } from './planShape';
import { isRecord } from './values';

/**
 * One change the merge makes to "ours". Paths are paths in ours; array positions are ours'
 * positions, which stay valid because deletions of array items are applied last, highest first.
 */
export type PlanEdit =
  /** Replaces a member or item, or adds a member at the end of its object. */
  | { kind: 'set'; path: JsonPath; value: unknown }
  | { kind: 'delete'; path: JsonPath }
  /** Adds an object member after the member `after` (at the start when null). */
  | { kind: 'insert'; path: JsonPath; value: unknown; after: string | null }
  /** Adds an item at the end of the list at `path`. */
  | { kind: 'append'; path: JsonPath; value: unknown };

const lastKey = (edit: PlanEdit) => edit.path[edit.path.length - 1];

/** Changes first, then removals of list items, then appends. */
function rank(edit: PlanEdit): number {
  if (edit.kind === 'append') {
    return 2;
  }
  return edit.kind === 'delete' && typeof lastKey(edit) === 'number' ? 1 : 0;
}

/** The order edits are applied in: list items are removed last and from the end, so positions hold. */
export function orderEdits(edits: readonly PlanEdit[]): PlanEdit[] {
  return [...edits].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    return byRank !== 0 || rank(a) !== 1 ? byRank : (lastKey(b) as number) - (lastKey(a) as number);
  });
}

/**
 * Applies edits to a parsed document without changing it: only the containers on the edited
 * paths are copied, so a merged view of a large file costs little more than its edits.
 */
export function applyEditsInMemory(doc: unknown, edits: readonly PlanEdit[]): unknown {
  const copies = new Set<unknown>();
  const root = { value: doc };
  const own = (parent: Record<string | number, unknown>, key: string | number): unknown => {
    const value = parent[key];
    if (copies.has(value) || typeof value !== 'object' || value === null) {
      return value;
    }
    const copy = Array.isArray(value) ? [...value] : { ...value };
    copies.add(copy);
    parent[key] = copy;
    return copy;
  };
  for (const edit of orderEdits(edits)) {
    const containerPath = edit.kind === 'append' ? edit.path : edit.path.slice(0, -1);
    let container: unknown = own(root as Record<string, unknown>, 'value');
    for (const key of containerPath) {
      container = own(container as Record<string | number, unknown>, key);
    }
    const last = edit.path[edit.path.length - 1];
    if (edit.kind === 'append') {
      (container as unknown[]).push(edit.value);
    } else if (Array.isArray(container)) {
      if (edit.kind === 'delete') {
        container.splice(last as number, 1);
      } else {
        container[last as number] = edit.value;
      }
    } else if (isRecord(container)) {
      if (edit.kind === 'delete') {
        delete container[last];
      } else if (edit.kind === 'set') {
        container[last] = edit.value;
      } else {
        insertMember(container, String(last), edit.value, edit.after);
      }
    }
  }
  return root.value;
}

function insertMember(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  after: string | null,
): void {
  const entries = Object.entries(target).filter(([name]) => name !== key);
  const position = after === null ? 0 : entries.findIndex(([name]) => name === after) + 1;
  entries.splice(position === 0 && after !== null ? entries.length : position, 0, [key, value]);
  for (const name of Object.keys(target)) {
    delete target[name];
  }
  for (const [name, member] of entries) {
    target[name] = member;
  }
}
