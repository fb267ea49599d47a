import assert from 'node:assert/strict';
import type { BranchRef } from '../../../src/kernel/git/branchRefs';
import { parseBranchRefs } from '../../../src/kernel/git/branchRefs';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { TaskModel } from '../../../src/kernel/model/types';
import { branchDrift, driftLine } from '../../../src/features/plan-merge/model/branchDrift';
import { planChanges, planCommitMessage } from '../../../src/features/plan-merge/model/planChanges';
import { fixtureText, viewModelOf } from '../dashboard/fixtures';

const PLAN = fixtureText('lukhas');
const modelOf = (text: string): TaskModel => loadTaskFile(text).model!;
const edited = (edits: TaskEdit[]) => applyEdits(PLAN, edits, new Date('2025-11-01T00:00:00Z'));
const branch = (name: string, extra: Partial<BranchRef> = {}): BranchRef => ({
  ref: `refs/heads/${name}`,
  name,
  remote: false,
  ...extra,
});

describe('the plan across branches (pure parts)', () => {
  it('reports only what a branch has further along, in words', () => {
    const canonical = modelOf(
      edited([{ kind: 'setStatus', taskKey: 'task4_backoff_hints', status: 'in_progress' }]),
    );
    const ahead = modelOf(
      edited([
        { kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'completed' },
        { kind: 'setProgress', taskKey: 'task2_golden_tokens', completedSteps: 3, totalSteps: 6 },
      ]),
    );
    const drift = branchDrift(canonical, [
      { branch: branch('feat/x', { worktreePath: '/w/x' }), model: ahead },
      { branch: branch('old'), model: modelOf(PLAN) },
      { branch: branch('origin/feat/y', { remote: true }), model: undefined },
    ]);
    assert.deepEqual(
      [...drift.byTask].map(([key, list]) => [key, list.map((t) => t.summary)]),
      [
        ['task1_shadow_diff', ['completed on feat/x, not merged']],
        ['task2_golden_tokens', ['3/6 steps on feat/x']],
      ],
    );
    assert.equal(drift.branchesRead, 3);
    assert.equal(drift.byTask.has('task4_backoff_hints'), false, 'a branch behind says nothing');
  });

  it('says one line for a row, naming how many more branches', () => {
    const drift = branchDrift(modelOf(PLAN), [
      {
        branch: branch('a'),
        model: modelOf(
          edited([{ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'in_progress' }]),
        ),
      },
      {
        branch: branch('origin/b', { remote: true }),
        model: modelOf(
          edited([{ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'blocked' }]),
        ),
      },
    ]);
    assert.equal(
      driftLine(drift.byTask.get('task1_shadow_diff')!),
      'in progress on a, a branch nobody has checked out; +1 branch',
    );
  });

  it('parses for-each-ref output, leaving symbolic refs out', () => {
    const output = [
      'refs/heads/main\0main\0\0/repo',
      'refs/heads/feat/x\0feat/x\0\0',
      'refs/remotes/origin/HEAD\0origin/HEAD\0refs/remotes/origin/main\0',
      'refs/remotes/origin/main\0origin/main\0\0',
      '',
    ].join('\n');
    assert.deepEqual(parseBranchRefs(output), [
      { ref: 'refs/heads/main', name: 'main', remote: false, worktreePath: '/repo' },
      { ref: 'refs/heads/feat/x', name: 'feat/x', remote: false },
      { ref: 'refs/remotes/origin/main', name: 'origin/main', remote: true },
    ]);
  });

  it('lists task changes for a commit message, added and removed tasks included', () => {
    const after = JSON.parse(
      edited([{ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'blocked' }]),
    ) as { tasks: Record<string, Record<string, unknown>> };
    delete after.tasks.hygiene!.safe_autofix;
    after.tasks.hygiene!.new_one = { id: 'new', name: 'New', status: 'not_started' };
    const changes = planChanges(modelOf(PLAN), modelOf(JSON.stringify(after)));
    assert.equal(
      planCommitMessage(changes),
      [
        'Plan: task1_shadow_diff, new_one, safe_autofix',
        '',
        '- task1_shadow_diff: status not_started → blocked',
        '- new_one: added as not_started',
        '- safe_autofix: removed',
        '',
      ].join('\n'),
    );
    assert.equal(planCommitMessage([], 'By hand'), 'By hand\n');
  });

  it('carries the branch marks into the dashboard tasks', () => {
    const view = viewModelOf(PLAN, {
      branchPlans: [{ taskKey: 'task1_shadow_diff', summary: 'completed on feat/x, not merged' }],
    });
    assert.deepEqual(view.tasks.find((t) => t.key === 'task1_shadow_diff')?.onBranches, [
      'completed on feat/x, not merged',
    ]);
    assert.equal(view.tasks.find((t) => t.key === 'task2_golden_tokens')?.onBranches, undefined);
  });
});
