import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deriveDashboard } from '../../../src/features/dashboard/model';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { fixtureText, viewModelOf, withStatus } from './fixtures';

describe('dashboard view model', () => {
  const text = fixtureText('lukhas');
  const loaded = loadTaskFile(text);
  const model = loaded.model!;
  const view = viewModelOf(text);

  it('counts what the loaded model derives, not the stale stored summary', () => {
    const summary = loaded.summary!;
    assert.equal(view.summary.total, model.tasks.length);
    assert.equal(view.summary.inProgress, summary.byStatus.in_progress);
    assert.equal(view.summary.waiting, summary.byStatus.waiting);
    assert.equal(view.summary.completed, summary.byStatus.completed);
    assert.equal(view.summary.ready, summary.ready);
    assert.equal(view.summary.completionPercentage, summary.completionPercentage);
    assert.equal(view.summary.hoursEstimated, summary.hoursEstimated);
    assert.notEqual(
      view.summary.inProgress,
      model.storedSummary?.inProgress,
      "the fixture's stored summary is stale",
    );
  });

  it('keeps every task in file order with its resolved dependencies and dependents', () => {
    assert.deepEqual(
      view.tasks.map((t) => t.key),
      model.tasks.map((t) => t.key),
    );
    for (const task of view.tasks) {
      const refs = loaded.graph!.dependencies.get(task.key) ?? [];
      assert.deepEqual(
        task.dependencies.map((d) => d.name),
        refs.map((r) => r.name),
      );
      assert.deepEqual(task.dependents, loaded.graph!.dependents.get(task.key) ?? []);
      assert.equal(task.displayStatus === 'ready', loaded.graph!.ready.has(task.key));
    }
  });

  it('marks the critical path and the tasks that wait on unfinished tasks', () => {
    assert.deepEqual(view.criticalPath, loaded.graph!.criticalPath);
    for (const task of view.tasks) {
      assert.equal(task.onCriticalPath, loaded.graph!.criticalPath.includes(task.key));
      const waits = task.dependencies.some(
        (d) => d.taskKey && model.byKey.get(d.taskKey)!.status !== 'completed',
      );
      assert.equal(
        task.inBlockedChain,
        task.status !== 'completed' && (task.status === 'blocked' || waits),
        task.key,
      );
    }
    const waiting = model.tasks.filter((t) => t.status === 'waiting').map((t) => t.key);
    assert.ok(waiting.length > 0);
    for (const key of waiting) {
      assert.ok(view.blockerQueue.includes(key), key);
    }
    assert.deepEqual(
      view.reviewQueue,
      model.tasks.filter((t) => t.criticalReview && t.status !== 'completed').map((t) => t.key),
    );
  });

  it('counts owners of shared tasks for each of them, and priorities once', () => {
    for (const row of view.byOwner) {
      assert.equal(
        row.total,
        model.tasks.filter((t) => t.owners.includes(row.owner)).length,
        row.owner,
      );
    }
    assert.equal(
      view.byPriority.reduce((n, row) => n + row.total, 0),
      model.tasks.length,
    );
  });

  it("shows the file's guardrails, overlaid with run results", () => {
    assert.deepEqual(
      view.guardrails.map((g) => g.key),
      model.guardrails.map((g) => g.key),
    );
    const first = model.guardrails[0];
    const withRun = viewModelOf(text, {
      guardrails: [
        { key: first.key, verdict: 'passed', lastRun: '2025-10-16T06:00:00Z', durationMs: 1200 },
      ],
    });
    const shown = withRun.guardrails.find((g) => g.key === first.key)!;
    assert.equal(shown.verdict, 'passed');
    assert.equal(shown.durationMs, 1200);
    assert.equal(withRun.summary.requiredGuardrailsPassing, first.required ? 1 : 0);
  });

  it('matches pull requests by head branch and worktrees by task, and counts open PRs and CI failures', () => {
    const [a, b] = model.tasks.filter((t) => t.branch);
    const view2 = viewModelOf(text, {
      pullRequests: [
        { number: 7, state: 'open', ci: 'failing', branch: a.branch },
        { number: 8, state: 'merged', ci: 'passing', branch: 'unrelated/branch' },
      ],
      worktrees: [{ path: '/repo-wt', branch: b.branch, taskKey: b.key, dirty: true }],
    });
    assert.deepEqual(view2.tasks.find((t) => t.key === a.key)!.pullRequest, {
      number: 7,
      state: 'open',
      ci: 'failing',
    });
    assert.equal(view2.tasks.find((t) => t.key === b.key)!.worktree?.path, '/repo-wt');
    assert.equal(view2.summary.openPullRequests, 1);
    assert.equal(view2.summary.ciFailures, 1);
    assert.equal(view2.summary.worktrees, 1);
    assert.equal(view.summary.openPullRequests, undefined, 'no PR data means unknown, not zero');
  });

  it('follows a status change: the dependents of a completed task stop waiting on it', () => {
    const blocked = view.tasks.find(
      (t) => t.inBlockedChain && t.dependencies.filter((d) => d.taskKey).length === 1,
    )!;
    const dependency = blocked.dependencies.find((d) => d.taskKey)!.taskKey!;
    const next = viewModelOf(withStatus(text, dependency, 'completed'));
    const after = next.tasks.find((t) => t.key === blocked.key)!;
    assert.equal(after.inBlockedChain, false);
    assert.equal(after.dependencies.find((d) => d.taskKey === dependency)!.done, true);
    assert.equal(next.summary.completed, view.summary.completed + 1);
  });

  it('gives the task detail its acceptance criteria, checklist and several PRs, and leaves them out when empty', () => {
    const batch = viewModelOf(
      readFileSync(
        path.join(__dirname, '..', '..', 'fixtures', 'variants', 'batch-array.json'),
        'utf8',
      ),
    );
    const byKey = new Map(batch.tasks.map((t) => [t.key, t]));
    assert.deepEqual(byKey.get('INV-102')!.acceptance, [
      'pagination: cursor survives a concurrent insert',
      'latency: p95 under 300 ms for 10k rows',
    ]);
    assert.deepEqual(byKey.get('INV-102')!.prNumbers, [451, 452]);
    assert.deepEqual(byKey.get('INV-103')!.checklist, [
      'template reviewed',
      'unsubscribe link present',
    ]);
    assert.ok(!('acceptance' in byKey.get('INV-101')!) && !('prNumbers' in byKey.get('INV-101')!));
  });

  it('gives an empty dashboard, not an error, when no good state was ever read', () => {
    const empty = deriveDashboard({
      folderName: 'f',
      folderUri: 'file:///f',
      loaded: loadTaskFile('{ not json'),
    });
    assert.equal(empty.broken, true);
    assert.ok(empty.problems > 0);
    assert.equal(empty.tasks.length, 0);
    assert.equal(empty.summary.total, 0);
  });
});
