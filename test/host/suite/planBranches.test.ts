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

  /** Commits, on a new branch from main (checked out nowhere afterwards), a note on task5 in its plan. */
  const branchWithPlanNote = (branch: string, note: string) => {
    const where = fs.mkdtempSync(path.join(path.dirname(root()), 'offer-'));
    git('worktree', 'add', '-q', '-b', branch, where, 'main');
    const file = path.join(where, 'docs/plans/task_status.json');
    const plan = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      tasks: Record<string, Record<string, { notes?: string[] }>>;
    };
    const task = Object.values(plan.tasks).find(
      (group) => group.task5_soak_sentinel,
    )!.task5_soak_sentinel;
    task.notes = [...(task.notes ?? []), note];
    fs.writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
    fs.writeFileSync(path.join(where, `${branch.replace('/', '-')}.txt`), 'code\n');
    git('-C', where, 'add', '-A');
    git('-C', where, 'commit', '-q', '-m', `${branch}: work and a plan note`);
    git('worktree', 'remove', where);
  };

  /** Answers the offer notifications (never modal) with `answer(branch)`; others go through. */
  const answerOffers = (answer: (message: string) => string | undefined) => {
    const window = vscode.window as unknown as Record<
      'showInformationMessage',
      (...args: unknown[]) => Thenable<unknown>
    >;
    const original = window.showInformationMessage;
    const asked: { message: string; buttons: string[] }[] = [];
    window.showInformationMessage = (message: unknown, ...rest: unknown[]) => {
      const buttons = rest.filter((item): item is string => typeof item === 'string');
      if (!buttons.includes('Move plan edits to the main plan')) {
        return original(message, ...rest);
      }
      asked.push({ message: String(message), buttons });
      return Promise.resolve(answer(String(message)));
    };
    return { asked, restore: () => (window.showInformationMessage = original) };
  };

  it('offers, once, to move the plan edits a task branch carries, and the move drops them from it', async () => {
    // feat/offered: first the diff, then the move; feat/declined: not now.
    let diffShown = false;
    const offers = answerOffers((message) => {
      if (!message.startsWith('feat/offered ')) {
        return 'Not now';
      }
      if (!diffShown) {
        diffShown = true;
        return 'Show diff';
      }
      return 'Move plan edits to the main plan';
    });
    try {
      branchWithPlanNote('feat/offered', 'noted on feat/offered');
      branchWithPlanNote('feat/declined', 'noted on feat/declined');
      // The branches view reads the new branches (its ref watcher would too) and the offer follows.
      await testing.planBranches.branches.refresh(session);
      await testing.planBranches.editsOffer.check(session);
      await waitFor(() => offers.asked.length >= 3, 'both branches are offered', 30_000);
      const offered =
        'feat/offered carries plan edits (task5_soak_sentinel). Move them onto the main plan before its pull request merges?';
      assert.deepEqual(
        offers.asked.map((asked) => asked.message).sort(),
        [
          'feat/declined carries plan edits (task5_soak_sentinel). Move them onto the main plan before its pull request merges?',
          offered,
          offered,
        ],
        'feat/offered is asked again after its diff',
      );
      const diff = vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .map((tab) => tab.input)
        .find(
          (input): input is vscode.TabInputTextDiff =>
            input instanceof vscode.TabInputTextDiff &&
            input.modified.path.startsWith('/feat/offered/'),
        );
      assert.ok(diff, 'a diff editor of the branch plan is open');
      const [before, after] = await Promise.all(
        [diff.original, diff.modified].map((uri) => vscode.workspace.openTextDocument(uri)),
      );
      assert.ok(after.getText().includes('noted on feat/offered'));
      assert.ok(!before.getText().includes('noted on feat/offered'));
      assert.deepEqual(offers.asked[0]!.buttons, [
        'Move plan edits to the main plan',
        'Show diff',
        'Not now',
      ]);
      await waitFor(
        () => git('diff', '--name-only', 'main...feat/offered') === 'feat-offered.txt\n',
        'feat/offered no longer changes the plan',
        30_000,
      );
      assert.ok(
        fs
          .readFileSync(path.join(root(), 'docs/plans/task_status.json'), 'utf8')
          .includes('noted on feat/offered'),
        'the note is in the main plan',
      );
      assert.match(git('diff', '--name-only', 'main...feat/declined'), /task_status\.json/);

      // Neither is asked again: one moved its edits, the other was answered "Not now".
      await testing.planBranches.editsOffer.check(session);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(offers.asked.length, 3);
    } finally {
      offers.restore();
    }
  });
});
