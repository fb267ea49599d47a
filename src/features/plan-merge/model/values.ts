/** Value-level helpers of the three-way merge: equality and the list, number and time rules. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of parsed JSON values; member order is not significant. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) {
    return false;
  }
  return keys.every((key) => key in right && sameJson(left[key], right[key]));
}

function asList(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : undefined;
}

function contains(list: readonly unknown[], item: unknown): boolean {
  return list.some((other) => sameJson(other, item));
}

/**
 * Three-way set merge: ours in its order without what theirs removed, then what theirs added.
 * Undefined when a side is not a list.
 */
export function mergeSets(base: unknown, ours: unknown, theirs: unknown): unknown[] | undefined {
  const [b, o, t] = [asList(base), asList(ours), asList(theirs)];
  if (!b || !o || !t) {
    return undefined;
  }
  const removedByTheirs = b.filter((item) => !contains(t, item));
  const kept = o.filter((item) => !contains(removedByTheirs, item));
  const added = t.filter((item) => !contains(b, item) && !contains(kept, item));
  return [...kept, ...added];
}

/**
 * Ordered appends: when both sides only appended to the ancestor's list, the ancestor's items,
 * ours' appends, then theirs'. Any other change falls back to the set merge.
 */
export function mergeAppends(base: unknown, ours: unknown, theirs: unknown): unknown[] | undefined {
  const [b, o, t] = [asList(base), asList(ours), asList(theirs)];
  if (!b || !o || !t) {
    return undefined;
  }
  const extends_ = (list: unknown[]) =>
    list.length >= b.length && b.every((item, i) => sameJson(item, list[i]));
  if (!extends_(o) || !extends_(t)) {
    return mergeSets(base, ours, theirs);
  }
  const theirsAppends = t.slice(b.length).filter((item) => !contains(o.slice(b.length), item));
  return [...o, ...theirsAppends];
}

/** The later of two timestamps, or undefined when either does not read as a date. */
export function laterTime(ours: unknown, theirs: unknown): 'ours' | 'theirs' | undefined {
  const a = typeof ours === 'string' ? Date.parse(ours) : NaN;
  const b = typeof theirs === 'string' ? Date.parse(theirs) : NaN;
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return undefined;
  }
  return b > a ? 'theirs' : 'ours';
}

export function largerNumber(ours: unknown, theirs: unknown): 'ours' | 'theirs' | undefined {
  if (typeof ours !== 'number' || typeof theirs !== 'number') {
    return undefined;
  }
  return theirs > ours ? 'theirs' : 'ours';
}

/** Completed share of a progress object (`percentage`, else steps), for the `progress` rule. */
function progressShare(value: unknown): [number, number] | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const number = (...names: string[]) => {
    for (const name of names) {
      if (typeof value[name] === 'number') {
        return value[name];
      }
    }
    return undefined;
  };
  const total = number('total_steps', 'total');
  const done = number('completed_steps', 'completed');
  const percentage = number('percentage', 'percent');
  if (total !== undefined && done !== undefined) {
    return [total === 0 ? 0 : done / total, done];
  }
  return percentage === undefined ? undefined : [percentage / 100, done ?? 0];
}

export function moreProgress(ours: unknown, theirs: unknown): 'ours' | 'theirs' | undefined {
  const a = progressShare(ours);
  const b = progressShare(theirs);
  if (!a || !b) {
    return undefined;
  }
  return b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? 'theirs' : 'ours';
}

export function describeJson(value: unknown): string {
  if (value === undefined) {
    return '(absent)';
  }
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
