// Notifications that matter, in the real host: a task becoming ready when its last dependency is
// completed, and a task's agent terminal ending. Each one offers to show the task.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import { waitFor } from '../support/extension';
import { coordinator, restore, sessionWithFile } from './tasksSupport';

type Shown = { kind: 'information' | 'warning'; message: string; actions: string[] };

/** Records the messages the extension shows and answers each with `answer`; restores on dispose. */
function recordMessages(answer: string | undefined): { shown: Shown[]; dispose(): void } {
  const window = vscode.window as { showInformationMessage: unknown; showWarningMessage: unknown };
  const original = {
    information: window.showInformationMessage,
    warning: window.showWarningMessage,
  };
  const shown: Shown[] = [];
  const recorder =
    (kind: Shown['kind']) =>
    (message: string, ...actions: unknown[]) => {
      shown.push({
        kind,
        message,
        actions: actions.filter((a): a is string => typeof a === 'string'),
      });
      return Promise.resolve(answer);
    };
  window.showInformationMessage = recorder('information');
  window.showWarningMessage = recorder('warning');
  return {
    shown,
    dispose: () => {
      window.showInformationMessage = original.information;
      window.showWarningMessage = original.warning;
    },
  };
}

describe('notifications', function () {
  this.timeout(60_000);
  let testing: Awaited<ReturnType<typeof coordinator>>;
  let session: FolderSession;
  let original: string;

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
    original = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
  });

  afterEach(async () => {
    await restore(session, original);
  });

  /** The task an agent terminal is opened for: one in progress, else the first. */
  const agentTask = () =>
    session.state!.model!.tasks.find((t) => t.status === 'in_progress') ??
    session.state!.model!.tasks[0]!;

  /** An agent terminal for the task whose process exits with `code`, once it has ended. */
  async function agentEndingWith(taskKey: string, code: number): Promise<vscode.Terminal> {
    const terminal = vscode.window.createTerminal({
      name: `agent exiting ${code}`,
      cwd: session.folder.uri,
      shellPath: '/bin/sh',
      shellArgs: ['-c', `exit ${code}`],
      env: { COORDINATOR_TASK_KEY: taskKey, COORD_AGENT_KIND: 'other' },
    });
    await waitFor(() => terminal.exitStatus !== undefined, 'the agent process ends', 30_000);
    return terminal;
  }

  it('says a task can start when the last task it waited for is completed, and offers to start or show it', async () => {
    const { model, graph } = loadTaskFile(original);
    // A waiting task with exactly one task dependency left to complete.
    const candidate = model!.tasks
      .filter(
        (task) =>
          task.status === 'not_started' || task.status === 'waiting' || task.status === 'blocked',
      )
      .map((task) => {
        const open = (graph!.dependencies.get(task.key) ?? []).flatMap((ref) =>
          ref.taskKey && model!.byKey.get(ref.taskKey)?.status !== 'completed' ? [ref.taskKey] : [],
        );
        return { task, open };
      })
      .find(({ open }) => open.length === 1);
    assert.ok(candidate, 'the fixture has a task waiting on one last dependency');
    const last = model!.byKey.get(candidate.open[0])!;
    const messages = recordMessages('Show Task');
    try {
      await session.apply({ kind: 'setStatus', taskKey: last.key, status: 'completed' });
      await waitFor(
        () =>
          messages.shown.some((m) => m.message.startsWith(`"${candidate.task.name}" can start`)),
        'the ready notification',
      );
      const ready = messages.shown.find((m) =>
        m.message.startsWith(`"${candidate.task.name}" can start`),
      )!;
      assert.equal(
        ready.message,
        `"${candidate.task.name}" can start: "${last.name}", the last task it waited for, is completed.`,
      );
      assert.deepEqual(ready.actions, ['Start in Worktree', 'Show Task']);
      // "Show Task" selects it in the Tasks view.
      await waitFor(
        () =>
          testing.tasks.view.selection.some(
            (node) => node.kind === 'task' && node.task.key === candidate.task.key,
          ),
        'the task is selected in the Tasks view',
      );
    } finally {
      messages.dispose();
    }
  });

  it('says when a task agent terminal ends with a failure, naming the task and the exit code', async () => {
    const task = agentTask();
    const messages = recordMessages(undefined);
    try {
      const terminal = await agentEndingWith(task.key, 3);
      await waitFor(
        () => messages.shown.some((m) => m.message.includes(task.name)),
        'the agent exit notification',
      );
      const exit = messages.shown.find((m) => m.message.includes(task.name))!;
      assert.deepEqual(exit, {
        kind: 'warning',
        message: `The agent terminal for "${task.name}" failed (exit code 3).`,
        actions: ['Show Task'],
      });
      // The agent state records the failure with its exit code (a terminal Start Task opened for an agent).
      const stateFile = path.join(
        execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
          cwd: session.folder.uri.fsPath,
          encoding: 'utf8',
        }).trim(),
        'coordinator',
        'agents',
        `${task.key}.json`,
      );
      await waitFor(
        () =>
          fs.existsSync(stateFile) &&
          (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { state: string }).state === 'failed',
        'the failed agent state',
      );
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
        exitCode: number;
        agent: string;
      };
      assert.deepEqual([state.exitCode, state.agent], [3, 'agent']);
      terminal.dispose();

      // An agent that is not installed, run through shell integration as Start Task runs it:
      // the shell's 127 for a known command points at the setting.
      messages.shown.length = 0;
      const shell = vscode.window.createTerminal({
        name: 'missing agent',
        cwd: session.folder.uri,
        env: { COORDINATOR_TASK_KEY: task.key },
      });
      await waitFor(
        () => shell.shellIntegration !== undefined,
        'shell integration in the agent terminal',
        30_000,
      );
      shell.shellIntegration!.executeCommand('coordinator-missing-agent --brief TASK_BRIEF.md');
      await waitFor(
        () => messages.shown.some((m) => m.message.includes(task.name)),
        'the missing-agent notification',
        30_000,
      );
      const notFound = messages.shown.find((m) => m.message.includes(task.name))!;
      assert.equal(
        notFound.message,
        `\`coordinator-missing-agent\` for "${task.name}" could not start: the command was not found (exit code 127). Install the agent, or change its command line in the coordinator.agents setting.`,
      );
      assert.deepEqual(notFound.actions, ['Show Task', 'Open Agent Settings']);
      shell.dispose();
    } finally {
      messages.dispose();
    }
  });

  it('says once that an agent finished: the attention notice, not a second one for the exit', async () => {
    const task = agentTask();
    const messages = recordMessages(undefined);
    try {
      const terminal = await agentEndingWith(task.key, 0);
      await waitFor(
        () => messages.shown.some((m) => m.message.includes(`on ${task.key} finished`)),
        'the finished notice',
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const about = messages.shown.filter(
        (m) => m.message.includes(task.key) || m.message.includes(task.name),
      );
      assert.deepEqual(
        about.map((m) => m.message),
        [`agent on ${task.key} finished: review its work`],
      );
      terminal.dispose();
    } finally {
      messages.dispose();
    }
  });
});
