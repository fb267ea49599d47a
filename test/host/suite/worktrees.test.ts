// Start Task in Worktree and the Worktrees view in a real VS Code, on a real git repository made
// from the lukhas plan (scripts/vscode/worktreesWorkspace.mjs). Titles carry @trusted, @untrusted or
// @any-trust so each scenario runs the tests that fit its workspace trust.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RemoveWorktreeOutcome } from '../../../src/features/worktrees/vscode/commands/removeWorktree';
import type { ReapReport } from '../../../src/features/worktrees/reapWorktrees';
import type { PreparedWorktree } from '../../../src/features/worktrees/prepareWorktree';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import type { StartFlowOutcome } from '../../../src/features/worktrees/vscode/startTaskFlow';
import type { WorktreeNode } from '../../../src/features/worktrees/vscode/worktreeTreeNodes';
import type { WorktreeUi } from '../../../src/features/worktrees/vscode/worktreeUi';
import { FakeGitHub, openPull } from '../../support/fake-github';
import { waitFor, type CoordinatorApi } from '../support/extension';
import { answerModals } from '../support/modals';
import { recordMetric } from '../support/metrics';
import { coordinator, sessionWithFile } from './tasksSupport';

type Testing = CoordinatorApi['testing'];
type RawTask = {
  status: string;
  branch?: string | null;
  worktree_path?: string;
  started_at?: string;
  name: string;
  id: string;
  overrides?: unknown[];
};

const AGENT_MARKER = '.agent-marker';
const SETUP_MARKER = '.setup-marker';

interface UiCall {
  kind: 'confirm' | 'info' | 'warn' | 'error' | 'pick';
  message: string;
  detail?: string;
  actions: string[];
}

/** Answers modal questions from a queue and records every message, instead of a person. */
class RecordingUi implements WorktreeUi {
  readonly calls: UiCall[] = [];
  readonly opened: string[] = [];
  constructor(private readonly answers: (string | undefined)[] = []) {}
  confirm(message: string, detail: string, ...actions: string[]) {
    this.calls.push({ kind: 'confirm', message, detail, actions });
    return Promise.resolve(this.answers.shift());
  }
  info(message: string, ...actions: string[]) {
    this.calls.push({ kind: 'info', message, actions });
    return Promise.resolve(undefined);
  }
  warn(message: string, ...actions: string[]) {
    this.calls.push({ kind: 'warn', message, actions });
    return Promise.resolve(undefined);
  }
  error(message: string, ...actions: string[]) {
    this.calls.push({ kind: 'error', message, actions });
    return Promise.resolve(undefined);
  }
  openFolderInNewWindow(folder: string) {
    this.opened.push(folder);
    return Promise.resolve();
  }
  /** Takes what the list pre-selected. */
  pickMany<T extends vscode.QuickPickItem>(items: T[], placeHolder: string) {
    this.calls.push({ kind: 'pick', message: placeHolder, actions: items.map((i) => i.label) });
    return Promise.resolve(items.filter((item) => item.picked));
  }
  of(kind: UiCall['kind']): UiCall[] {
    return this.calls.filter((call) => call.kind === kind);
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  }).trim();
}

function worktreePaths(root: string): string[] {
  return git(root, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => fs.realpathSync(line.slice('worktree '.length)));
}

function rawTask(session: FolderSession, key: string): RawTask {
  const raw = JSON.parse(fs.readFileSync(session.taskFile!.fsPath, 'utf8')) as {
    tasks: Record<string, Record<string, RawTask>>;
  };
  const task = Object.values(raw.tasks)
    .map((group) => group[key])
    .find(Boolean);
  assert.ok(task, `task ${key} is in the file`);
  return task;
}

async function start(taskKey: string): Promise<StartFlowOutcome | undefined> {
  return vscode.commands.executeCommand<StartFlowOutcome | undefined>(
    'coordinator.startTaskInWorktree',
    { taskKey },
  );
}

async function worktreeNode(
  testing: Testing,
  predicate: (node: WorktreeNode) => boolean,
  message: string,
): Promise<WorktreeNode> {
  let found: WorktreeNode | undefined;
  await waitFor(async () => {
    await testing.worktrees.provider.settled();
    found = (await testing.worktrees.provider.worktreeNodes()).find(predicate);
    return found !== undefined;
  }, message);
  return found!;
}

/**
 * The agent configuration is in the worktree's git dir, the repository's launcher runs this
 * extension's coord, the terminal has the launcher on PATH, and the launched agent's state is
 * recorded: working as "not detectable" (a plain command line reports nothing), then finished
 * when its command ends.
 */
async function agentsAreConnected(
  root: string,
  worktree: string,
  outcome: StartFlowOutcome,
): Promise<void> {
  const setup = outcome.result.agentSetup;
  assert.ok(setup, 'the agent configuration was written');
  assert.equal(
    setup.dir,
    path.join(
      git(worktree, 'rev-parse', '--absolute-git-dir').trim(),
      'coordinator',
      'agent-setup',
    ),
  );
  for (const file of setup.files) {
    assert.equal(fs.readFileSync(file.path, 'utf8'), file.text);
  }
  const commonDir = git(root, 'rev-parse', '--path-format=absolute', '--git-common-dir').trim();
  assert.equal(setup.launcherDir, path.join(commonDir, 'coordinator', 'bin'));
  const extension = vscode.extensions.all.find(
    (candidate) => candidate.packageJSON.name === 'agent-coordinator',
  );
  const target = fs.readFileSync(path.join(setup.launcherDir, 'coord-target'), 'utf8');
  assert.equal(
    target,
    `${process.execPath}\n${path.join(extension!.extensionPath, 'dist', 'cli.js')}\n`,
  );
  const options = outcome.terminal!.creationOptions as vscode.TerminalOptions;
  assert.equal(options.env?.PATH?.split(path.delimiter)[0], setup.launcherDir);
  assert.equal(options.env?.COORD_AGENT_KIND, 'other');
  assert.equal(outcome.agentKind, 'other');
  assert.equal(git(worktree, 'status', '--porcelain'), '', 'nothing new in git status');
  let shown: string[] = [];
  await waitFor(
    () => {
      const listed = execFileSync(path.join(setup.launcherDir, 'coord'), ['agents', '--json'], {
        cwd: worktree,
        encoding: 'utf8',
      });
      const agents = (JSON.parse(listed) as { agents: { task: string; shown: string }[] }).agents;
      shown = agents.filter((agent) => agent.task === outcome.result.task.key).map((a) => a.shown);
      return shown[0] === 'finished';
    },
    'the agent command ending is recorded as finished',
    30_000,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; shown: ${shown.join(', ')}`);
  });
}

describe('Start Task in Worktree and the Worktrees view', () => {
  let testing: Testing;
  let session: FolderSession;
  let root: string;
  let ui: RecordingUi;

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
    root = fs.realpathSync(session.folder.uri.fsPath);
    await vscode.commands.executeCommand('coordinator.worktrees.focus');
  });

  beforeEach(() => {
    ui = new RecordingUi();
    testing.worktreeUi.answerWith(ui);
  });

  afterEach(() => testing.worktreeUi.reset());

  it('@trusted starts a task end to end: worktree, branch, brief, copied files, lock, task file, agent terminal', async () => {
    const before = rawTask(session, 'task1_shadow_diff');
    const started = performance.now();
    const outcome = await start('task1_shadow_diff');
    recordMetric('worktrees.startEndToEndMs', performance.now() - started);
    assert.ok(outcome, `the start ran (${JSON.stringify(ui.calls)})`);
    const { result } = outcome;
    assert.equal(result.outcome, 'created');
    const worktree = fs.realpathSync(result.path);

    assert.ok(worktreePaths(root).includes(worktree), 'git worktree list shows the new worktree');
    assert.equal(path.dirname(worktree), path.dirname(root), 'beside the main checkout');
    assert.equal(
      git(worktree, 'symbolic-ref', '--short', 'HEAD'),
      before.branch,
      "the task's own branch",
    );
    assert.equal(
      git(worktree, 'rev-parse', 'HEAD'),
      git(root, 'rev-parse', 'main'),
      'made from the default branch',
    );

    const brief = fs.readFileSync(result.briefPath!, 'utf8');
    assert.equal(path.dirname(fs.realpathSync(result.briefPath!)), worktree);
    assert.ok(brief.includes(before.name), 'the brief names the task');
    assert.ok(brief.includes(String(before.branch)), 'the brief names the branch');
    assert.equal(
      fs.readFileSync(path.join(worktree, '.env'), 'utf8'),
      fs.readFileSync(path.join(root, '.env'), 'utf8'),
    );
    assert.equal(
      fs.readFileSync(path.join(worktree, 'config', 'local.json'), 'utf8'),
      fs.readFileSync(path.join(root, 'config', 'local.json'), 'utf8'),
      '.worktreeinclude files are copied',
    );
    assert.ok(
      fs.existsSync(path.join(root, '.dev', 'locks', 'task1_shadow_diff.lock')),
      'the lock file is touched',
    );
    assert.equal(fs.readFileSync(path.join(worktree, SETUP_MARKER), 'utf8').trim(), 'setup ran');
    const [shared] = result.sharedDependencies;
    assert.equal(shared?.folder, 'node_modules');
    assert.ok(
      shared?.method === 'reflink' || shared?.method === 'hardlink',
      `node_modules was prepared (${JSON.stringify(shared)})`,
    );
    assert.equal(
      fs.readFileSync(path.join(worktree, 'node_modules', 'left-pad', 'index.js'), 'utf8'),
      fs.readFileSync(path.join(root, 'node_modules', 'left-pad', 'index.js'), 'utf8'),
    );
    assert.match(
      brief,
      /## Shared dependencies\n\n- node_modules: (cloned copy-on-write|hardlinked)/,
    );

    const after = rawTask(session, 'task1_shadow_diff');
    assert.equal(after.status, 'in_progress');
    assert.equal(after.branch, before.branch);
    assert.equal(fs.realpathSync(path.resolve(root, after.worktree_path!)), worktree);
    assert.match(after.started_at ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await waitFor(
      () => session.state?.model?.byKey.get('task1_shadow_diff')?.status === 'in_progress',
      'the session reads the update',
    );

    const terminal = outcome.terminal;
    assert.ok(terminal && vscode.window.terminals.includes(terminal), 'the agent terminal is open');
    assert.equal(outcome.agentLaunched, true);
    const options = terminal.creationOptions as vscode.TerminalOptions;
    assert.equal(fs.realpathSync(String(options.cwd)), worktree);
    assert.equal(options.env?.COORDINATOR_TASK_KEY, 'task1_shadow_diff');
    assert.equal(
      options.env?.COORD_TRUSTED,
      '1',
      'coord in it trusts the repository, as the editor does',
    );
    const marker = path.join(worktree, AGENT_MARKER);
    const ports = result.ports;
    assert.ok(ports, 'the task got a port block');
    assert.equal(options.env?.COORD_PORT, String(ports.start), "the task's first port");
    assert.equal(options.env?.COORD_PORT_1, String(ports.start + 1));
    assert.equal(options.env?.DATABASE_NAME, 'lukhas_task1_shadow_diff', 'the template names');
    assert.ok(brief.includes(`\`COORD_PORT=${ports.start}\``), 'the brief lists the ports');
    await waitFor(
      () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').split('\n').length >= 7,
      'the agent command ran in the terminal',
      30_000,
    );
    const [taskId, branch, briefArg, cwd, port, database] = fs
      .readFileSync(marker, 'utf8')
      .split('\n');
    assert.deepEqual(
      [taskId, branch, fs.realpathSync(briefArg!), fs.realpathSync(cwd!), port, database],
      [
        before.id,
        before.branch,
        fs.realpathSync(result.briefPath!),
        worktree,
        String(ports.start),
        'lukhas_task1_shadow_diff',
      ],
      'the agent saw its ports and names in its environment',
    );
    assert.ok(ui.of('info').some((call) => call.message.includes(`Started "${before.name}"`)));
    await agentsAreConnected(root, worktree, outcome);
  });

  it('@trusted opens the existing worktree instead of making it twice, and reuses the open agent terminal', async () => {
    const paths = worktreePaths(root);
    const terminals = vscode.window.terminals.length;
    const outcome = await start('task1_shadow_diff');
    assert.equal(outcome?.result.outcome, 'existing');
    assert.deepEqual(worktreePaths(root), paths);
    assert.equal(vscode.window.terminals.length, terminals, 'no second terminal');
    assert.equal(
      (outcome?.terminal?.creationOptions as vscode.TerminalOptions).env?.COORDINATOR_TASK_KEY,
      'task1_shadow_diff',
    );
  });

  it('@any-trust lists main and every linked worktree with its task, branch, dirty count and menu flags', async () => {
    if (worktreePaths(root).length < 2) {
      git(
        root,
        'worktree',
        'add',
        '-q',
        '-b',
        'feat/hand-made',
        '--',
        path.join(path.dirname(root), 'Lukhas-hand-made'),
      );
    }
    const main = await worktreeNode(
      testing,
      (node) => node.info.main,
      'the main worktree is listed',
    );
    assert.equal(fs.realpathSync(main.info.path), root);
    const nodes = await testing.worktrees.provider.worktreeNodes();
    assert.deepEqual(
      nodes.map((node) => fs.realpathSync(node.info.path)).sort(),
      worktreePaths(root).sort(),
      'every worktree git knows',
    );
    const mainItem = testing.worktrees.provider.getTreeItem(main);
    assert.match(String(mainItem.contextValue), /^worktree;main;/);
    assert.equal(
      (mainItem.iconPath as vscode.ThemeIcon).id,
      main.info.status?.dirtyCount ? 'diff-modified' : 'home',
    );
    for (const node of nodes.filter((n) => !n.info.main)) {
      const item = testing.worktrees.provider.getTreeItem(node);
      assert.match(String(item.contextValue), /^worktree;linked;removable;/);
      assert.ok(
        String(item.description).includes(node.info.branch ?? 'detached'),
        String(item.description),
      );
      // appendText escapes Markdown punctuation: compare without the escapes.
      assert.ok(
        item.tooltip instanceof vscode.MarkdownString &&
          item.tooltip.value.replace(/\\/g, '').includes(node.info.path),
      );
      assert.equal(node.info.status?.dirtyCount !== undefined, true, 'status was read');
    }
    const linked = nodes.filter((node) => node.info.taskKey);
    const started = linked.find((node) => node.info.taskKey === 'task1_shadow_diff');
    if (started) {
      const item = () => testing.worktrees.provider.getTreeItem(started);
      await waitFor(
        () => /· :\d+( · agent [a-z ]+)?$/.test(String(item().description)),
        `the row shows its first port (${String(item().description)})`,
      );
      const port = / · :(\d+)/.exec(String(item().description))![1];
      assert.ok(
        item().tooltip instanceof vscode.MarkdownString &&
          (item().tooltip as vscode.MarkdownString).value
            .replace(/\\/g, '')
            .replace(/&nbsp;/g, ' ')
            .includes(`Ports: ${port}-${Number(port) + 9} (COORD_PORT=${port}`),
        `the tooltip shows the block: ${(item().tooltip as vscode.MarkdownString).value}`,
      );
    }
    for (const node of linked) {
      const task = session.state?.model?.byKey.get(node.info.taskKey!);
      assert.ok(task, node.info.taskKey);
      assert.match(String(testing.worktrees.provider.getTreeItem(node).contextValue), /;hasTask;/);
      assert.ok(
        String(testing.worktrees.provider.getTreeItem(node).description).startsWith(
          `${task.id} · `,
        ),
      );
    }
    const data = await testing.dashboard.dataSources.collect(session.folder);
    assert.deepEqual(
      data.worktrees?.map((w) => fs.realpathSync(w.path)).sort(),
      worktreePaths(root).sort(),
      'the dashboard gets the same worktrees',
    );
    assert.deepEqual(
      data.worktrees
        ?.filter((w) => w.taskKey)
        .map((w) => w.taskKey)
        .sort(),
      linked.map((node) => node.info.taskKey).sort(),
    );
  });

  it('@any-trust measures disk usage in the background and shows it with last activity in rows and on the dashboard', async () => {
    const measuredRows = async () => {
      const nodes = await testing.worktrees.provider.worktreeNodes();
      return nodes.filter((node) => !node.info.prunable);
    };
    const deadline = Date.now() + 60_000;
    let nodes = await measuredRows();
    while (nodes.some((node) => !node.info.diskUsage) && Date.now() < deadline) {
      const repos = await testing.worktrees.provider.repositories();
      await Promise.all(repos.map((repo) => repo.diskMeasured()));
      await new Promise((resolve) => setTimeout(resolve, 200));
      nodes = await measuredRows();
    }
    assert.ok(nodes.length >= 2, 'main and at least one linked worktree');
    for (const node of nodes) {
      assert.ok((node.info.diskUsage?.bytes ?? 0) > 0, `disk usage of ${node.info.path}`);
      assert.ok((node.info.lastActivity ?? 0) > 0, `last activity of ${node.info.path}`);
      const item = testing.worktrees.provider.getTreeItem(node);
      assert.match(
        String(item.description),
        / · \d+(\.\d)? (KB|MB|GB)( · :\d+)?( · agent [a-z ]+)?$/,
      );
      // appendText escapes Markdown punctuation and spaces: compare without them.
      const tooltip =
        item.tooltip instanceof vscode.MarkdownString
          ? item.tooltip.value.replace(/\\/g, '').replace(/&nbsp;/g, ' ')
          : '';
      assert.match(tooltip, /Disk: \d/);
      assert.match(tooltip, /Last activity: /);
    }
    const data = await testing.dashboard.dataSources.collect(session.folder);
    for (const node of nodes) {
      const row = data.worktrees?.find((w) => w.path === node.info.path);
      assert.equal(row?.diskBytes, node.info.diskUsage?.bytes, 'the dashboard gets the same disk');
      assert.equal(row?.dirtyCount, node.info.status?.dirtyCount);
    }
  });

  it('@trusted the view links the started task, opens it in a new window and finishes it through Set Status', async () => {
    const node = await worktreeNode(
      testing,
      (n) => n.info.taskKey === 'task1_shadow_diff',
      'task1 worktree row',
    );
    assert.equal(node.info.branch, rawTask(session, 'task1_shadow_diff').branch);
    await vscode.commands.executeCommand('coordinator.openWorktreeWindow', node);
    assert.deepEqual(ui.opened, [node.info.path]);
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>(
      'coordinator.openWorktreeTerminal',
      node,
    );
    assert.equal(
      (terminal.creationOptions as vscode.TerminalOptions).env?.COORDINATOR_TASK_KEY,
      'task1_shadow_diff',
    );
    assert.equal(
      (terminal.creationOptions as vscode.TerminalOptions).env?.COORD_TASK,
      'task1_shadow_diff',
      'coord mcp and coord agent-state in the terminal know its task',
    );
    const fromTree = await vscode.commands.executeCommand<vscode.Terminal>(
      'coordinator.openTerminalInWorktree',
      { taskKey: 'task1_shadow_diff' },
    );
    assert.equal(fromTree, terminal, "the task tree's Open Terminal shows the same task terminal");
    // Every step done, so the completion gate has nothing to ask.
    await session.apply({
      kind: 'setProgress',
      taskKey: 'task1_shadow_diff',
      completedSteps: 5,
      totalSteps: 5,
    });
    await vscode.commands.executeCommand('coordinator.finishWorktreeTask', node);
    await waitFor(
      () => rawTask(session, 'task1_shadow_diff').status === 'completed',
      'the task file says completed',
    );
  });

  it('@trusted remove refuses a dirty worktree until the user confirms, listing the changed files', async () => {
    const node = await worktreeNode(
      testing,
      (n) => n.info.taskKey === 'task1_shadow_diff',
      'task1 worktree row',
    );
    for (const terminal of vscode.window.terminals.filter(
      (t) =>
        (t.creationOptions as vscode.TerminalOptions).env?.COORDINATOR_TASK_KEY ===
        'task1_shadow_diff',
    )) {
      terminal.dispose();
    }
    fs.writeFileSync(path.join(node.info.path, 'work-in-progress.txt'), 'not committed\n');
    assert.equal(
      fs.realpathSync(path.resolve(root, rawTask(session, 'task1_shadow_diff').worktree_path!)),
      fs.realpathSync(node.info.path),
    );

    ui = new RecordingUi(['Remove', undefined]);
    testing.worktreeUi.answerWith(ui);
    const refused = await vscode.commands.executeCommand<RemoveWorktreeOutcome>(
      'coordinator.removeWorktree',
      node,
    );
    assert.deepEqual(refused, { removed: false, refused: 'dirty' });
    assert.ok(
      fs.existsSync(node.info.path) &&
        worktreePaths(root).includes(fs.realpathSync(node.info.path)),
      'still there',
    );
    const [first, second] = ui.of('confirm');
    assert.deepEqual(first?.actions, ['Remove', 'Remove and Delete Branch if Merged']);
    assert.ok(second?.detail?.includes('work-in-progress.txt'), second?.detail);
    assert.deepEqual(
      second?.actions,
      ['Keep Worktree', 'Remove Anyway'],
      'the focused first button keeps the work',
    );

    ui = new RecordingUi(['Remove', 'Remove Anyway']);
    testing.worktreeUi.answerWith(ui);
    const removed = await vscode.commands.executeCommand<RemoveWorktreeOutcome>(
      'coordinator.removeWorktree',
      node,
    );
    assert.equal(removed?.removed, true);
    assert.deepEqual(removed.forgotten, ['task1_shadow_diff']);
    assert.equal(
      rawTask(session, 'task1_shadow_diff').worktree_path,
      undefined,
      'the task no longer points at the folder',
    );
    assert.equal(
      rawTask(session, 'task1_shadow_diff').branch,
      node.info.branch,
      'the task keeps its branch',
    );
    assert.ok(!fs.existsSync(node.info.path));
    assert.ok(!worktreePaths(root).some((p) => p.endsWith(path.basename(node.info.path))));
    assert.equal(
      git(root, 'branch', '--list', node.info.branch!),
      node.info.branch,
      'the branch is kept',
    );
    await waitFor(
      async () =>
        !(await testing.worktrees.provider.worktreeNodes()).some(
          (n) => n.info.path === node.info.path,
        ),
      'the row is gone',
    );
  });

  it('@trusted two starts at once do not collide: two tasks both start, a doubled one starts once', async () => {
    const results = await Promise.all([
      start('taskA_idempotency'),
      start('taskC_log_redaction'),
      start('taskA_idempotency'),
    ]);
    const [a, c, again] = results;
    // Which of the two taskA calls gets there first is up to the scheduler: exactly one starts it.
    const taskA = [a, again].filter((outcome) => outcome !== undefined);
    assert.equal(taskA.length, 1, JSON.stringify(ui.calls));
    assert.equal(taskA[0]?.result.outcome, 'created', JSON.stringify(ui.calls));
    assert.equal(c?.result.outcome, 'created', JSON.stringify(ui.calls));
    assert.ok(ui.of('info').some((call) => call.message.includes('already being started')));
    for (const key of ['taskA_idempotency', 'taskC_log_redaction']) {
      const task = rawTask(session, key);
      assert.equal(task.status, 'in_progress', key);
      assert.ok(
        worktreePaths(root).includes(fs.realpathSync(path.resolve(root, task.worktree_path!))),
        key,
      );
    }
  });

  it('@trusted a failing step undoes what the run created and names the step, offering the log', async () => {
    const config = vscode.workspace.getConfiguration('coordinator', session.folder);
    const original = config.inspect<string>('worktrees.setupCommand')?.workspaceValue;
    const paths = worktreePaths(root);
    const before = rawTask(session, 'taskF_openapi_drift');
    await config.update(
      'worktrees.setupCommand',
      'echo setup is failing; exit 3',
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      await waitFor(
        () =>
          vscode.workspace
            .getConfiguration('coordinator', session.folder)
            .get('worktrees.setupCommand') === 'echo setup is failing; exit 3',
        'the setting applies',
      );
      const outcome = await start('taskF_openapi_drift');
      assert.equal(outcome, undefined);
      const [failure] = ui.of('error');
      assert.ok(failure, JSON.stringify(ui.calls));
      assert.match(failure.message, /step "run setup command"/);
      assert.match(failure.message, /exited with 3/);
      assert.deepEqual(failure.actions, ['Show Log']);
      assert.deepEqual(worktreePaths(root), paths, 'the worktree was removed');
      assert.equal(
        git(root, 'branch', '--list', String(before.branch)),
        '',
        'the new branch was deleted',
      );
      assert.equal(
        rawTask(session, 'taskF_openapi_drift').status,
        before.status,
        'the task file is untouched',
      );
      assert.ok(!fs.existsSync(path.join(root, '.dev', 'locks', 'taskF_openapi_drift.lock')));
    } finally {
      await config.update('worktrees.setupCommand', original, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('@trusted the blocked-start dialog VS Code shows has the safe button first, where Enter lands', async () => {
    testing.worktreeUi.reset();
    const modals = answerModals();
    const paths = worktreePaths(root);
    try {
      const outcome = await vscode.commands.executeCommand('coordinator.startTaskInWorktree', {
        taskKey: 'cc3_circuit_review',
        folder: session.folder.uri.toString(),
      });
      assert.equal(outcome, undefined);
    } finally {
      modals.restore();
    }
    assert.equal(modals.asked.length, 1, JSON.stringify(modals.asked));
    assert.match(
      modals.asked[0].message,
      /^Cannot start cc3_circuit_review \("Critical Review - Circuit-Breaker"\): status is waiting/,
    );
    assert.deepEqual(modals.asked[0].buttons, ['Show Dependencies', 'Start Anyway']);
    assert.deepEqual(worktreePaths(root), paths, 'dismissing starts nothing');
  });

  it("@trusted asks before starting a blocked task, from the dashboard's { taskKey, folder } argument", async () => {
    const argument = {
      taskKey: 'cc3_circuit_review',
      folder: session.folder.uri.toString(),
      folderUri: session.folder.uri.toString(),
    };
    const paths = worktreePaths(root);
    ui = new RecordingUi([undefined]);
    testing.worktreeUi.answerWith(ui);
    assert.equal(
      await vscode.commands.executeCommand('coordinator.startTaskInWorktree', argument),
      undefined,
    );
    const [question] = ui.of('confirm');
    assert.match(
      question?.message ?? '',
      /^Cannot start cc3_circuit_review \(".*"\): status is waiting; waits for taskB_circuit_breaker/,
    );
    assert.ok(question?.detail?.includes('waits for taskB_circuit_breaker'), question?.detail);
    assert.deepEqual(
      question?.actions,
      ['Show Dependencies', 'Start Anyway'],
      'the focused first button does not start the task',
    );
    assert.deepEqual(worktreePaths(root), paths, 'nothing was made');
    assert.equal(rawTask(session, 'cc3_circuit_review').status, 'waiting');

    ui = new RecordingUi(['Start Anyway']);
    testing.worktreeUi.answerWith(ui);
    const outcome = await vscode.commands.executeCommand<StartFlowOutcome | undefined>(
      'coordinator.startTaskInWorktree',
      argument,
    );
    assert.equal(outcome?.result.outcome, 'created');
    assert.equal(rawTask(session, 'cc3_circuit_review').status, 'in_progress');
    const [override] = (rawTask(session, 'cc3_circuit_review').overrides ?? []) as {
      gate: string;
      reasons: string[];
      host: string;
    }[];
    assert.equal(override.gate, 'start', 'the override is recorded on the task');
    assert.equal(override.host, 'editor');
    assert.ok(override.reasons.includes('status is waiting'), override.reasons.join('; '));
    assert.ok(outcome?.terminal, 'a plain terminal for an owner without an agent command');
    assert.equal(outcome?.agentLaunched, false);
    assert.ok(
      ui.of('info').some((call) => call.message.includes('No agent command for "Claude Code"')),
      JSON.stringify(ui.calls),
    );
  });

  it('@any-trust picks up a hand-made worktree through the git-dir watcher and reveals the main one in the Explorer', async () => {
    await testing.worktrees.provider.settled();
    const handMade = path.join(path.dirname(root), 'Lukhas-watched');
    git(root, 'worktree', 'add', '-q', '-b', 'feat/watched', '--', handMade);
    const node = await worktreeNode(
      testing,
      (n) => n.info.path.endsWith('Lukhas-watched'),
      'the watcher lists the new worktree without a refresh',
    );
    assert.equal(node.info.branch, 'feat/watched');
    assert.equal(node.info.taskKey, undefined);
    const main = await worktreeNode(testing, (n) => n.info.main, 'main row');
    assert.equal(
      await vscode.commands.executeCommand('coordinator.revealWorktree', main),
      'explorer',
    );

    const firstRows = performance.now();
    const refreshing = testing.worktrees.provider.refresh();
    await refreshing;
    recordMetric('worktrees.viewFirstRowsMs', performance.now() - firstRows);
    await testing.worktrees.provider.settled();
    recordMetric('worktrees.viewWithStatusMs', performance.now() - firstRows);
  });

  it('@any-trust prune drops entries whose folder is gone', async () => {
    const gone = path.join(path.dirname(root), 'Lukhas-gone');
    git(root, 'worktree', 'add', '-q', '-b', 'feat/gone', '--', gone);
    fs.rmSync(gone, { recursive: true, force: true });
    await vscode.commands.executeCommand('coordinator.refreshWorktrees');
    const node = await worktreeNode(
      testing,
      (n) => n.info.path.endsWith('Lukhas-gone') && Boolean(n.info.prunable),
      'the gone worktree is prunable',
    );
    assert.match(String(testing.worktrees.provider.getTreeItem(node).contextValue), /;prunable;/);
    const pruned = await vscode.commands.executeCommand<string[]>('coordinator.pruneWorktrees');
    assert.ok(pruned.length >= 1, 'git reported what it pruned');
    assert.ok(!git(root, 'worktree', 'list', '--porcelain').includes('Lukhas-gone'));
    await waitFor(
      async () =>
        !(await testing.worktrees.provider.worktreeNodes()).some((n) =>
          n.info.path.endsWith('Lukhas-gone'),
        ),
      'the row is gone',
    );
  });

  it('@trusted Reap Worktrees… lists every worktree with its classes, removes only the safe ones picked, and restores a backup', async () => {
    const parent = path.dirname(root);
    const old = Math.floor(Date.now() / 1000) - 40 * 86_400;
    const abandoned = path.join(parent, 'Lukhas-abandoned');
    git(root, 'worktree', 'add', '-q', '-b', 'feat/abandoned', '--', abandoned);
    fs.writeFileSync(path.join(abandoned, 'idea.txt'), 'an old idea\n');
    git(abandoned, 'add', 'idea.txt');
    execFileSync('git', ['commit', '-q', '-m', 'an old idea'], {
      cwd: abandoned,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: `@${old} +0000`,
        GIT_COMMITTER_DATE: `@${old} +0000`,
      },
    });
    const gitDir = git(abandoned, 'rev-parse', '--absolute-git-dir');
    for (const file of [abandoned, path.join(gitDir, 'index'), path.join(gitDir, 'HEAD')]) {
      fs.utimesSync(file, old, old);
    }
    const head = git(abandoned, 'rev-parse', 'HEAD');
    // Another tool's worktree, locked by it.
    const claude = path.join(parent, '.claude', 'worktrees', 'agent-7');
    git(
      root,
      'worktree',
      'add',
      '-q',
      '--lock',
      '--reason',
      'claude agent-7',
      '-b',
      'claude/agent-7',
      '--',
      claude,
    );

    const reports = await vscode.commands.executeCommand<ReapReport[]>('coordinator.reapWorktrees');
    const [pick] = ui.of('pick');
    assert.ok(pick, 'the worktrees were offered');
    assert.ok(
      pick.actions.some((label) => label.endsWith('Lukhas-abandoned')),
      pick.actions.join('\n'),
    );
    assert.ok(
      pick.actions.some((label) => label.endsWith('agent-7')),
      pick.actions.join('\n'),
    );
    const report = reports[0]!;
    const offered = (end: string) =>
      report.survey.verdicts.find((v) => v.facts.path.endsWith(end))!;
    assert.deepEqual(offered('Lukhas-abandoned').classes, ['abandoned', 'unpushed']);
    assert.equal(offered('agent-7').origin, 'Claude Code');
    assert.ok(offered('agent-7').classes.includes('locked'));
    assert.equal(offered('agent-7').safe, false);
    assert.deepEqual(
      report.removed.map(
        (r) => fs.realpathSync(path.dirname(r.path)) + path.sep + path.basename(r.path),
      ),
      [fs.realpathSync(parent) + path.sep + 'Lukhas-abandoned'],
      'only the safe one, pre-selected, was removed',
    );
    assert.ok(!fs.existsSync(abandoned));
    assert.ok(fs.existsSync(claude), 'the locked worktree of another tool is kept');
    assert.equal(git(root, 'rev-parse', 'refs/coordinator/backup/feat/abandoned'), head);
    assert.match(
      ui.of('info').at(-1)?.message ?? '',
      /Removed 1 worktree\(s\), reclaiming about [\d.]+ MB; 1 backup ref\(s\) kept\./,
    );

    git(root, 'branch', '-D', 'feat/abandoned');
    const restored = await vscode.commands.executeCommand<{ path?: string; oid: string }>(
      'coordinator.restoreWorktreeBackup',
      'feat/abandoned',
    );
    assert.equal(restored?.oid, head);
    assert.equal(git(abandoned, 'rev-parse', 'HEAD'), head);
    git(root, 'worktree', 'unlock', claude);
    git(root, 'worktree', 'remove', '--force', abandoned);
    git(root, 'worktree', 'remove', '--force', claude);
  });

  it("@trusted Reap Worktrees… asks GitHub for each branch's pull request: merged or closed is reapable, open is kept", async () => {
    const token = 'ghp_ReapHostTest0123456789abcdefABCDEF';
    const parent = path.dirname(root);
    const made: Record<'merged' | 'closed' | 'open', string> = {
      merged: path.join(parent, 'Lukhas-pr-merged'),
      closed: path.join(parent, 'Lukhas-pr-closed'),
      open: path.join(parent, 'Lukhas-pr-open'),
    };
    for (const [kind, folder] of Object.entries(made)) {
      git(root, 'worktree', 'add', '-q', '-b', `feat/pr-${kind}`, '--', folder);
      fs.writeFileSync(path.join(folder, `${kind}.txt`), `${kind}\n`);
      git(folder, 'add', '-A');
      git(folder, 'commit', '-q', '-m', `work on ${kind}`);
    }
    const heads = Object.fromEntries(
      Object.entries(made).map(([kind, folder]) => [kind, git(folder, 'rev-parse', 'HEAD')]),
    );
    const fake = await FakeGitHub.start({ owner: 'LukhasAI', repo: 'Lukhas', token });
    fake.state.pulls.push(
      openPull(21, 'feat/pr-merged', { state: 'closed', merged: true }),
      openPull(22, 'feat/pr-closed', { state: 'closed' }),
      openPull(23, 'feat/pr-open'),
    );
    const savedToken = process.env.GITHUB_TOKEN;
    process.env.GITHUB_TOKEN = token;
    const github = vscode.workspace.getConfiguration('coordinator');
    const settings: Record<string, unknown> = {
      'github.apiBaseUrl': fake.url,
      'github.owner': 'LukhasAI',
      'github.repo': 'Lukhas',
      'github.allowEnvironmentToken': true,
      'github.refreshIntervalMinutes': 0,
    };
    for (const [key, value] of Object.entries(settings)) {
      await github.update(key, value, vscode.ConfigurationTarget.Global);
    }
    // Takes only this test's pre-selected rows, whatever other tests left beside them.
    const mine = Object.values(made).map((folder) => path.basename(folder));
    class PickMine extends RecordingUi {
      override pickMany<T extends vscode.QuickPickItem>(items: T[], placeHolder: string) {
        return super
          .pickMany(items, placeHolder)
          .then((picked) =>
            picked.filter((item) => mine.some((name) => item.label.endsWith(name))),
          );
      }
    }
    ui = new PickMine();
    testing.worktreeUi.answerWith(ui);
    try {
      const reports = await vscode.commands.executeCommand<ReapReport[]>(
        'coordinator.reapWorktrees',
      );
      const report = reports[0]!;
      assert.deepEqual(report.survey.notes, [], 'GitHub answered');
      const verdict = (folder: string) =>
        report.survey.verdicts.find((v) => path.basename(v.facts.path) === path.basename(folder));
      assert.deepEqual(verdict(made.merged)?.classes, ['prMerged', 'unpushed']);
      assert.equal(verdict(made.merged)?.facts.pullRequest?.number, 21);
      assert.deepEqual(verdict(made.closed)?.classes, ['prClosed', 'unpushed']);
      assert.equal(verdict(made.open)?.facts.pullRequest?.state, 'open');
      assert.equal(verdict(made.open)?.safe, false, 'an open pull request is live work');
      const asked = fake.exchanges
        .filter((e) => e.method === 'GET' && e.path.endsWith('/pulls'))
        .map((e) => e.query.get('head') ?? '');
      for (const kind of Object.keys(made)) {
        assert.ok(
          asked.some((head) => head.endsWith(`:feat/pr-${kind}`)),
          `asked about feat/pr-${kind}: ${JSON.stringify(asked)}`,
        );
      }
      assert.ok(
        fake.exchanges.every((e) => e.authorized),
        'every request carried the token',
      );

      assert.deepEqual(
        report.removed
          .map((r) => fs.realpathSync(path.dirname(r.path)) + path.sep + path.basename(r.path))
          .sort(),
        [made.closed, made.merged].sort(),
      );
      assert.ok(!fs.existsSync(made.merged) && !fs.existsSync(made.closed));
      assert.ok(fs.existsSync(made.open), 'the open pull request keeps its worktree');
      assert.equal(git(root, 'rev-parse', 'refs/coordinator/backup/feat/pr-closed'), heads.closed);
      assert.equal(git(root, 'rev-parse', 'refs/coordinator/backup/feat/pr-merged'), heads.merged);
    } finally {
      for (const key of Object.keys(settings)) {
        await github.update(key, undefined, vscode.ConfigurationTarget.Global);
      }
      if (savedToken === undefined) {
        delete process.env.GITHUB_TOKEN;
      } else {
        process.env.GITHUB_TOKEN = savedToken;
      }
      await fake.close();
      for (const folder of Object.values(made)) {
        if (fs.existsSync(folder)) {
          git(root, 'worktree', 'remove', '--force', folder);
        }
      }
    }
  });

  it("@trusted Prepare Shared Dependencies gives a hand-made worktree the main checkout's node_modules as a start would, and main never changes", async () => {
    const folder = path.join(path.dirname(root), 'Lukhas-by-hand');
    git(root, 'worktree', 'add', '-q', '--detach', '--', folder);
    try {
      const node = await worktreeNode(
        testing,
        (n) => n.info.path.endsWith('Lukhas-by-hand'),
        'the hand-made worktree row',
      );
      const mainFile = path.join(root, 'node_modules', 'left-pad', 'index.js');
      const before = fs.readFileSync(mainFile, 'utf8');
      const prepared = await vscode.commands.executeCommand<PreparedWorktree | undefined>(
        'coordinator.prepareWorktreeDependencies',
        node,
      );
      assert.ok(prepared, JSON.stringify(ui.calls));
      assert.deepEqual(
        prepared.shared.map((shared) => shared.folder),
        ['node_modules'],
      );
      assert.match(prepared.shared[0]!.method, /^(reflink|hardlink)$/);
      const copy = path.join(folder, 'node_modules', 'left-pad', 'index.js');
      assert.equal(fs.readFileSync(copy, 'utf8'), before);
      assert.equal(prepared.setup, 'none', 'nothing was left to the setup command');
      assert.ok(!fs.existsSync(path.join(folder, SETUP_MARKER)));
      assert.match(
        ui.of('info').at(-1)?.message ?? '',
        /^Prepared 1 of 1 shared folder\(s\) in "Lukhas-by-hand"/,
      );
      assert.equal(git(folder, 'status', '--porcelain'), '', 'the shared folder stays out of git');
      // What a package manager does: replace the file, never write into it.
      fs.rmSync(copy);
      fs.writeFileSync(copy, 'module.exports = 2;\n');
      assert.equal(fs.readFileSync(mainFile, 'utf8'), before, 'main keeps its file');

      const again = await vscode.commands.executeCommand<PreparedWorktree | undefined>(
        'coordinator.prepareWorktreeDependencies',
        node,
      );
      assert.equal(again?.shared[0]?.reason, 'the worktree already has it');

      const main = await worktreeNode(testing, (n) => Boolean(n.info.main), 'the main row');
      assert.doesNotMatch(
        String(testing.worktrees.provider.getTreeItem(main).contextValue),
        /;removable;/,
        'the menu does not offer it on the main checkout',
      );
      const refused = await vscode.commands.executeCommand(
        'coordinator.prepareWorktreeDependencies',
        main,
      );
      assert.equal(refused, undefined);
      assert.match(
        ui.of('error').at(-1)?.message ?? '',
        /is the main checkout: shared folders are prepared from it, never into it/,
      );
      assert.equal(fs.readFileSync(mainFile, 'utf8'), before);
    } finally {
      git(root, 'worktree', 'remove', '--force', folder);
    }
  });

  it('@trusted Remove Worktree waits for the teardown command, and keeps the worktree when it fails until Remove Anyway', async () => {
    const folder = path.join(path.dirname(root), 'Lukhas-teardown');
    git(root, 'worktree', 'add', '-q', '-b', 'feat/teardown', '--', folder);
    const marker = path.join(path.dirname(root), 'teardown-ran.txt');
    const settings = vscode.workspace.getConfiguration('coordinator', session.folder);
    const target = vscode.ConfigurationTarget.WorkspaceFolder;
    await settings.update('worktrees.teardownCommand', `pwd > "${marker}"; exit 5`, target);
    try {
      const node = await worktreeNode(
        testing,
        (n) => n.info.path.endsWith('Lukhas-teardown'),
        'the teardown worktree row',
      );
      ui = new RecordingUi(['Remove', 'Keep Worktree']);
      testing.worktreeUi.answerWith(ui);
      const refused = await vscode.commands.executeCommand<RemoveWorktreeOutcome>(
        'coordinator.removeWorktree',
        node,
      );
      assert.deepEqual(refused, { removed: false, refused: 'teardown' });
      assert.ok(fs.existsSync(folder), 'kept after the failing teardown');
      assert.equal(fs.readFileSync(marker, 'utf8').trim(), fs.realpathSync(folder));
      const question = ui.of('confirm')[1];
      assert.match(
        question?.message ?? '',
        /The teardown command failed, so "Lukhas-teardown" was kept/,
      );
      assert.match(question?.detail ?? '', /exited with 5/);

      fs.rmSync(marker);
      await settings.update('worktrees.teardownCommand', `sleep 0.3; pwd > "${marker}"`, target);
      ui = new RecordingUi(['Remove']);
      testing.worktreeUi.answerWith(ui);
      const removed = await vscode.commands.executeCommand<RemoveWorktreeOutcome>(
        'coordinator.removeWorktree',
        node,
      );
      assert.equal(removed?.removed, true);
      assert.equal(
        fs.readFileSync(marker, 'utf8').trim(),
        fs.realpathSync(path.dirname(root)) + path.sep + 'Lukhas-teardown',
        'the teardown ran in the worktree and was waited for',
      );
      assert.ok(!fs.existsSync(folder));
    } finally {
      await settings.update('worktrees.teardownCommand', undefined, target);
      fs.rmSync(marker, { force: true });
    }
  });

  it('@untrusted creates the worktree (git only) but refuses the setup command and the agent, saying why', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const terminals = vscode.window.terminals.length;
    const outcome = await start('task3_streaming_rl');
    assert.ok(outcome, JSON.stringify(ui.calls));
    const worktree = fs.realpathSync(outcome.result.path);
    assert.ok(worktreePaths(root).includes(worktree), 'the worktree exists');
    assert.equal(rawTask(session, 'task3_streaming_rl').status, 'in_progress');
    assert.notEqual(outcome.result.setup, 'ran');
    assert.ok(!fs.existsSync(path.join(worktree, SETUP_MARKER)), 'no setup command ran');
    assert.equal(outcome.agentLaunched, false);
    assert.equal(outcome.terminal, undefined);
    assert.equal(vscode.window.terminals.length, terminals, 'no terminal was opened');
    const warning = ui.of('warn').find((call) => call.message.includes('not trusted'));
    assert.ok(warning, JSON.stringify(ui.calls));
    assert.deepEqual(warning.actions, ['Manage Workspace Trust']);
    const node = await worktreeNode(
      testing,
      (n) => n.info.taskKey === 'task3_streaming_rl',
      'the view lists the new worktree',
    );
    assert.match(String(testing.worktrees.provider.getTreeItem(node).contextValue), /;hasTask;/);
  });
});
