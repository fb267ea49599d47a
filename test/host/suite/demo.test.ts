// The demo repository of `npm run demo` in a real VS Code: Start Task launches the stand-in agent
// (scripts/demo/demo-agent) in the task's terminal, and what it reports through `coord agent-state`
// reaches the task's row and the attention queue: working, needs input, then finished.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StartFlowOutcome } from '../../../src/features/worktrees/vscode/startTaskFlow';
import type { WorktreeUi } from '../../../src/features/worktrees/vscode/worktreeUi';
import { waitFor } from '../support/extension';
import { coordinator, sessionWithFile, taskNode } from './tasksSupport';

/** Answers no question and records every message, instead of a person. */
class SilentUi implements WorktreeUi {
  readonly messages: string[] = [];
  confirm(message: string) {
    this.messages.push(message);
    return Promise.resolve(undefined);
  }
  info(message: string) {
    this.messages.push(message);
    return Promise.resolve(undefined);
  }
  warn(message: string) {
    this.messages.push(message);
    return Promise.resolve(undefined);
  }
  error(message: string) {
    this.messages.push(message);
    return Promise.resolve(undefined);
  }
  openFolderInNewWindow() {
    return Promise.resolve();
  }
  pickMany<T extends vscode.QuickPickItem>(items: T[]) {
    return Promise.resolve(items.filter((item) => item.picked));
  }
}

describe('the demo: a started task runs the stand-in agent', function () {
  this.timeout(180_000);

  it('shows demo-agent working, needing input (in the queue) and finished on the task row', async () => {
    const testing = await coordinator();
    const session = await sessionWithFile(testing);
    const key = 'taskA_idempotency';
    const task = session.state!.model!.tasks.find((t) => t.key === key)!;
    const ui = new SilentUi();
    testing.worktreeUi.answerWith(ui);
    const states: string[] = [];
    const description = () => {
      const text = String(testing.tasks.provider.getTreeItem(taskNode(testing, key)).description);
      if (states.at(-1) !== text) {
        states.push(text);
      }
      return text;
    };
    try {
      const outcome = await vscode.commands.executeCommand<StartFlowOutcome | undefined>(
        'coordinator.startTaskInWorktree',
        { taskKey: key },
      );
      assert.ok(outcome, `the start ran (${ui.messages.join(' | ')})`);
      assert.equal(outcome.result.outcome, 'created');
      assert.ok(outcome.agentLaunched, 'the owner (Codex) has an agent command: demo-agent');
      assert.ok(outcome.terminal, 'the agent terminal opened');

      await waitFor(
        () => description().includes('agent working'),
        'the row shows demo-agent working',
        60_000,
      );
      await waitFor(
        () => description().includes('needs input: Add the new check'),
        `the row shows demo-agent's question (it shows "${description()}")`,
        60_000,
      );
      const attention = testing.attention;
      await waitFor(
        () =>
          attention.queue.items.some(
            (entry) => entry.item.taskKey === key && entry.item.kind === 'agentNeedsInput',
          ),
        'the attention queue holds the question',
      );
      const waiting = attention.queue.items.find((entry) => entry.item.taskKey === key)!;
      assert.equal(waiting.item.target.kind, 'terminal', 'the queue item leads to the terminal');
      const tooltip = (
        testing.tasks.provider.getTreeItem(taskNode(testing, key)).tooltip as vscode.MarkdownString
      ).value
        .replace(/\\/g, '')
        .replace(/&nbsp;/g, ' ');
      assert.match(tooltip, /demo-agent: needs input/);

      // A person answers in the agent's terminal.
      const agentEnded = new Promise<number | undefined>((resolve) => {
        const listener = vscode.window.onDidEndTerminalShellExecution((event) => {
          if (event.terminal === outcome.terminal) {
            listener.dispose();
            resolve(event.exitCode);
          }
        });
      });
      outcome.terminal.sendText('y', true);
      await waitFor(
        () => description().includes('agent finished'),
        `the row shows the agent finished (it shows "${description()}")`,
        60_000,
      );
      await waitFor(
        () =>
          attention.queue.items.some(
            (entry) => entry.item.taskKey === key && entry.item.kind === 'agentFinished',
          ),
        'the queue holds the finished work to review',
      );
      const finished = attention.queue.items.find(
        (entry) => entry.item.taskKey === key && entry.item.kind === 'agentFinished',
      )!;
      assert.match(finished.item.title, /^demo-agent on taskA_idempotency finished/);
      // The agent's command then ends with 0: its own report, in its own words, stays.
      assert.equal(await agentEnded, 0);
      const stateFile = path.join(
        path.dirname(session.taskFile!.fsPath),
        '..',
        '..',
        '.git',
        'coordinator',
        'agents',
        `${key}.json`,
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const record = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
      assert.deepEqual(
        [record.state, record.agent, record.message],
        ['finished', 'demo-agent', 'Done: notes written; ready for review'],
      );
      const notes = path.join(outcome.result.path, 'docs', 'agent-notes', `${task.id}.md`);
      assert.match(fs.readFileSync(notes, 'utf8'), /: y$/m, 'the answer reached the agent');
      assert.ok(
        !ui.messages.some((m) => /not found|could not start/.test(m)),
        ui.messages.join(' | '),
      );
      console.log(`      ${key} row: ${states.join(' → ')}`);
      // Its shell stays open at a prompt: closed, so nothing later types into it by mistake.
      outcome.terminal.dispose();
    } finally {
      testing.worktreeUi.reset();
    }
  });
});
