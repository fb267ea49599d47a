// Guardrails in a real VS Code, trusted workspace: run all, output channel, recording, run log,
// status bar, cancel of a process tree, the task provider, and the completion gate.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GuardrailRunOutcome } from '../../../src/features/guardrails/vscode/guardrailController';
import type { GuardrailsFeature } from '../../../src/features/guardrails/vscode/registerGuardrails';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import { waitFor } from '../support/extension';
import { answerModals } from '../support/modals';
import {
  GUARDRAIL_KEYS,
  guardrailOutputText,
  markerPath,
  rawGuardrails,
  recordPrompts,
  themeColorId,
  type RecordedPrompts,
} from './guardrailsSupport';
import { coordinator, sessionWithFile } from './tasksSupport';

const DEFINITIONS = 'guardrails.definitions';

describe('guardrails in a trusted workspace', function () {
  this.timeout(60_000);
  let guardrails: GuardrailsFeature;
  let testing: Awaited<ReturnType<typeof coordinator>>;
  let session: FolderSession;
  let root: string;
  let prompts: RecordedPrompts;
  let restorePrompts: () => void;

  const config = () => vscode.workspace.getConfiguration('coordinator', session.folder.uri);
  const setDefinitions = async (value: unknown[] | undefined) => {
    await config().update(DEFINITIONS, value, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor(
      () => JSON.stringify(config().get(DEFINITIONS) ?? []) === JSON.stringify(value ?? []),
      'the setting is read back',
    );
  };
  const statusBar = () => guardrails.statusBar;

  before(async () => {
    testing = await coordinator();
    guardrails = testing.guardrails;
    session = await sessionWithFile(testing);
    root = session.folder.uri.fsPath;
    ({ prompts, restore: restorePrompts } = recordPrompts(testing.guardrailPrompts));
  });

  after(async () => {
    restorePrompts();
    await setDefinitions(undefined);
  });

  it('runs all guardrails: output with headers and footers and no colour codes, verdicts in the file, a run log, the status bar', async () => {
    const before = rawGuardrails(session);
    const outcome = (await vscode.commands.executeCommand('coordinator.runGuardrails', {
      folderUri: session.folder.uri.toString(),
    })) as GuardrailRunOutcome | undefined;
    assert.ok(outcome, 'the command returns the run');
    assert.deepEqual(
      outcome.results.map((r) => [r.key, r.verdict]),
      [
        ['state_sweep', 'pass'],
        ['shadow_diff', 'skipped'],
        ['compat_enforce', 'fail'],
        ['openapi_validation', 'pass'],
      ],
    );

    const text = guardrailOutputText(testing);
    assert.ok(!text.includes('\u001b'), 'no ANSI escape reached the channel');
    for (const key of GUARDRAIL_KEYS) {
      assert.match(text, new RegExp(`^>>> ${key} \\(required\\)$`, 'm'), `header of ${key}`);
      assert.match(text, new RegExp(`^<<< ${key}: [A-Z]+ · `, 'm'), `footer of ${key}`);
    }
    assert.match(text, new RegExp(`^folder: ${escapeRegExp(root)}$`, 'm'));
    assert.match(text, /^started: \d{4}-\d\d-\d\dT/m);
    assert.match(text, /^\$ .*state sweep ok/m, 'the command line is in the header');
    assert.match(text, /^state sweep ok: 12 modules$/m, 'coloured output arrives as plain text');
    assert.match(text, /^2 violations$/m, 'stderr is streamed too');
    assert.match(text, /^<<< compat_enforce: FAIL · exit code 1 · /m);
    assert.match(text, /^<<< shadow_diff: SKIPPED · depends on task1_shadow_diff/m);
    assert.match(
      text,
      /^<<< openapi_validation: PASS · exit code 0, found "pass" in "openapi headers guard: pass" · /m,
    );

    assert.ok(fs.existsSync(markerPath(root, 'state_sweep')));
    assert.ok(!fs.existsSync(markerPath(root, 'shadow_diff')), 'the skipped guardrail never ran');

    const after = rawGuardrails(session);
    for (const result of outcome.results.filter((r) => r.verdict !== 'skipped')) {
      assert.equal(after[result.key].status, result.verdict, result.key);
      assert.equal(after[result.key].last_run, result.finishedAt, result.key);
      assert.equal(after[result.key].duration_ms, result.durationMs, result.key);
    }
    assert.deepEqual(
      after.shadow_diff,
      before.shadow_diff,
      'a skipped guardrail leaves the file alone',
    );

    assert.ok(outcome.logPath && fs.existsSync(outcome.logPath), 'a run log was written');
    assert.equal(path.dirname(outcome.logPath), path.join(root, '.dev', 'guardrails'));
    const log = JSON.parse(fs.readFileSync(outcome.logPath, 'utf8')) as {
      schema: string;
      requiredPassed: boolean;
      results: { key: string }[];
    };
    assert.equal(log.schema, 'agent-coordinator/guardrail-run@1');
    assert.equal(log.requiredPassed, false);
    assert.deepEqual(
      log.results.map((r) => r.key),
      GUARDRAIL_KEYS,
    );

    await waitFor(
      () => statusBar().text === '$(shield) 2/4',
      `status bar shows 2/4, not ${statusBar().text}`,
    );
    assert.equal(themeColorId(statusBar().backgroundColor), 'statusBarItem.errorBackground');
    const tooltip = (statusBar().tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /compat\\_enforce \| yes \| \$\(error\) fail \| just now/);
    assert.equal(statusBar().command, 'coordinator.runGuardrail');

    const dashboard = await testing.dashboard.dataSources.collect(session.folder);
    assert.deepEqual(
      dashboard.guardrails?.map((g) => [g.key, g.verdict, g.required]),
      [
        ['state_sweep', 'passed', true],
        ['shadow_diff', 'skipped', true],
        ['compat_enforce', 'failed', true],
        ['openapi_validation', 'passed', true],
      ],
    );
    const compat = dashboard.guardrails?.find((g) => g.key === 'compat_enforce');
    assert.equal(
      compat?.lastRun,
      outcome.results[2].finishedAt,
      'the dashboard gets the time to show the age from',
    );
  });

  it('shows 3/4 without a background once the failing one passes, and a warning once files change after the pass', async () => {
    await setDefinitions([{ key: 'compat_enforce', command: "echo 'compat: 0 violations'" }]);
    // The dashboard's Run button sends exactly this argument.
    const outcome = (await vscode.commands.executeCommand('coordinator.runGuardrail', {
      key: 'compat_enforce',
      folder: session.folder.uri.toString(),
      folderUri: session.folder.uri.toString(),
    })) as GuardrailRunOutcome;
    assert.equal(outcome.results.length, 1);
    assert.equal(outcome.results[0].verdict, 'pass');
    assert.equal(rawGuardrails(session).compat_enforce.status, 'pass');
    await guardrails.freshness.refresh(session);
    await waitFor(
      () => statusBar().text === '$(shield) 3/4' && statusBar().backgroundColor === undefined,
      `3/4 without background, not ${statusBar().text}`,
    );

    fs.appendFileSync(path.join(root, 'README.md'), '\nChanged after the guardrails passed.\n');
    try {
      await guardrails.freshness.refresh(session);
      await waitFor(
        () => themeColorId(statusBar().backgroundColor) === 'statusBarItem.warningBackground',
        'a stale pass warns',
      );
      assert.equal(statusBar().text, '$(shield) 3/4');
      assert.match(
        (statusBar().tooltip as vscode.MarkdownString).value,
        /stale: files changed since the last pass/,
      );
    } finally {
      execFileSync('git', ['checkout', '--', 'README.md'], { cwd: root });
    }
  });

  it('cancel kills the whole process tree, grandchildren included', async () => {
    const pidFile = path.join(root, '.dev', 'sleep.pid');
    fs.rmSync(pidFile, { force: true });
    await setDefinitions([
      { key: 'slow_tree', required: false, command: `sleep 300 & echo $! > .dev/sleep.pid; wait` },
    ]);
    const running = guardrails.controller.run({ session, keys: ['slow_tree'], interactive: false });
    await waitFor(
      () => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '',
      'the grandchild wrote its pid',
    );
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    assert.ok(processAlive(pid), 'the sleep runs');
    await waitFor(
      () => statusBar().text.startsWith('$(loading~spin)'),
      'the status bar spins while running',
    );
    assert.equal(themeColorId(statusBar().backgroundColor), 'statusBarItem.warningBackground');
    prompts.busyAnswer = undefined;
    assert.equal(
      await guardrails.controller.run({ session, keys: ['state_sweep'] }),
      undefined,
      'a second run is declined when the user says so',
    );
    prompts.busyAnswer = 'queue';
    assert.equal(await vscode.commands.executeCommand('coordinator.cancelGuardrails'), true);
    const outcome = await running;
    assert.equal(outcome?.results[0].verdict, 'cancelled');
    assert.ok(!processAlive(pid), `the grandchild ${pid} is gone`);
    assert.match(guardrailOutputText(testing), /^<<< slow_tree: CANCELLED · cancelled/m);
    assert.equal(
      await vscode.commands.executeCommand('coordinator.cancelGuardrails'),
      false,
      'nothing left to cancel',
    );
  });

  it('shows the first part of a huge output and its last lines in the channel, while the verdict reads all of it', async () => {
    await config().update(
      'guardrails.channelLimitMB',
      0.01,
      vscode.ConfigurationTarget.WorkspaceFolder,
    );
    try {
      await setDefinitions([
        {
          key: 'chatty',
          required: false,
          command: 'seq 1 200000; echo ALL DONE',
          expected: 'ALL DONE',
        },
      ]);
      const outcome = await guardrails.controller.run({
        session,
        keys: ['chatty'],
        interactive: false,
      });
      assert.equal(outcome?.results[0].verdict, 'pass', outcome?.results[0].reason);
      const text = guardrailOutputText(testing);
      const run = text.slice(text.lastIndexOf('>>> chatty'));
      assert.match(run, /\n1\n2\n3\n/);
      assert.match(
        run,
        /\[… more than 10 KB of output: the rest is not shown here; its last lines follow when chatty ends\]\n/,
      );
      assert.match(
        run,
        /not shown\. Last lines:\]\n[\s\S]*\n199999\n200000\nALL DONE\n<<< chatty: PASS/,
      );
      assert.ok(
        run.length < 40_000,
        `${run.length} characters in the channel for 1.3 MB of output`,
      );
    } finally {
      await config().update(
        'guardrails.channelLimitMB',
        undefined,
        vscode.ConfigurationTarget.WorkspaceFolder,
      );
    }
  });

  it('lists the guardrails in Run Task, and a task run records its verdict', async () => {
    await setDefinitions(undefined);
    const tasks = await vscode.tasks.fetchTasks({ type: 'coordinator-guardrail' });
    assert.deepEqual(tasks.map((t) => t.name).sort(), [...GUARDRAIL_KEYS].sort());
    for (const task of tasks) {
      assert.equal(task.source, 'Coordinator');
      assert.equal((task.definition as unknown as { key: string }).key, task.name);
      assert.ok(task.execution instanceof vscode.CustomExecution);
    }
    const before = rawGuardrails(session).openapi_validation.last_run;
    const task = tasks.find((t) => t.name === 'openapi_validation')!;
    const ended = new Promise<void>((resolve) => {
      const listener = vscode.tasks.onDidEndTask((event) => {
        if (event.execution.task.name === 'openapi_validation') {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.tasks.executeTask(task);
    await ended;
    await waitFor(
      () => rawGuardrails(session).openapi_validation.last_run !== before,
      'the task run is recorded',
    );
    assert.equal(rawGuardrails(session).openapi_validation.status, 'pass');
  });

  it('asks before marking a task completed while required guardrails have not passed in its worktree', async () => {
    const worktree = path.join(path.dirname(root), 'Lukhas-gate');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('worktree', 'add', '-q', '-b', 'feat/tests/gate', '--', worktree);
    const taskKey = 'taskA_idempotency';
    try {
      // No worktree_path yet: the gate finds the worktree by the task's branch.
      await session.apply({ kind: 'setBranch', taskKey, branch: 'feat/tests/gate' });
      const statusOf = () => session.state?.model?.byKey.get(taskKey)?.status;
      const argument = { taskKey, folder: session.folder.uri.toString() };

      prompts.completionAnswer = undefined;
      await vscode.commands.executeCommand('coordinator.setTaskStatus', argument, 'completed');
      assert.equal(prompts.completions.length, 1, 'the gate asked');
      assert.match(prompts.completions[0].message, /Idempotency|taskA|worktree/i);
      for (const key of ['state_sweep', 'compat_enforce', 'openapi_validation']) {
        assert.match(
          prompts.completions[0].detail,
          new RegExp(`^• required guardrail ${key}: not run in its worktree$`, 'm'),
        );
      }
      assert.doesNotMatch(
        prompts.completions[0].detail,
        /shadow_diff/,
        'a guardrail waiting for its task does not count',
      );
      assert.match(prompts.completions[0].detail, /^• progress is 0\/5 steps$/m);
      assert.notEqual(statusOf(), 'completed', 'dismissing the question keeps the status');
      await session.apply({ kind: 'setProgress', taskKey, completedSteps: 5, totalSteps: 5 });

      await session.apply({
        kind: 'setTaskField',
        taskKey,
        field: 'worktree_path',
        value: worktree,
      });
      // Through the dialog VS Code shows: the focused first button runs the gate.
      prompts.completions.length = 0;
      restorePrompts();
      const modals = answerModals();
      try {
        await vscode.commands.executeCommand('coordinator.setTaskStatus', argument, 'completed');
      } finally {
        modals.restore();
        ({ prompts, restore: restorePrompts } = recordPrompts(testing.guardrailPrompts));
      }
      assert.deepEqual(
        modals.asked.map((asked) => asked.buttons),
        [['Run Guardrails, Then Complete', 'Mark Completed Anyway']],
      );
      assert.notEqual(statusOf(), 'completed');

      // "Run Guardrails, Then Complete" with compat_enforce failing: they run, the task stays.
      prompts.completionAnswer = 'runThenComplete';
      await vscode.commands.executeCommand('coordinator.setTaskStatus', argument, 'completed');
      assert.equal(prompts.completions.length, 1, 'the gate asked');
      assert.ok(
        fs.existsSync(markerPath(worktree, 'state_sweep')),
        'the guardrails ran in the worktree',
      );
      assert.notEqual(statusOf(), 'completed', 'a failed guardrail keeps the status');

      // Now they pass: the same answer completes the task.
      await setDefinitions([{ key: 'compat_enforce', command: "echo 'compat: 0 violations'" }]);
      await vscode.commands.executeCommand('coordinator.setTaskStatus', argument, 'completed');
      assert.equal(prompts.completions.length, 2, 'the gate asked again');
      await waitFor(() => statusOf() === 'completed', 'the task is completed once they pass');

      await session.apply({ kind: 'setStatus', taskKey, status: 'in_progress' });
      await waitFor(() => statusOf() === 'in_progress', 'the status is read back');
      await vscode.commands.executeCommand('coordinator.setTaskStatus', argument, 'completed');
      assert.equal(
        prompts.completions.length,
        2,
        'no question once they passed there since the last commit',
      );
      await waitFor(() => statusOf() === 'completed', 'the task is completed');
      const run = (await vscode.commands.executeCommand(
        'coordinator.runGuardrailsInWorktree',
        argument,
      )) as GuardrailRunOutcome;
      assert.equal(run.cwd, worktree, 'Run Guardrails in Worktree runs there');
    } finally {
      await setDefinitions(undefined);
      git('worktree', 'remove', '--force', '--', worktree);
      git('branch', '-q', '-D', 'feat/tests/gate');
    }
  });
});

function processAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
