import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEditsKnown, applyEditsTracked } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { knownPlanOf } from '../../../src/kernel/model/knownPlan';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { taskMovedTo } from '../../../src/kernel/model/readTask';
import { reloadAfterChanges } from '../../../src/kernel/model/reload';
import type { LoadedTaskFile } from '../../../src/kernel/model/types';

// Past the size up to which every file is read whole (duplicated fields are looked for there).
const TASKS = 2600;

interface Quirks {
  /** Task positions given a field the reader warns about or refuses, with which. */
  odd: [number, number][];
  /** Task positions whose dependency is a near miss of a real key (a suggestion), or itself. */
  typos: number[];
  selfDependent: number[];
  /** A two-task cycle starting here. */
  cycleAt: number;
  /** Two tasks sharing one id. */
  sharedId: [number, number];
  summary: 'none' | 'inStep' | 'drifted';
  compact: boolean;
}

const ODD_FIELDS: [string, unknown][] = [
  ['status', 'weird'],
  ['priority', 'P9'],
  ['progress', { total_steps: 2, completed_steps: 5 }],
  ['estimated_hours', 'soon'],
  ['dependencies', ['task1', 7, { x: 1 }]],
  ['notes', 'one note'],
  ['owner', ['Codex', 'Claude']],
  ['pr_number', '#12'],
];

const STATUSES = ['not_started', 'in_progress', 'completed', 'blocked', 'waiting', 'DONE'];

function plan(quirks: Quirks): string {
  const tasks: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < TASKS; i++) {
    const group = `group_${Math.floor(i / 40)}`;
    const task: Record<string, unknown> = {
      id: `t${i}`,
      name: `Task number ${i} with a name long enough to look real`,
      description:
        'What this task is about, in a sentence or two, as plans written by people have it.',
      owner: i % 3 === 0 ? 'Codex + Copilot' : 'Claude Code',
      status: STATUSES[i % STATUSES.length],
      priority: ['critical', 'high', 'medium', 'low'][i % 4],
      estimated_hours: (i % 7) / 2 + 0.5,
      dependencies: i % 5 === 0 ? [] : i % 11 === 0 ? ['prometheus_running'] : [`task${i - 1}`],
      progress: { total_steps: 5, completed_steps: i % 5, percentage: (i % 5) * 20 },
      notes: i % 4 === 0 ? ['a note'] : [],
    };
    for (const [at, which] of quirks.odd) {
      if (at === i) {
        const [field, value] = ODD_FIELDS[which];
        task[field] = value;
      }
    }
    if (quirks.typos.includes(i) && i > 1) {
      task.dependencies = [`tsk${i - 2}`];
    }
    if (quirks.selfDependent.includes(i)) {
      task.dependencies = [`task${i}`];
    }
    if (i === quirks.cycleAt) {
      task.dependencies = [`task${i + 1}`];
    }
    if (i === quirks.cycleAt + 1) {
      task.dependencies = [`task${i - 1}`];
    }
    if (i === quirks.sharedId[1]) {
      task.id = `t${quirks.sharedId[0]}`;
    }
    (tasks[group] ??= {})[`task${i}`] = task;
  }
  const doc: Record<string, unknown> = {
    last_updated: '2025-10-16T05:32:29Z',
    schema_version: '1.0',
  };
  if (quirks.summary !== 'none') {
    const loaded = loadTaskFile(JSON.stringify({ tasks }));
    const byStatus = loaded.summary!.byStatus;
    doc.summary = {
      total_tasks: TASKS,
      in_progress: byStatus.in_progress,
      completed: byStatus.completed + (quirks.summary === 'drifted' ? 3 : 0),
      not_started: byStatus.not_started,
      blocked: byStatus.blocked,
      completion_percentage: loaded.summary!.completionPercentage,
    };
  }
  doc.tasks = tasks;
  doc.pre_audit_guardrails = { sweep: { command: 'make sweep', required: true } };
  return JSON.stringify(doc, null, quirks.compact ? 0 : 2);
}

const position = fc.nat(TASKS - 3);
const quirks: fc.Arbitrary<Quirks> = fc.record({
  odd: fc.array(fc.tuple(position, fc.nat(ODD_FIELDS.length - 1)), { maxLength: 6 }),
  typos: fc.array(position, { maxLength: 3 }),
  selfDependent: fc.array(position, { maxLength: 2 }),
  cycleAt: position,
  sharedId: fc.tuple(position, position).filter(([a, b]) => a < b),
  summary: fc.constantFrom('none', 'inStep', 'drifted'),
  compact: fc.boolean(),
});

// Mostly keys; now and then an id (found the long way) or a task that is not there (refused).
const taskKey = fc.oneof(
  { weight: 8, arbitrary: position.map((i) => `task${i}`) },
  { weight: 1, arbitrary: position.map((i) => `t${i}`) },
  { weight: 1, arbitrary: fc.constant('no_such_task') },
);
const edit: fc.Arbitrary<TaskEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('setStatus' as const),
    taskKey,
    status: fc.constantFrom('not_started', 'in_progress', 'completed', 'blocked', 'waiting'),
  }),
  fc.record({
    kind: fc.constant('setProgress' as const),
    taskKey,
    completedSteps: fc.nat(5),
  }),
  fc.record({
    kind: fc.constant('appendNote' as const),
    taskKey,
    text: fc.constant('done\nand more'),
  }),
  fc.record({ kind: fc.constant('setOwner' as const), taskKey, owner: fc.constant('Gemini') }),
  fc.record({
    kind: fc.constant('setBranch' as const),
    taskKey,
    branch: fc.constantFrom('feat/x', null),
  }),
  fc.record({ kind: fc.constant('appendBlocker' as const), taskKey, text: fc.constant('api') }),
  fc.record({
    kind: fc.constant('setTaskField' as const),
    taskKey,
    field: fc.constantFrom('priority', 'dependencies', 'id', 'estimated_hours', 'status'),
    value: fc.constantFrom('high', 'nonsense', ['task3'], ['task1', 'tsk2'], 'x9', 4, null),
  }),
);

function same(actual: LoadedTaskFile, expected: LoadedTaskFile): void {
  assert.equal(actual.text, expected.text);
  assert.equal(actual.broken, expected.broken);
  assert.deepEqual(actual.diagnostics, expected.diagnostics);
  assert.deepEqual(actual.summary, expected.summary);
  assert.deepEqual(actual.model, expected.model);
  const graph = actual.graph!;
  const wanted = expected.graph!;
  assert.deepEqual([...graph.dependencies], [...wanted.dependencies]);
  assert.deepEqual([...graph.dependents], [...wanted.dependents]);
  assert.deepEqual(graph.ready, wanted.ready);
  assert.deepEqual(graph.cycles, wanted.cycles);
  assert.deepEqual(graph.criticalPath, wanted.criticalPath);
}

describe('a read after an edit re-reads only the changed tasks', () => {
  it('moves an unchanged task with every field the reader gives it', () => {
    const loaded = loadTaskFile(
      JSON.stringify({ tasks: { g: { k: { name: 'K', status: 'Done', pr_numbers: [3, 4] } } } }),
    );
    const task = loaded.model!.tasks[0];
    const moved = taskMovedTo(task, { offset: 40, length: 2 });
    assert.deepEqual(Object.keys(moved), Object.keys(task));
    assert.deepEqual({ ...moved, range: task.range }, task);
    assert.deepEqual(moved.range, { offset: 40, length: 2 });
  });

  it('and gives what a whole read of the edited text gives, edit after edit', function () {
    this.timeout(600_000);
    let patched = 0;
    let knownEdits = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        quirks,
        fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 4 }),
        (shape, rounds) => {
          runs++;
          let previous = loadTaskFile(plan(shape));
          for (const edits of rounds) {
            const now = new Date(Date.UTC(2026, 0, 2));
            let tracked;
            try {
              tracked = applyEditsTracked(previous.text, edits, now);
            } catch (error) {
              // An edit the file refuses (an id no task has, say) changes nothing, either way.
              const known = knownPlanOf(previous);
              let short;
              try {
                short = known && applyEditsKnown(previous.text, edits, now, known);
              } catch (thrown) {
                assert.equal((thrown as Error).message, (error as Error).message);
              }
              assert.equal(short, undefined);
              continue;
            }
            const known = knownPlanOf(previous);
            const short = known && applyEditsKnown(previous.text, edits, now, known);
            if (short) {
              assert.equal(short.text, tracked.text);
              assert.deepEqual(short.changes, tracked.changes);
              knownEdits++;
            }
            const reloaded = tracked.changes
              ? reloadAfterChanges(previous, tracked.text, tracked.changes)
              : loadTaskFile(tracked.text);
            same(reloaded, loadTaskFile(tracked.text));
            if (reloaded.model!.tasks.some((task, i) => task === previous.model!.tasks[i])) {
              patched++;
            }
            previous = reloaded;
          }
        },
      ),
      { numRuns: 40, seed: 20261130 },
    );
    // Most edits take the short way; the property would hold trivially if none did.
    assert.ok(
      patched >= runs / 3,
      `${patched} edits in ${runs} runs re-read only the changed tasks`,
    );
    assert.ok(
      knownEdits >= runs / 3,
      `${knownEdits} edits in ${runs} runs found their tasks known`,
    );
  });
});
