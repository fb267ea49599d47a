// The plan as every branch sees it, Commit Plan Changes and the commit after a status change, in a real VS Code.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import type { CommitPlanResult } from '../../../src/features/plan-merge/commitPlan';
import type { AdoptPlanEditsResult } from '../../../src/features/plan-merge/adoptPlanEdits';
import { waitFor, type CoordinatorApi } from '../support/extension';
import { answerModals } from '../support/modals';
import { coordinator, sessionWithFile, taskNode } from './tasksSupport';

type Testing = CoordinatorApi['testing'];

describe('the plan across branches and plan commits', function () {
  this.timeout(120_000);
  let testing: Testing;
  let session: FolderSession;
  const root = () => session.folder.uri.fsPath;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root(),
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
  });

  const row = (key: string) => testing.tasks.provider.getTreeItem(taskNode(testing, key));

  it('marks task rows that are further along on a branch, in the description and the tooltip', async () => {
    await waitFor(
      () => String(row('task1_shadow_diff').description ?? '').includes('on feat/x'),
      'the branches view reaches the tree',
      30_000,
    );
    assert.match(
      String(row('task1_shadow_diff').description),
      /⎇ completed on feat\/x, not merged$/,
    );
    assert.match(
      String(row('task3_streaming_rl').description),
      /⎇ in progress on feat\/z, a branch nobody has checked out$/,
    );
    assert.doesNotMatch(String(row('task2_golden_tokens').description ?? ''), /⎇/);
    const tooltip = row('task1_shadow_diff').tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.match(tooltip.value, /\*\*On other branches\*\*/);

    const extras = await testing.dashboard.dataSources.collect(session.folder);
    assert.deepEqual(extras.branchPlans?.map((p) => `${p.taskKey}: ${p.summary}`).sort(), [
      'task1_shadow_diff: completed on feat/x, not merged',
      'task3_streaming_rl: in progress on feat/z, a branch nobody has checked out',
    ]);
  });

  it('drops the mark once the plan has caught up', async () => {
    await session.apply({
      kind: 'setStatus',
      taskKey: 'task3_streaming_rl',
      status: 'in_progress',
    });
    await waitFor(
      () => !String(row('task3_streaming_rl').description ?? '').includes('⎇'),
      'the mark goes once main has the status',
      30_000,
    );
  });

  it('Commit Plan Changes commits the task file alone and keeps what the user staged', async () => {
    fs.appendFileSync(path.join(root(), 'README.md'), 'staged by the user\n');
    git('add', 'README.md');
    const head = git('rev-parse', 'HEAD').trim();
    const result = await vscode.commands.executeCommand<CommitPlanResult>(
      'coordinator.commitPlan',
      session,
    );
    assert.equal(result?.kind, 'committed');
    assert.equal(git('rev-parse', 'HEAD~1').trim(), head);
    assert.equal(git('show', '--name-only', '--format=', 'HEAD'), 'docs/plans/task_status.json\n');
    assert.match(
      git('log', '-1', '--format=%B'),
      /- task3_streaming_rl: status not_started → in_progress/,
    );
    assert.equal(git('diff', '--cached', '--name-only'), 'README.md\n');
    assert.equal(git('status', '--porcelain', '--', 'docs/plans/task_status.json'), '');
  });

  it('commits after a status change on the coordinator branch when the setting says so', async () => {
    const settings = () => vscode.workspace.getConfiguration('coordinator', session.folder.uri);
    await settings().update('plan.coordinatorBranch', 'main', vscode.ConfigurationTarget.Global);
    await settings().update('plan.commitOnStatusChange', true, vscode.ConfigurationTarget.Global);
    try {
      const head = git('rev-parse', 'HEAD').trim();
      await session.apply({ kind: 'setStatus', taskKey: 'task4_backoff_hints', status: 'blocked' });
      await waitFor(
        () => git('rev-parse', 'HEAD').trim() !== head,
        'a commit follows the status change',
        30_000,
      );
      assert.match(
        git('log', '-1', '--format=%B'),
        /- task4_backoff_hints: status not_started → blocked/,
      );
      assert.equal(git('diff', '--cached', '--name-only'), 'README.md\n', 'still staged');

      // A change that is not a status change commits nothing.
      const after = git('rev-parse', 'HEAD').trim();
      await session.apply({
        kind: 'appendNote',
        taskKey: 'task4_backoff_hints',
        text: 'a note only',
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(git('rev-parse', 'HEAD').trim(), after);
    } finally {
      await settings().update(
        'plan.commitOnStatusChange',
        undefined,
        vscode.ConfigurationTarget.Global,
      );
      await settings().update(
        'plan.coordinatorBranch',
        undefined,
        vscode.ConfigurationTarget.Global,
      );
    }
  });

  it("moves a branch's plan edits onto the plan after asking, and the mark goes", async () => {
    const modals = answerModals((buttons) => buttons[0]);
    let result: AdoptPlanEditsResult | undefined;
    try {
      result = await vscode.commands.executeCommand<AdoptPlanEditsResult>(
        'coordinator.adoptPlanEdits',
        { session, branch: 'feat/x' },
      );
    } finally {
      modals.restore();
    }
    assert.equal(modals.asked.length, 1);
    assert.match(
      modals.asked[0]!.message,
      /^Move feat\/x's plan edits onto docs\/plans\/task_status\.json\?$/,
    );
    assert.equal(result?.kind, 'adopted');
    assert.deepEqual(result.kind === 'adopted' && result.changes.map((c) => c.taskKey), [
      'task1_shadow_diff',
    ]);
    assert.equal(
      git('diff', '--name-only', 'main...feat/x'),
      '',
      'feat/x no longer changes the plan',
    );
    await waitFor(
      () => !String(row('task1_shadow_diff').description ?? '').includes('⎇'),
      'the mark goes once the branch carries no plan edits',
      30_000,
    );
  });
});
