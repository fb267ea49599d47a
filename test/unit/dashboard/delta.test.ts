import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  applyDashboardDelta,
  diffDashboard,
  isEmptyDelta,
} from '../../../src/features/dashboard/model';
import { TASK_STATUSES } from '../../../src/kernel/model/types';
import { fixtureText, viewModelOf, withStatus } from './fixtures';

describe('dashboard deltas', () => {
  const text = fixtureText('lukhas');
  const base = viewModelOf(text);

  it('is empty between equal models', () => {
    assert.ok(isEmptyDelta(diffDashboard(base, viewModelOf(text))));
  });

  it('sends only the tasks a status change touches, and the summary', () => {
    const task = base.tasks.find((t) => t.dependents.length > 0)!;
    const next = viewModelOf(withStatus(text, task.key, 'completed'));
    const delta = diffDashboard(base, next);
    const touched = new Set([task.key, ...task.dependents]);
    assert.ok(delta.changed.some((t) => t.key === task.key));
    for (const changed of delta.changed) {
      assert.ok(touched.has(changed.key), `${changed.key} did not change`);
    }
    assert.deepEqual(delta.removed, []);
    assert.equal(delta.order, undefined);
    assert.ok(delta.sections.summary);
    assert.equal(delta.sections.guardrails, undefined);
    assert.deepEqual(applyDashboardDelta(base, delta), next);
  });

  it('applying the diff of any two models gives the second (statuses changed, tasks removed, reordered)', () => {
    const keys = base.tasks.map((t) => t.key);
    const variant = fc.record({
      statuses: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...TASK_STATUSES)),
      drop: fc.subarray(keys, { maxLength: 4 }),
      reverse: fc.boolean(),
    });
    fc.assert(
      fc.property(variant, variant, (a, b) => {
        const make = (v: typeof a) => {
          let changed = text;
          for (const [key, status] of Object.entries(v.statuses)) {
            changed = withStatus(changed, key, status);
          }
          const model = viewModelOf(changed);
          const tasks = model.tasks.filter((t) => !v.drop.includes(t.key));
          return { ...model, tasks: v.reverse ? tasks.reverse() : tasks };
        };
        const from = make(a);
        const to = make(b);
        assert.deepEqual(
          JSON.parse(JSON.stringify(applyDashboardDelta(from, diffDashboard(from, to)))),
          JSON.parse(JSON.stringify(to)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('removes a section that went away, even after the delta travelled as JSON', () => {
    const withGitHub = {
      ...base,
      github: { fetchedAt: '2026-11-22T01:00:00Z' },
      taskFile: 'docs/plans/task_status.json',
    };
    const { github: _github, taskFile: _taskFile, ...without } = withGitHub;
    const delta = JSON.parse(JSON.stringify(diffDashboard(withGitHub, without))) as ReturnType<
      typeof diffDashboard
    >;
    assert.deepEqual(delta.sections, { github: null, taskFile: null });
    const applied = applyDashboardDelta(withGitHub, delta);
    assert.equal('github' in applied, false);
    assert.equal('taskFile' in applied, false);
    assert.deepEqual(applied, without);
  });
});
