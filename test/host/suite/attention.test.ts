// Live agent state and the attention queue in a real VS Code: a stand-in agent reports through
// the real CLI (`node dist/cli.js agent-state ...`, what agent hooks run), and the state shows on
// the task's row, in the status bar and in the Needs Attention queue. The plan tools are invoked
// as VS Code's agent mode would, through `vscode.lm.invokeTool`, where this VS Code has the API.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { Task } from '../../../src/kernel/model/types';
import { LanguageModelTools } from '../../../src/features/common/vscode/constants';
import { coordinatorExtension, waitFor } from '../support/extension';
import { coordinator, readRaw, sessionWithFile, taskNode } from './tasksSupport';

const run = promisify(execFile);

describe('live agent state and the attention queue', function () {
  this.timeout(120_000);

  async function agentState(cwd: string, args: string[]): Promise<void> {
    const cli = path.join(coordinatorExtension().extensionPath, 'dist', 'cli.js');
    await run(process.execPath, [cli, 'agent-state', ...args], {
      cwd,
      env: { ...process.env, COORD_AGENT: 'Stand-in Agent' },
    });
  }

  it('shows a state reported by the CLI on the task row, in the status bar and in the queue', async () => {
    const testing = await coordinator();
    const session = await sessionWithFile(testing);
    const folder = session.folder.uri.fsPath;
    const model = session.state!.model!;
    // A task under way whose branch is its own, so its worktree row is that task's.
    const task: Task =
      model.tasks.find(
        (t) =>
          t.status === 'in_progress' &&
          t.branch &&
          model.tasks.filter((other) => other.branch === t.branch).length === 1,
      ) ?? model.tasks[0]!;
    const rowOf = () => testing.tasks.provider.getTreeItem(taskNode(testing, task.key));

    const started = Date.now();
    await agentState(folder, [task.key, 'needs_input', '--message', 'Approve the migration?']);
    const written = Date.now();
    await waitFor(
      () => String(rowOf().description ?? '').includes('needs input: Approve the migration?'),
      `the row of ${task.key} shows that its agent needs input`,
    );
    console.log(
      `      agent-state to tree: ${Date.now() - written} ms after the CLI exited (${Date.now() - started} ms with the CLI)`,
    );
    const row = rowOf();
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'bell-dot');
    const tooltip = (row.tooltip as vscode.MarkdownString).value
      .replace(/&nbsp;/g, ' ')
      .replace(/\\/g, '');
    assert.match(tooltip, /\*\*Agent\*\* Stand-in Agent: needs input: Approve the migration\?/);
    const attention = testing.attention;
    await waitFor(
      () => attention.statusBar.text === '$(bell) 1 need input',
      `the status bar says one agent needs input (it says "${attention.statusBar.text}")`,
    );
    const waiting = attention.queue.items.find((entry) => entry.item.taskKey === task.key);
    assert.equal(waiting?.item.kind, 'agentNeedsInput');
    assert.equal(waiting?.item.detail, 'Approve the migration?');
    assert.equal(waiting?.item.target.kind, 'terminal');
    assert.equal(attention.view.badge?.value, attention.queue.items.length);
    const extras = await testing.dashboard.dataSources.collect(session.folder);
    assert.deepEqual(
      extras.attention?.find((item) => item.taskKey === task.key),
      {
        id: waiting?.item.id,
        kind: 'agentNeedsInput',
        title: `Stand-in Agent on ${task.key} needs input`,
        detail: 'Approve the migration?',
        taskKey: task.key,
        since: waiting?.item.since,
      },
      'the dashboard gets the same queue for its top section',
    );

    await agentState(folder, [task.key, 'finished']);
    await waitFor(
      () => String(rowOf().description ?? '').includes('agent finished'),
      'the row shows the agent finished',
    );
    await waitFor(
      () =>
        attention.queue.items.some(
          (entry) => entry.item.taskKey === task.key && entry.item.kind === 'agentFinished',
        ) && !attention.statusBar.text.includes('need input'),
      'the queue holds the finished work to review, and nobody waits for input',
    );
    assert.equal((rowOf().iconPath as vscode.ThemeIcon).id, 'pass-filled');

    await agentState(folder, [task.key, 'failed', '--exit-code', '3']);
    await waitFor(
      () => String(rowOf().description ?? '').includes('agent failed (exit 3)'),
      'the row shows the exit code of the failed agent',
    );
    if (task.branch) {
      // The task's worktree row shows the same state.
      const worktree = path.join(path.dirname(folder), `attention-${task.id}`);
      await run('git', ['worktree', 'add', '-q', '-b', task.branch, worktree], { cwd: folder });
      const provider = testing.worktrees.provider;
      let described = '';
      await waitFor(async () => {
        await provider.refresh();
        const nodes = await provider.worktreeNodes();
        const node = nodes.find((n) => n.info.taskKey === task.key);
        described = node
          ? String(provider.getTreeItem(node).description ?? '')
          : `no row: ${nodes.map((n) => `${n.info.branch}=${n.info.taskKey}`).join(', ')}`;
        return described.includes('agent failed (exit 3)');
      }, 'the worktree row shows the state').catch(() =>
        assert.fail(
          `the worktree row of ${task.key} shows its agent's state; it shows "${described}"`,
        ),
      );
    }
    const stateFile = path.join(folder, '.git', 'coordinator', 'agents', `${task.key}.json`);
    assert.ok(fs.existsSync(stateFile), 'the state is kept in the git common dir');
    fs.rmSync(stateFile);
    await waitFor(
      () => !attention.queue.items.some((entry) => entry.item.taskKey === task.key),
      'a removed report leaves the queue',
    );
  });

  it("notifies once per needs-input event, and Focus Terminal shows that agent's terminal", async () => {
    const testing = await coordinator();
    const session = await sessionWithFile(testing);
    const folder = session.folder.uri.fsPath;
    const open = session.state!.model!.tasks.filter((t) => t.status !== 'completed');
    const [task, other] = [open.at(-1)!, open.at(-2)!];
    const window = vscode.window as {
      showInformationMessage: unknown;
      showWarningMessage: unknown;
    };
    const original = {
      information: window.showInformationMessage,
      warning: window.showWarningMessage,
    };
    const shown: { kind: string; message: string; actions: string[] }[] = [];
    const recorder =
      (kind: string) =>
      (message: string, ...actions: unknown[]) => {
        shown.push({
          kind,
          message,
          actions: actions.filter((a): a is string => typeof a === 'string'),
        });
        return Promise.resolve(message.includes(` on ${task.key} `) ? 'Focus Terminal' : undefined);
      };
    window.showInformationMessage = recorder('information');
    window.showWarningMessage = recorder('warning');
    const agentTerminal = vscode.window.createTerminal({
      name: `agent of ${task.key}`,
      cwd: session.folder.uri,
      shellPath: '/bin/sh',
      shellArgs: ['-c', 'sleep 600'],
      env: { COORDINATOR_TASK_KEY: task.key },
    });
    const elsewhere = vscode.window.createTerminal({ name: 'somewhere else', cwd: folder });
    const stateFiles = [task, other].map((t) =>
      path.join(folder, '.git', 'coordinator', 'agents', `${t.key}.json`),
    );
    const aboutTask = () => shown.filter((m) => m.message.includes(` on ${task.key} `));
    try {
      elsewhere.show();
      await waitFor(() => vscode.window.activeTerminal === elsewhere, 'another terminal in front');
      await agentState(folder, [task.key, 'needs_input', '--message', 'Which database?']);
      await waitFor(() => aboutTask().length > 0, 'the needs-input notification');
      assert.deepEqual(aboutTask(), [
        {
          kind: 'warning',
          message: `Stand-in Agent on ${task.key} needs input: Which database?`,
          actions: ['Focus Terminal'],
        },
      ]);
      await waitFor(
        () => vscode.window.activeTerminal === agentTerminal,
        "Focus Terminal brings the agent's terminal to the front",
      );

      // Another agent's event changes the queue; the first event is not announced again.
      await agentState(folder, [other.key, 'needs_input', '--message', 'Proceed?']);
      await waitFor(
        () => shown.some((m) => m.message.includes(` on ${other.key} `)),
        "the other agent's notification",
      );
      const otherNote = shown.find((m) => m.message.includes(` on ${other.key} `))!;
      assert.deepEqual(otherNote.actions, ['Show Task'], 'no terminal open for it: Show Task');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.equal(aboutTask().length, 1, 'one notification per event');

      // A new question from the same agent is a new event.
      await agentState(folder, [task.key, 'needs_input', '--message', 'Drop the table?']);
      await waitFor(() => aboutTask().length === 2, 'the second needs-input notification');
      assert.equal(
        aboutTask()[1]!.message,
        `Stand-in Agent on ${task.key} needs input: Drop the table?`,
      );
    } finally {
      window.showInformationMessage = original.information;
      window.showWarningMessage = original.warning;
      agentTerminal.dispose();
      elsewhere.dispose();
      stateFiles.forEach((file) => fs.rmSync(file, { force: true }));
    }
  });

  it('serves the plan tools through vscode.lm.invokeTool where VS Code has the API', async function () {
    const testing = await coordinator();
    const lm = vscode.lm as Partial<typeof vscode.lm>;
    const hasApi = typeof lm.registerTool === 'function';
    assert.equal(testing.languageModelTools.registered, hasApi, `VS Code ${vscode.version}`);
    console.log(`      VS Code ${vscode.version}: language model tools registered: ${hasApi}`);
    if (!hasApi || typeof lm.invokeTool !== 'function') {
      this.skip();
    }
    const session = await sessionWithFile(testing);
    const names = vscode.lm.tools.map((tool) => tool.name);
    for (const name of Object.values(LanguageModelTools)) {
      assert.ok(names.includes(name), `${name} is listed in vscode.lm.tools`);
    }
    const text = (result: vscode.LanguageModelToolResult) =>
      result.content
        .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
        .join('');

    const overview = JSON.parse(
      text(
        await vscode.lm.invokeTool(LanguageModelTools.overview, {
          input: {},
          toolInvocationToken: undefined,
        }),
      ),
    ) as { file: string };
    assert.equal(overview.file, session.taskFile!.fsPath);

    const model = session.state!.model!;
    const task = model.tasks.find((t) => t.status !== 'completed') ?? model.tasks[0]!;
    const shown = JSON.parse(
      text(
        await vscode.lm.invokeTool(LanguageModelTools.showTask, {
          input: { task: task.key },
          toolInvocationToken: undefined,
        }),
      ),
    ) as { key: string; name: string };
    assert.deepEqual([shown.key, shown.name], [task.key, task.name]);

    const note = `Noted by the language model tool at ${Date.now()}`;
    const updated = text(
      await vscode.lm.invokeTool(LanguageModelTools.updateTask, {
        input: { task: task.key, note },
        toolInvocationToken: undefined,
      }),
    );
    assert.match(updated, new RegExp(note));
    const raw = readRaw(session.taskFile!) as unknown as {
      tasks: Record<string, Record<string, { notes?: string[] | string }>>;
    };
    const written = Object.values(raw.tasks)
      .flatMap((group) => Object.entries(group))
      .find(([key]) => key === task.key)?.[1];
    assert.ok(JSON.stringify(written?.notes ?? '').includes(note), 'the note is in the task file');

    const refused = text(
      await vscode.lm.invokeTool(LanguageModelTools.updateTask, {
        input: { task: 'no_such_task', note: 'x' },
        toolInvocationToken: undefined,
      }),
    );
    assert.equal(refused, 'No task "no_such_task" in the task file.');
  });
});
