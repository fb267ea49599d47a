// The Tasks view, its commands, diagnostics and status bar against the real lukhas task file, in a real VS Code.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { humanizeKey } from '../../../src/features/tasks/model/humanKey';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import type { TaskTreeNode } from '../../../src/features/tasks/vscode/taskTreeNodes';
import { revealTaskNode } from '../../../src/features/tasks/vscode/revealTaskNode';
import type { CoordinatorApi } from '../support/extension';
import { waitFor } from '../support/extension';
import { recordMetric } from '../support/metrics';
import {
  allTaskNodes,
  coordinator,
  readRaw,
  restore,
  sessionWithFile,
  taskNode,
  writeExternally,
  type RawFile,
} from './tasksSupport';

type Testing = CoordinatorApi['testing'];

describe('tasks view on the real task file', () => {
  let testing: Testing;
  let session: FolderSession;
  let original: string;
  let raw: RawFile;

  const item = (node: TaskTreeNode) => testing.tasks.provider.getTreeItem(node);
  const label = (node: TaskTreeNode) => String(item(node).label);
  const icon = (node: TaskTreeNode) => (item(node).iconPath as vscode.ThemeIcon).id;

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
    original = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
    raw = readRaw(session.taskFile!);
    await vscode.commands.executeCommand('coordinator.tasks.focus');
  });

  afterEach(async () => {
    await restore(session, original);
    await vscode.commands.executeCommand('coordinator.groupTasksByGroup');
    await vscode.commands.executeCommand('coordinator.sortTasksByFileOrder');
    await vscode.commands.executeCommand('coordinator.clearTaskFilters');
  });

  it("shows the file's groups in order, every task in file order, done/total per group", () => {
    const groups = testing.tasks.provider.getChildren();
    assert.deepEqual(groups.map(label), Object.keys(raw.tasks).map(humanizeKey));
    for (const group of groups) {
      const key = group.kind === 'group' ? group.row.key : '';
      const tasks = Object.values(raw.tasks[key]);
      const done = tasks.filter((t) => t.status === 'completed').length;
      assert.equal(item(group).description, `${done}/${tasks.length}`);
      assert.ok(String(item(group).tooltip).includes(`(${key})`), 'the key is in the tooltip');
      assert.deepEqual(
        testing.tasks.provider.getChildren(group).map(label),
        tasks.map((t) => t.name),
      );
    }
    const all = allTaskNodes(testing);
    assert.equal(
      all.length,
      Object.values(raw.tasks).reduce((n, g) => n + Object.keys(g).length, 0),
    );
    for (const node of all) {
      const treeItem = item(node);
      assert.equal(treeItem.id, `task:${session.folder.uri.toString()}:${node.task.key}`);
      assert.match(String(treeItem.contextValue), /^task;.*;status-[a-z_]+;$/);
      assert.ok(treeItem.tooltip instanceof vscode.MarkdownString);
      assert.ok((treeItem.tooltip as vscode.MarkdownString).value.includes(`\`${node.task.key}\``));
    }
  });

  it('colours tasks by status and counts the waiting ones in the badge', () => {
    const statuses = Object.values(raw.tasks).flatMap((g) => Object.values(g).map((t) => t.status));
    const waiting = statuses.filter((s) => s === 'waiting' || s === 'blocked').length;
    assert.equal(testing.tasks.view.badge?.value, waiting);
    assert.equal(icon(taskNode(testing, 'cc2_dashboard')), 'pulse');
    assert.equal(icon(taskNode(testing, 'cc3_circuit_review')), 'watch');
    assert.equal(icon(taskNode(testing, 'task1_shadow_diff')), 'play-circle');
  });

  it('hangs cc3 to cc6 under the tasks they wait for, and shows task5 waiting on an external prerequisite', () => {
    for (const [key, task] of Object.entries(raw.tasks.claude_code).filter(
      ([, t]) => t.status === 'waiting',
    )) {
      const rows = testing.tasks.provider
        .getChildren(taskNode(testing, key))
        .filter((n) => n.kind === 'child' && n.row.kind !== 'blocker');
      const expected = task.dependencies.map((dep) => {
        const target = Object.values(raw.tasks)
          .map((g) => g[dep])
          .find(Boolean);
        return target ? target.name : dep;
      });
      assert.deepEqual(rows.map(label), expected, key);
    }
    const task5 = testing.tasks.provider.getChildren(taskNode(testing, 'task5_soak_sentinel'));
    assert.deepEqual(
      task5.map((n) => [label(n), item(n).description]),
      [['prometheus_running', 'external prerequisite']],
    );
    assert.equal(
      item(taskNode(testing, 'task5_soak_sentinel')).collapsibleState,
      vscode.TreeItemCollapsibleState.Collapsed,
    );
  });

  it('follows an external write without collapsing or losing the selection', async () => {
    const cc3 = taskNode(testing, 'cc3_circuit_review');
    await revealTaskNode(testing.tasks.view, testing.tasks.provider, cc3.session, cc3.task.key, {
      select: true,
      focus: true,
      expand: true,
    });
    const collapsed: string[] = [];
    const listener = testing.tasks.view.onDidCollapseElement((e) =>
      collapsed.push(String(item(e.element).id)),
    );
    try {
      const next = original.replace(
        /("taskB_circuit_breaker"[\s\S]*?"status": )"not_started"/,
        '$1"completed"',
      );
      assert.notEqual(next, original);
      const ms = await writeExternally(session, next);
      recordMetric('tasksExternalWriteToStateMs', ms);
      const dependency = testing.tasks.provider.getChildren(
        taskNode(testing, 'cc3_circuit_review'),
      )[0];
      assert.match(String(item(dependency).description), /completed/);
      assert.deepEqual(collapsed, []);
      await waitFor(() => testing.tasks.view.selection.length === 1, 'a selection remains');
      assert.equal(item(testing.tasks.view.selection[0]).id, item(cc3).id);
    } finally {
      listener.dispose();
    }
  });

  it("follows a write through the store from outside the extension, as an agent's coord set makes it", async () => {
    const agent = new TaskFileStore(session.taskFile!.fsPath);
    await agent.apply({ kind: 'setStatus', taskKey: 'taskA_idempotency', status: 'in_progress' });
    await waitFor(
      () => icon(taskNode(testing, 'taskA_idempotency')) === 'pulse',
      'the tree shows taskA in progress',
    );
  });

  it('follows a git checkout that changes the task file', async () => {
    const cwd = session.folder.uri.fsPath;
    const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
    const branch = 'test/checkout-changes-plan';
    git('checkout', '-q', '-b', branch);
    try {
      fs.writeFileSync(
        session.taskFile!.fsPath,
        original.replace(/("taskC_log_redaction"[\s\S]*?"status": )"not_started"/, '$1"blocked"'),
      );
      git('commit', '-q', '-a', '-m', 'Block taskC');
      git('checkout', '-q', 'main');
      await waitFor(() => session.state?.text === original, 'the session reads main again');
      assert.notEqual(icon(taskNode(testing, 'taskC_log_redaction')), 'error');
      git('checkout', '-q', branch);
      await waitFor(
        () => icon(taskNode(testing, 'taskC_log_redaction')) === 'error',
        'the tree shows the branch state',
      );
    } finally {
      git('checkout', '-q', '-f', 'main');
      git('branch', '-q', '-D', branch);
    }
  });

  it('Set Status writes only the status (and last_updated), records it in the history, and the tree follows', async () => {
    const node = taskNode(testing, 'task3_streaming_rl');
    await vscode.commands.executeCommand('coordinator.setTaskStatus', node, 'in_progress');
    const after = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
    const before = original.split('\n');
    // The change is appended to the task's status_history (who, when, from what); set that block
    // aside, and the comma it gave the member before it, to check that nothing else moved.
    const written = after.split('\n');
    const historyAt = written.findIndex((l) => l.includes('"status_history": ['));
    const historyEnd = written.findIndex((l, i) => i > historyAt && /^\s*\]/.test(l));
    assert.ok(historyAt > 0 && historyEnd > historyAt, 'the status change is in the history');
    const lines = [...written.slice(0, historyAt), ...written.slice(historyEnd + 1)];
    if (!before[historyAt - 1]!.endsWith(',')) {
      lines[historyAt - 1] = lines[historyAt - 1]!.replace(/,$/, '');
    }
    assert.equal(lines.length, before.length);
    // The store also refreshes last_updated and the derived summary; nothing else may move.
    const summaryStart = before.findIndex((l) => l.includes('"summary": {'));
    const summaryEnd = before.findIndex((l, i) => i > summaryStart && l.trim().startsWith('}'));
    const changed = lines.flatMap((line, i) => (line === before[i] ? [] : [{ i, line }]));
    const outside = changed.filter(
      ({ i, line }) => !(i > summaryStart && i < summaryEnd) && !line.includes('"last_updated"'),
    );
    assert.deepEqual(
      outside.map(({ line }) => line.trim()),
      ['"status": "in_progress",'],
      `changed lines: ${JSON.stringify(changed)}`,
    );
    const taskStart = before.findIndex((l) => l.includes('"task3_streaming_rl"'));
    assert.ok(
      outside[0].i > taskStart && outside[0].i < taskStart + 8,
      'the status line of task3 changed',
    );
    assert.equal(
      (JSON.parse(after) as RawFile).tasks.top5.task3_streaming_rl.status,
      'in_progress',
    );
    assert.equal(icon(taskNode(testing, 'task3_streaming_rl')), 'pulse');
  });

  it('shows a broken file as an error row over the last good tree, and lists the error in Problems', async () => {
    const groupsBefore = testing.tasks.provider.getChildren().map(label);
    const broken = original.replace('"tasks": {', '"tasks": {{');
    await writeExternally(session, broken);
    const rows = testing.tasks.provider.getChildren();
    assert.equal(rows[0].kind, 'message');
    assert.match(label(rows[0]), /error/);
    assert.equal(item(rows[0]).command?.command, 'workbench.actions.view.problems');
    assert.deepEqual(rows.slice(1).map(label), groupsBefore);
    await waitFor(
      () =>
        vscode.languages.getDiagnostics(session.taskFile!).some((d) => d.source === 'coordinator'),
      'Problems lists the error',
    );
    const errors = vscode.languages
      .getDiagnostics(session.taskFile!)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const brokenLine = broken.slice(0, broken.indexOf('{{')).split('\n').length - 1;
    assert.ok(
      errors.some((d) => Math.abs(d.range.start.line - brokenLine) <= 1),
      `errors at ${errors.map((d) => d.range.start.line)}`,
    );
    assert.ok(testing.statusBar.backgroundColor instanceof vscode.ThemeColor);
  });

  it('lists a syntax error once while the file is open: the JSON language service reports it, not us', async () => {
    const broken = original.replace('"tasks": {', '"tasks": {{');
    await writeExternally(session, broken);
    const file = session.taskFile!;
    const ours = () =>
      vscode.languages
        .getDiagnostics(file)
        .filter((d) => d.source === 'coordinator' && d.code === 'json-syntax');
    await waitFor(() => ours().length > 0, 'a closed broken file gets our syntax error');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    try {
      assert.equal(document.languageId, 'json');
      await waitFor(
        () =>
          vscode.languages
            .getDiagnostics(file)
            .some(
              (d) => d.source !== 'coordinator' && d.severity === vscode.DiagnosticSeverity.Error,
            ),
        'the JSON language service reports the error',
        30_000,
      );
      assert.deepEqual(ours(), [], 'ours is dropped while the JSON language service validates');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('warns about a dependency that looks like a mistyped task key, with a quick fix', async () => {
    const typo = original.replace(
      /("cc3_circuit_review"[\s\S]*?)"taskB_circuit_breaker"/,
      '$1"taskB_circuit_breakr"',
    );
    assert.notEqual(typo, original);
    await writeExternally(session, typo);
    const file = session.taskFile!;
    const warning = () =>
      vscode.languages
        .getDiagnostics(file)
        .find((d) => d.source === 'coordinator' && d.code === 'unknown-dependency');
    await waitFor(() => warning() !== undefined, 'the mistyped key is a warning');
    assert.equal(warning()!.severity, vscode.DiagnosticSeverity.Warning);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    try {
      // A document opened earlier catches up with the file on disk on its own time.
      await waitFor(() => document.getText() === typo, 'the open document shows the file');
      const range = warning()!.range;
      assert.equal(document.getText(range), '"taskB_circuit_breakr"');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        file,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.title === 'Change to "taskB_circuit_breaker"');
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.ok(fix.isPreferred);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.getText(), original);
      await document.save();
      await waitFor(() => warning() === undefined, 'the warning goes once the key is right');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('Reveal in Task File selects the JSON of the task', async () => {
    await vscode.commands.executeCommand(
      'coordinator.revealTaskInFile',
      taskNode(testing, 'task5_soak_sentinel'),
    );
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, session.taskFile!.fsPath);
    const selected = JSON.parse(editor!.document.getText(editor!.selection)) as { id: string };
    assert.equal(selected.id, 'task5');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a click on a task opens its detail, which follows the task file', async () => {
    const key = 'task3_streaming_rl';
    const clicked = item(taskNode(testing, key)).command;
    assert.equal(clicked?.command, 'coordinator.openTask', 'a click (or Enter) runs Open Task');
    await vscode.commands.executeCommand(clicked.command, ...(clicked.arguments ?? []));
    const panel = testing.dashboard.taskPanel;
    await waitFor(() => panel.current?.task?.key === key, 'the detail shows the clicked task');
    const task = session.state!.model!.byKey.get(key)!;
    assert.equal(panel.current?.task?.name, task.name);
    assert.deepEqual(panel.current?.extras?.acceptance, task.acceptance);
    const activeTab = () => vscode.window.tabGroups.activeTabGroup.activeTab;
    await waitFor(
      () => activeTab()?.label === `Task: ${task.name}`,
      'the active tab is named after the task',
    );
    assert.ok(activeTab()?.input instanceof vscode.TabInputWebview, 'a webview tab');

    await vscode.commands.executeCommand(
      'coordinator.setTaskStatus',
      { taskKey: key },
      'in_progress',
    );
    await waitFor(
      () => panel.current?.task?.status === 'in_progress',
      'the detail follows the new status',
    );

    const other = item(taskNode(testing, 'task5_soak_sentinel')).command!;
    await vscode.commands.executeCommand(other.command, ...(other.arguments ?? []));
    await waitFor(
      () => panel.current?.task?.key === 'task5_soak_sentinel',
      'the same panel shows the next task',
    );
    const taskTabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((t) => t.label.startsWith('Task: '));
    assert.equal(taskTabs.length, 1, 'one task panel, reused');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('groups by owner and filters from the view title commands', async () => {
    await vscode.commands.executeCommand('coordinator.groupTasksByOwner');
    const owners = [
      ...new Set(Object.values(raw.tasks).flatMap((g) => Object.values(g).map((t) => t.owner))),
    ];
    assert.deepEqual(testing.tasks.provider.getChildren().map(label), owners);
    await vscode.commands.executeCommand('coordinator.groupTasksByGroup');
    await vscode.commands.executeCommand('coordinator.filterBlockedTasks');
    const waiting = Object.values(raw.tasks)
      .flatMap((g) => Object.values(g))
      .filter((t) => t.status === 'waiting');
    assert.deepEqual(
      allTaskNodes(testing).map((n) => n.task.name),
      waiting.map((t) => t.name),
    );
    assert.match(String(testing.tasks.view.message), /blocked/);
  });

  it('shows plan progress in the status bar and focuses the tree from it', () => {
    const tasks = Object.values(raw.tasks).flatMap((g) => Object.values(g));
    const done = tasks.filter((t) => t.status === 'completed').length;
    assert.equal(testing.statusBar.text, `$(checklist) ${done}/${tasks.length}`);
    assert.equal(testing.statusBar.command, 'coordinator.tasks.focus');
    const tooltip = (testing.statusBar.tooltip as vscode.MarkdownString).value;
    for (const task of tasks.filter((t) => t.status === 'in_progress' || t.status === 'waiting')) {
      assert.ok(
        tooltip
          .replace(/&nbsp;/g, ' ')
          .replace(/\\(.)/g, '$1')
          .includes(task.name),
        task.name,
      );
    }
  });
});
