import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../src/kernel/edits/apply';
import { isTaskEditError } from '../../../src/kernel/edits/errors';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { TASK_STATUSES } from '../../../src/kernel/model/types';
import { fixture } from './helpers';

const real = fixture('lukhas', 'task_status.json');
const now = new Date('2026-03-04T05:06:07.890Z');

/** Lines of `after` that are not in `before` (a cheap line diff for "minimal edit" checks). */
function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
}

describe('applyEdits', () => {
  it('changes only the edited value, last_updated and the stored summary', () => {
    const after = applyEdits(
      real,
      [{ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'in_progress' }],
      now,
    );
    const loaded = loadTaskFile(after);
    assert.equal(loaded.model!.byKey.get('task1_shadow_diff')!.status, 'in_progress');
    assert.equal(loaded.model!.lastUpdated, '2026-03-04T05:06:07Z');
    assert.equal(loaded.diagnostics.filter((d) => d.code === 'summary-drift').length, 0);
    const derived = loaded.summary!;
    const stored = (JSON.parse(after) as { summary: Record<string, number> }).summary;
    assert.equal(stored.in_progress, derived.byStatus.in_progress);
    assert.equal(stored.total_tasks, derived.total);
    assert.deepEqual(
      Object.keys(stored),
      Object.keys((JSON.parse(real) as { summary: object }).summary),
    );
    for (const line of changedLines(real, after)) {
      assert.match(
        line,
        /"(status|last_updated|total_tasks|in_progress|not_started|completed|completion_percentage)"/,
      );
    }
    assert.equal(after.split('\n').length, real.split('\n').length);
  });

  it('leaves the summary alone when the file has none', () => {
    const text = fixture('variants', 'flat-map.json');
    const after = applyEdits(
      text,
      [{ kind: 'setStatus', taskKey: 'docs_snippets', status: 'completed' }],
      now,
    );
    assert.equal((JSON.parse(after) as { summary?: unknown }).summary, undefined);
    assert.equal(loadTaskFile(after).model!.byKey.get('docs_snippets')!.status, 'completed');
  });

  it('adds a missing last_updated as the first member, written like the file, touching nothing else', () => {
    const stamp = '"last_updated": "2026-01-02T03:04:05Z"';
    const cases: [string, string][] = [
      [
        '{"tasks": {"a": {"status": "todo"}}}\n',
        `{${stamp}, "tasks": {"a": {"status": "completed"}}}\n`,
      ],
      [
        '{"tasks":{"a":{"status":"todo"}}}',
        `{${stamp.replace(': ', ':')},"tasks":{"a":{"status":"completed"}}}`,
      ],
      [
        '{\n\t"tasks" : {\n\t\t"a": {"status": "todo"}\n\t}\n}\n',
        `{\n\t${stamp.replace(':', ' :')},\n\t"tasks" : {\n\t\t"a": {"status": "completed"}\n\t}\n}\n`,
      ],
    ];
    for (const [text, expected] of cases) {
      const after = applyEdits(
        text,
        [{ kind: 'setStatus', taskKey: 'a', status: 'completed' }],
        new Date('2026-01-02T03:04:05Z'),
      );
      assert.equal(after, expected);
    }
  });

  it('writes a status in the spelling style the file uses', () => {
    const text = fixture('variants', 'seeds-style.json');
    const after = applyEdits(
      text,
      [{ kind: 'setStatus', taskKey: 'cc1', status: 'in_progress' }],
      now,
    );
    assert.ok(after.includes('"status": "IN PROGRESS"'));
    const arrayText = fixture('variants', 'flat-array.json');
    const arrayAfter = applyEdits(
      arrayText,
      [{ kind: 'setStatus', taskKey: 'P2', status: 'completed' }],
      now,
    );
    assert.ok(arrayAfter.includes('"status": "Completed"'));
    assert.equal(loadTaskFile(arrayAfter).model!.byKey.get('P2')!.status, 'completed');
  });

  it('sets progress, branch, PR, owner, blockers and notes, keeping unknown fields and indentation', () => {
    const edits: TaskEdit[] = [
      { kind: 'setProgress', taskKey: 'cc2_dashboard', completedSteps: 4 },
      { kind: 'setBranch', taskKey: 'cc3_circuit_review', branch: 'chore/claude/review-breaker' },
      { kind: 'setPrNumber', taskKey: 'cc1_guardrails', prNumber: 410 },
      { kind: 'setOwner', taskKey: 'task4_backoff_hints', owner: 'Codex + Claude Code' },
      { kind: 'appendBlocker', taskKey: 'task1_shadow_diff', text: 'needs staging access' },
      { kind: 'removeBlocker', taskKey: 'cc5_openapi_validation', text: 'waiting_for_task3' },
      { kind: 'appendNote', taskKey: 'taskA_idempotency', text: 'redis 7 only' },
      {
        kind: 'setTaskField',
        taskKey: 'e402_batch1',
        field: 'worktree_path',
        value: '../Lukhas-codex-e402',
      },
      {
        kind: 'setGuardrailResult',
        guardrailKey: 'state_sweep',
        status: 'passed',
        lastRun: '2026-03-04T05:06:07Z',
        durationMs: 1234,
      },
    ];
    const after = applyEdits(real, edits, now);
    const model = loadTaskFile(after).model!;
    assert.deepEqual(model.byKey.get('cc2_dashboard')!.progress, {
      totalSteps: 5,
      completedSteps: 4,
      percentage: 80,
    });
    assert.equal(model.byKey.get('cc3_circuit_review')!.branch, 'chore/claude/review-breaker');
    assert.equal(model.byKey.get('cc1_guardrails')!.prNumber, 410);
    assert.deepEqual(model.byKey.get('task4_backoff_hints')!.owners, ['Codex', 'Claude Code']);
    assert.deepEqual(model.byKey.get('task1_shadow_diff')!.blockers, ['needs staging access']);
    assert.deepEqual(model.byKey.get('cc5_openapi_validation')!.blockers, [
      'waiting_for_task1',
      'waiting_for_task4',
    ]);
    assert.deepEqual(model.byKey.get('taskA_idempotency')!.notes, ['redis 7 only']);
    assert.equal(model.byKey.get('e402_batch1')!.raw.files_count, 20);
    assert.equal(model.byKey.get('e402_batch1')!.worktreePath, '../Lukhas-codex-e402');
    const guardrail = model.guardrails.find((g) => g.key === 'state_sweep')!;
    assert.deepEqual([guardrail.status, guardrail.durationMs], ['passed', 1234]);
    assert.ok(
      after.includes('\n        "pr_number": 410\n'),
      'inserted with the file’s indentation',
    );
    assert.deepEqual(
      Object.keys(JSON.parse(after) as object),
      Object.keys(JSON.parse(real) as object),
    );
  });

  it('finds tasks by id and refuses unknown tasks, guardrails, bad values and broken text', () => {
    const byId = applyEdits(real, [{ kind: 'setStatus', taskKey: 'cc4', status: 'blocked' }], now);
    assert.equal(loadTaskFile(byId).model!.byKey.get('cc4_guardian_review')!.status, 'blocked');
    const refuses = (text: string, edit: TaskEdit, reason: string) =>
      assert.throws(
        () => applyEdits(text, [edit], now),
        (e: unknown) => isTaskEditError(e) && e.reason === reason,
      );
    refuses(real, { kind: 'setStatus', taskKey: 'nope', status: 'completed' }, 'unknownTask');
    refuses(
      real,
      {
        kind: 'setGuardrailResult',
        guardrailKey: 'nope',
        status: 'x',
        lastRun: 'y',
        durationMs: 1,
      },
      'unknownGuardrail',
    );
    refuses(
      real,
      { kind: 'setProgress', taskKey: 'cc2_dashboard', completedSteps: 9 },
      'invalidValue',
    );
    refuses(real, { kind: 'setPrNumber', taskKey: 'cc2_dashboard', prNumber: -3 }, 'invalidValue');
    refuses(
      real.slice(0, real.length / 2),
      { kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'completed' },
      'unparseable',
    );
    // A field written twice: the edit would change the first, while every reader sees the last.
    const twice = real.replace('"id": "cc2",', '"id": "cc2", "status": "completed",');
    refuses(
      twice,
      { kind: 'setStatus', taskKey: 'cc2_dashboard', status: 'blocked' },
      'duplicateField',
    );
    assert.equal(
      loadTaskFile(
        applyEdits(twice, [{ kind: 'setOwner', taskKey: 'cc2_dashboard', owner: 'Codex' }], now),
      ).model!.byKey.get('cc2_dashboard')!.owner,
      'Codex',
      'other fields of that task still change',
    );
  });

  it('round-trips every generated edit: the re-read model shows it and nothing else changes', () => {
    const base = loadTaskFile(real).model!;
    const keys = base.tasks.map((t) => t.key);
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('setStatus' as const),
        taskKey: fc.constantFrom(...keys),
        status: fc.constantFrom(...TASK_STATUSES),
      }),
      fc.record({
        kind: fc.constant('setProgress' as const),
        taskKey: fc.constantFrom(...keys),
        completedSteps: fc.nat(3),
        totalSteps: fc.integer({ min: 3, max: 9 }),
      }),
      fc.record({
        kind: fc.constant('setPrNumber' as const),
        taskKey: fc.constantFrom(...keys),
        prNumber: fc.option(fc.integer({ min: 1, max: 99999 }), { nil: null }),
      }),
      fc.record({
        kind: fc.constant('setBranch' as const),
        taskKey: fc.constantFrom(...keys),
        branch: fc.option(fc.string(), { nil: null }),
      }),
      fc.record({
        kind: fc.constant('setOwner' as const),
        taskKey: fc.constantFrom(...keys),
        owner: fc.string(),
      }),
      fc.record({
        kind: fc.constant('appendNote' as const),
        taskKey: fc.constantFrom(...keys),
        text: fc.string(),
      }),
    );
    fc.assert(
      fc.property(edit, (e) => {
        const after = applyEdits(real, [e], now);
        const loaded = loadTaskFile(after);
        assert.equal(loaded.broken, false);
        const task = loaded.model!.byKey.get(e.taskKey)!;
        switch (e.kind) {
          case 'setStatus':
            assert.equal(task.status, e.status);
            break;
          case 'setProgress':
            assert.deepEqual(
              [task.progress!.completedSteps, task.progress!.totalSteps],
              [e.completedSteps, e.totalSteps],
            );
            break;
          case 'setPrNumber':
            assert.equal(task.prNumber, e.prNumber ?? undefined);
            break;
          case 'setBranch':
            assert.equal(task.raw.branch, e.branch);
            break;
          case 'setOwner':
            assert.equal(task.raw.owner, e.owner);
            break;
          case 'appendNote':
            assert.deepEqual(task.notes, [e.text]);
            break;
        }
        for (const other of base.tasks) {
          if (other.key !== e.taskKey) {
            assert.deepEqual(loaded.model!.byKey.get(other.key)!.raw, other.raw);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
