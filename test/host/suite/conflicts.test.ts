// The conflict radar in a real VS Code: task rows whose branches would conflict say so.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor, type CoordinatorApi } from '../support/extension';
import { answerModals } from '../support/modals';
import { coordinator, readRaw, sessionWithFile, taskNode } from './tasksSupport';

type Testing = CoordinatorApi['testing'];
type ShowMessage = (...args: unknown[]) => Thenable<unknown>;

describe('conflict radar in the Tasks view', function () {
  this.timeout(60_000);
  let testing: Testing;

  before(async () => {
    testing = await coordinator();
    await sessionWithFile(testing);
  });

  const row = (key: string) => testing.tasks.provider.getTreeItem(taskNode(testing, key));

  it('marks the two tasks whose branches change the same line, naming each other and the file', async () => {
    await waitFor(
      () => String(row('task_left').description ?? '').includes('conflicts with'),
      'the forecast reaches the tree',
    );
    assert.match(String(row('task_left').description), /⚠ conflicts with task_right$/);
    assert.match(String(row('task_right').description), /⚠ conflicts with task_left$/);
    const tooltip = row('task_left').tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.match(tooltip.value, /Merge conflict forecast/);
    // appendText escapes Markdown and keeps spaces with &nbsp;.
    const text = tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(text, /^- task_right: shared\.txt \(1 hunk\)$/m);
    assert.doesNotMatch(String(row('task_apart').description ?? ''), /conflicts/);
  });

  it('marks worktree rows the same way: by their task, or by their branch with its uncommitted work', async () => {
    const provider = testing.worktrees.provider;
    const rowOf = async (branch: string) => {
      const node = (await provider.worktreeNodes()).find((n) => n.info.branch === branch);
      assert.ok(node, `a worktree row for ${branch}`);
      return provider.getTreeItem(node);
    };
    await waitFor(
      async () => String((await rowOf('spike/two')).description ?? '').includes('conflicts with'),
      'the forecast reaches the worktree rows',
      30_000,
    );
    const tooltipText = (item: vscode.TreeItem) => {
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
      return item.tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    };
    const left = await rowOf('feat/left');
    assert.match(String(left.description), /⚠ conflicts with task_right$/);
    assert.match(
      tooltipText(left),
      /\*\*Merge conflict forecast\*\*\n\n- task_right: shared\.txt \(1 hunk\)$/,
    );
    const two = await rowOf('spike/two');
    assert.match(String(two.description), /⚠ conflicts with spike\/one$/);
    assert.match(tooltipText(two), /^- spike\/one: third\.txt \(1 hunk\)$/m);
    assert.match(String((await rowOf('spike/one')).description), /⚠ conflicts with spike\/two$/);
    assert.doesNotMatch(String((await rowOf('main')).description ?? ''), /conflicts/);
  });

  it('feeds the dashboard the conflict matrix, with the files of each pair', async () => {
    const session = await sessionWithFile(testing);
    const extras = await testing.dashboard.dataSources.collect(session.folder);
    const matrix = extras.conflicts;
    assert.ok(matrix, 'the radar is a dashboard data source');
    assert.deepEqual(matrix.labels, ['task_left', 'task_right', 'spike/one', 'spike/two']);
    assert.deepEqual(
      matrix.cells
        .map((cell) => [cell.a, cell.b, cell.status, cell.files.map((f) => f.path)])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      [
        ['spike/one', 'spike/two', 'conflict', ['third.txt']],
        ['task_left', 'task_right', 'conflict', ['shared.txt']],
      ],
    );
  });

  it('updates the worktree marks without a refresh when a worktree file changes outside the editor', async () => {
    const session = await sessionWithFile(testing);
    const file = path.join(path.dirname(session.folder.uri.fsPath), 'Radar-two', 'third.txt');
    const conflicting = fs.readFileSync(file, 'utf8');
    const described = async () => {
      const node = (await testing.worktrees.provider.worktreeNodes()).find(
        (n) => n.info.branch === 'spike/two',
      );
      assert.ok(node);
      return String(testing.worktrees.provider.getTreeItem(node).description ?? '');
    };
    // An agent undoes its edit, in place and outside the editor.
    fs.writeFileSync(file, conflicting.replace('two two', 'line 2'));
    try {
      await waitFor(
        async () => !(await described()).includes('conflicts with'),
        'the mark goes when the worktree no longer conflicts',
        30_000,
      );
    } finally {
      fs.writeFileSync(file, conflicting);
    }
    await waitFor(
      async () => (await described()).includes('conflicts with spike/one'),
      'the mark comes back with the edit',
      30_000,
    );
  });

  it('offers another task first when the task to start collides only with work in progress', async () => {
    const session = await sessionWithFile(testing);
    const modals = answerModals();
    try {
      const outcome = await vscode.commands.executeCommand('coordinator.startTaskInWorktree', {
        taskKey: 'task_next',
        folder: session.folder.uri.toString(),
      });
      assert.equal(outcome, undefined);
    } finally {
      modals.restore();
    }
    assert.equal(modals.asked.length, 1, JSON.stringify(modals.asked));
    assert.match(
      modals.asked[0]?.message ?? '',
      /^Cannot start task_next \("next"\): claims the same files as task_left \(in progress\): shared\.txt; claims files changed by task_left \(in progress\): shared\.txt; claims files changed by task_right \(in progress\): shared\.txt\.$/,
    );
    assert.deepEqual(modals.asked[0]?.buttons, ['Pick Another Task', 'Start Anyway', 'Wait']);
    assert.match(
      modals.asked[0]?.detail ?? '',
      /Wait starts nothing: it records that the task waits for task_left, task_right and tells you when they finish\.$/,
    );
  });

  it('takes the marks away when coordinator.conflicts.forecast is turned off', async () => {
    const settings = () => vscode.workspace.getConfiguration('coordinator');
    await settings().update('conflicts.forecast', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        () => !String(row('task_left').description ?? '').includes('conflicts with'),
        'the marks go when the forecast is off',
      );
    } finally {
      await settings().update('conflicts.forecast', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      () => String(row('task_left').description ?? '').includes('conflicts with'),
      'the marks come back when it is on again',
    );
  });

  it('Wait records a soft dependency instead of starting, and when both tasks finish a notice with Start starts it', async function () {
    this.timeout(120_000);
    const session = await sessionWithFile(testing);
    const file = session.taskFile;
    assert.ok(file);
    const waitsFor = () =>
      (readRaw(file).tasks.work?.task_next as { waits_for?: string[] } | undefined)?.waits_for;
    const status = () => readRaw(file).tasks.work?.task_next?.status;
    const told: string[] = [];
    const window = vscode.window as { showInformationMessage: ShowMessage };
    const original = window.showInformationMessage;
    window.showInformationMessage = (message: unknown, ...items: unknown[]) => {
      told.push(String(message));
      if (/was waiting for them\.$/.test(String(message)) && items.includes('Start')) {
        return Promise.resolve('Start');
      }
      return original(message, ...items);
    };
    const modals = answerModals((buttons) => (buttons.includes('Wait') ? 'Wait' : undefined));
    try {
      const outcome = await vscode.commands.executeCommand('coordinator.startTaskInWorktree', {
        taskKey: 'task_next',
        folder: session.folder.uri.toString(),
      });
      assert.equal(outcome, undefined, 'a start that waits starts nothing');
      assert.equal(modals.asked.length, 1);
      assert.deepEqual(waitsFor(), ['task_left', 'task_right']);
      assert.equal(status(), 'not_started');
      assert.ok(
        told.includes(
          'task_next ("next") was not started: it waits for task_left, task_right to finish (recorded in waits_for). You will be told when they finish.',
        ),
        JSON.stringify(told),
      );
      await session.apply({ kind: 'setStatus', taskKey: 'task_left', status: 'completed' });
      await waitFor(
        () => session.state?.model?.byKey.get('task_left')?.status === 'completed',
        'the editor reads the first completion',
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.ok(
        !told.some((line) => line.includes('finished')),
        `one of the two finished is no notice: ${JSON.stringify(told)}`,
      );
      await session.apply({ kind: 'setStatus', taskKey: 'task_right', status: 'completed' });
      await waitFor(
        () => told.some((line) => line.includes('was waiting for them')),
        'the notice once both have finished',
        30_000,
      );
      assert.ok(
        told.includes(
          'task_left, task_right have finished: task_next ("next") was waiting for them.',
        ),
        JSON.stringify(told),
      );
      const remembered = () =>
        testing.services.context.workspaceState.get<string[]>('coordinator.conflicts.waitsTold');
      assert.deepEqual(
        remembered(),
        [`${session.folder.uri.toString()}#task_next#task_left,task_right`],
        'the notice is remembered, so a reload does not tell it again',
      );
      const waitOverQueued = () =>
        testing.attention.queue.items.some(
          (entry) => entry.item.kind === 'waitOver' && entry.item.taskKey === 'task_next',
        );
      await waitFor(
        waitOverQueued,
        'the attention queue lists the task that can start now',
        30_000,
      );
      await waitFor(
        () => status() === 'in_progress' && waitsFor() === undefined,
        'Start on the notice starts the task and clears waits_for',
        60_000,
      );
      assert.equal(modals.asked.length, 1, 'the second start collides with nothing');
      await waitFor(
        () => remembered()?.length === 0,
        'a wait that ended is forgotten, so waiting again is told again',
        30_000,
      );
      await waitFor(() => !waitOverQueued(), 'a started task leaves the queue', 30_000);
    } finally {
      modals.restore();
      window.showInformationMessage = original;
    }
  });
});
