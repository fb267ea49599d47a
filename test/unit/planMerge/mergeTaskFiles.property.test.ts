import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { normaliseStatus } from '../../../src/kernel/model/statuses';
import { mergeTaskFiles } from '../../../src/features/plan-merge/model/mergeTaskFiles';
import { conflictSides } from './conflictSides';

type Task = Record<string, unknown>;
type Layout = 'groups' | 'flatMap' | 'array';

const KEYS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const GROUPS = ['top', 'next'];
const STATUSES = ['not_started', 'in_progress', 'waiting', 'blocked', 'completed', 'IN PROGRESS'];
const WORDS = ['a', 'b', 'c', 'd'];

/** An edit of one side: it touches `target` (a task, or a task's field). */
type Edit =
  | { kind: 'set'; key: string; field: string; value: unknown }
  | { kind: 'remove'; key: string; field: string }
  | { kind: 'appendNote'; key: string; text: string }
  | { kind: 'toggleBlocker'; key: string; text: string }
  | { kind: 'progress'; key: string; done: number }
  | { kind: 'addTask'; key: string; group: string; status: string }
  | { kind: 'deleteTask'; key: string };

const task = fc.record({
  name: fc.constantFrom('A', 'B', 'C'),
  status: fc.constantFrom(...STATUSES),
  blockers: fc.subarray(WORDS),
  notes: fc.subarray(WORDS),
  progress: fc
    .nat(4)
    .map((done) => ({ total_steps: 4, completed_steps: done, percentage: done * 25 })),
  x_unknown: fc.constantFrom(1, 'two', { three: 3 }),
});

const ancestor = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1 }),
    fc.array(task, { minLength: 5, maxLength: 5 }),
  )
  .map(([keys, tasks]) =>
    keys.map((key, i) => ({ key, group: GROUPS[i % 2], raw: { id: key, ...tasks[i] } })),
  );

const field = fc.constantFrom('name', 'status', 'owner', 'x_unknown', 'branch');
const fieldValue = fc.oneof(
  fc.constantFrom(...STATUSES),
  fc.constantFrom('x', 'y'),
  fc.nat(9),
  fc.constant(null),
);

function edit(newKey: string): fc.Arbitrary<Edit> {
  const key = fc.constantFrom(...KEYS);
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key, field, value: fieldValue }),
    fc.record({ kind: fc.constant('remove' as const), key, field }),
    fc.record({ kind: fc.constant('appendNote' as const), key, text: fc.constantFrom('n1', 'n2') }),
    fc.record({
      kind: fc.constant('toggleBlocker' as const),
      key,
      text: fc.constantFrom(...WORDS),
    }),
    fc.record({ kind: fc.constant('progress' as const), key, done: fc.nat(4) }),
    fc.record({
      kind: fc.constant('addTask' as const),
      key: fc.constant(newKey),
      group: fc.constantFrom(...GROUPS, 'brand_new'),
      status: fc.constantFrom(...STATUSES),
    }),
    fc.record({ kind: fc.constant('deleteTask' as const), key }),
  );
}

/** What an edit touches: the whole task for structure, else the task's field. */
function touches(e: Edit): string {
  switch (e.kind) {
    case 'addTask':
    case 'deleteTask':
      return e.key;
    case 'set':
    case 'remove':
      return `${e.key}.${e.field}`;
    case 'appendNote':
      return `${e.key}.notes`;
    case 'toggleBlocker':
      return `${e.key}.blockers`;
    case 'progress':
      return `${e.key}.progress`;
  }
}

function overlaps(a: Edit[], b: Edit[]): boolean {
  const touched = (edits: Edit[]) => edits.map(touches);
  const [x, y] = [touched(a), touched(b)];
  return x.some((p) => y.some((q) => p === q || p.startsWith(`${q}.`) || q.startsWith(`${p}.`)));
}

interface Entry {
  key: string;
  group: string;
  raw: Task;
}

function applyEdits(entries: Entry[], edits: Edit[]): Entry[] {
  let result = entries.map((e) => ({ ...e, raw: structuredClone(e.raw) }));
  for (const e of edits) {
    const found = result.find((entry) => entry.key === e.key);
    if (e.kind === 'addTask') {
      if (!found) {
        result.push({
          key: e.key,
          group: e.group,
          raw: { id: e.key, name: 'New', status: e.status },
        });
      }
      continue;
    }
    if (!found) {
      continue;
    }
    const raw = found.raw;
    switch (e.kind) {
      case 'deleteTask':
        result = result.filter((entry) => entry !== found);
        break;
      case 'set':
        raw[e.field] = e.value;
        break;
      case 'remove':
        delete raw[e.field];
        break;
      case 'appendNote':
        raw.notes = [...((raw.notes as string[] | undefined) ?? []), e.text];
        break;
      case 'toggleBlocker': {
        const list = (raw.blockers as string[] | undefined) ?? [];
        raw.blockers = list.includes(e.text) ? list.filter((b) => b !== e.text) : [...list, e.text];
        break;
      }
      case 'progress':
        raw.progress = { total_steps: 4, completed_steps: e.done, percentage: e.done * 25 };
        break;
    }
  }
  return result;
}

function render(
  entries: Entry[],
  layout: Layout,
  indent: number | string,
  groups: string[],
): string {
  let tasks: unknown;
  if (layout === 'array') {
    tasks = entries.map((e) => e.raw);
  } else if (layout === 'flatMap') {
    tasks = Object.fromEntries(entries.map((e) => [e.key, e.raw]));
  } else {
    const byGroup: Record<string, Record<string, Task>> = Object.fromEntries(
      groups.map((g) => [g, {}]),
    );
    for (const e of entries) {
      (byGroup[e.group] ??= {})[e.key] = e.raw;
    }
    tasks = byGroup;
  }
  // Each side's summary is in step with its tasks, as every write through the store keeps it.
  const count = (status: string) =>
    entries.filter(
      (e) => typeof e.raw.status === 'string' && normaliseStatus(e.raw.status) === status,
    ).length;
  const summary = {
    total_tasks: entries.length,
    completed: count('completed'),
    in_progress: count('in_progress'),
  };
  const doc = { last_updated: '2025-10-16T05:32:29Z', summary, tasks };
  return JSON.stringify(doc, null, indent);
}

/** The tasks of a merged file by key, with their group in the grouped layout. */
function tasksOf(text: string, layout: Layout): Map<string, unknown> {
  const doc = JSON.parse(text) as { tasks: unknown };
  const map = new Map<string, unknown>();
  if (layout === 'array') {
    for (const raw of doc.tasks as Task[]) {
      map.set(String(raw.id), raw);
    }
  } else if (layout === 'flatMap') {
    for (const [key, raw] of Object.entries(doc.tasks as Record<string, Task>)) {
      map.set(key, raw);
    }
  } else {
    for (const [group, members] of Object.entries(
      doc.tasks as Record<string, Record<string, Task>>,
    )) {
      for (const [key, raw] of Object.entries(members)) {
        map.set(key, { group, raw });
      }
    }
  }
  return map;
}

function expectedTasks(entries: Entry[], layout: Layout): Map<string, unknown> {
  return new Map(
    entries.map((e) => [e.key, layout === 'groups' ? { group: e.group, raw: e.raw } : e.raw]),
  );
}

/** `FAULT_SEED=<n>` replays the run fast-check printed on failure. */
const REPLAY = process.env.FAULT_SEED ? { seed: Number(process.env.FAULT_SEED) } : {};

const layout = fc.constantFrom<Layout>('groups', 'flatMap', 'array');
const indent = fc.constantFrom<number | string>(2, 4, '\t', 0);
const sides = fc.tuple(
  fc.array(edit('added_ours'), { maxLength: 6 }),
  fc.array(edit('added_theirs'), { maxLength: 6 }),
);

describe('three-way merge of the task file (properties)', () => {
  it('edits on two branches that touch different fields merge to the model of applying both', () => {
    fc.assert(
      fc.property(
        ancestor,
        sides,
        layout,
        indent,
        indent,
        (base, [ours, theirs], shape, oursIndent, theirsIndent) => {
          fc.pre(!overlaps(ours, theirs));
          const groups =
            shape === 'groups'
              ? [...GROUPS, 'brand_new'].filter((g) => base.some((e) => e.group === g))
              : [];
          const text = (entries: Entry[], spacing: number | string) =>
            render(entries, shape, spacing, groups);
          const result = mergeTaskFiles(
            text(base, 2),
            text(applyEdits(base, ours), oursIndent),
            text(applyEdits(base, theirs), theirsIndent),
          );
          assert.equal(result.kind, 'merged', result.kind === 'conflict' ? result.text : '');
          const expected = applyEdits(applyEdits(base, ours), theirs);
          assert.deepEqual(tasksOf(result.text, shape), expectedTasks(expected, shape));
          const loaded = loadTaskFile(result.text);
          assert.ok(
            !loaded.diagnostics.some((d) => d.code === 'summary-drift'),
            'the summary is recounted',
          );
        },
      ),
      { numRuns: 300, ...REPLAY },
    );
  });

  it('any edits on two branches merge without throwing to a file that parses, or a conflict whose sides parse', () => {
    fc.assert(
      fc.property(ancestor, sides, layout, indent, (base, [ours, theirs], shape, theirsIndent) => {
        const sameKey = (edits: Edit[]) =>
          edits.map((e) => (e.kind === 'addTask' ? { ...e, key: 'added_both' } : e));
        const text = (entries: Entry[], spacing: number | string) =>
          render(entries, shape, spacing, GROUPS);
        const result = mergeTaskFiles(
          text(base, 2),
          text(applyEdits(base, sameKey(ours)), 2),
          text(applyEdits(base, sameKey(theirs)), theirsIndent),
        );
        if (result.kind === 'merged') {
          JSON.parse(result.text);
        } else {
          const { ours: oursSide, theirs: theirsSide } = conflictSides(result.text);
          JSON.parse(oursSide);
          JSON.parse(theirsSide);
          assert.ok(result.conflicts.length > 0);
        }
      }),
      { numRuns: 300, ...REPLAY },
    );
  });
});
