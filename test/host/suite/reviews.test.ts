// Request Review in a real VS Code: from a task row's context menu and from the palette with a
// task pick, through the use case `coord review --request` and the MCP tool share, so the plan
// records the same request and a task that needs no review is refused with the same words.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import { coordinatorExtension, waitFor } from '../support/extension';
import { coordinator, restore, sessionWithFile, taskNode } from './tasksSupport';

const run = promisify(execFile);

interface RawRequest {
  by: string;
  at: string;
  host?: string;
  note?: string;
  commit?: string;
}

type Shown = { kind: 'information' | 'error'; message: string };
type Picked = { placeHolder?: string; labels: string[] };

/**
 * Stands in for the person at the palette: picks the item whose task is `taskKey`, types `note`
 * into the input box, and records the messages shown. Restores the window functions on dispose.
 */
function personAnswering(taskKey: string, note: string) {
  const window = vscode.window as unknown as Record<string, unknown>;
  const names = ['showQuickPick', 'showInputBox', 'showInformationMessage', 'showErrorMessage'];
  const original = Object.fromEntries(names.map((name) => [name, window[name]]));
  const shown: Shown[] = [];
  const picks: Picked[] = [];
  const inputs: string[] = [];
  window.showQuickPick = async (
    items: readonly { label: string; task?: { key: string } }[] | Thenable<readonly never[]>,
    options?: vscode.QuickPickOptions,
  ) => {
    const list = await items;
    picks.push({ placeHolder: options?.placeHolder, labels: list.map((item) => item.label) });
    return list.find((item) => item.task?.key === taskKey);
  };
  window.showInputBox = (options?: vscode.InputBoxOptions) => {
    inputs.push(options?.title ?? '');
    return Promise.resolve(note);
  };
  window.showInformationMessage = (message: string) => {
    shown.push({ kind: 'information', message });
    return Promise.resolve(undefined);
  };
  window.showErrorMessage = (message: string) => {
    shown.push({ kind: 'error', message });
    return Promise.resolve(undefined);
  };
  return {
    shown,
    picks,
    inputs,
    dispose: () => names.forEach((name) => (window[name] = original[name])),
  };
}

function requestsOf(session: FolderSession, taskKey: string): RawRequest[] {
  const raw = JSON.parse(fs.readFileSync(session.taskFile!.fsPath, 'utf8')) as {
    tasks: Record<string, Record<string, { review_requests?: RawRequest[] }>>;
  };
  const task = Object.values(raw.tasks).find((group) => group[taskKey])?.[taskKey];
  return task?.review_requests ?? [];
}

describe('Request Review', function () {
  this.timeout(120_000);
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

  it("is on a task row's context menu and records the request of a critical-review task", async () => {
    const manifest = coordinatorExtension().packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const entry = manifest.contributes.menus['view/item/context'].find(
      (item) => item.command === 'coordinator.requestReview',
    );
    assert.ok(entry?.when, 'Request Review is on the Tasks view context menu');
    const critical = session.state!.model!.tasks.find((task) => task.criticalReview)!;
    assert.ok(critical, 'the fixture has a critical-review task');
    const node = taskNode(testing, critical.key);
    const contextValue = String(testing.tasks.provider.getTreeItem(node).contextValue);
    const viewItem = /viewItem =~ \/(.*)\/$/.exec(entry.when)?.[1];
    assert.ok(viewItem && new RegExp(viewItem).test(contextValue), `shown on ${contextValue}`);

    // The review queue holds tasks under way.
    await session.apply({ kind: 'setStatus', taskKey: critical.key, status: 'in_progress' });
    const person = personAnswering(critical.key, 'unused');
    try {
      await vscode.commands.executeCommand(
        'coordinator.requestReview',
        node,
        'Look at the token schema',
      );
      const requests = requestsOf(session, critical.key);
      assert.equal(requests.length, 1, 'one request is recorded on the task');
      const [request] = requests;
      assert.equal(request!.host, 'editor');
      assert.equal(request!.note, 'Look at the token schema');
      assert.ok(!Number.isNaN(Date.parse(request!.at)), `a time: ${request!.at}`);
      assert.deepEqual(person.inputs, [], 'a note given as an argument is not asked for');
      assert.deepEqual(person.shown, [
        {
          kind: 'information',
          message: `${request!.by} asked for the review of "${critical.name}": waiting for ${critical.reviewer ?? 'a reviewer who did not do the work'}.`,
        },
      ]);
      // The review watch (tree, dashboard, attention queue) counts the wait from the request on.
      await waitFor(
        () =>
          testing.reviews
            .reviewsOf(session, critical.key)
            .some((review) => review.requestedAt === request!.at),
        'the awaited review counts from the request',
      );
    } finally {
      person.dispose();
    }
  });

  it('asks from the palette which task and what to look at, and refuses, as coord does, a task that needs no review', async () => {
    const model = session.state!.model!;
    const critical = model.tasks.filter((task) => task.criticalReview).at(-1)!;
    const person = personAnswering(critical.key, 'Check the breaker thresholds');
    try {
      await vscode.commands.executeCommand('coordinator.requestReview');
      assert.equal(person.picks.length, 1, 'one task pick');
      assert.equal(person.picks[0]!.placeHolder, 'Request a review of which task?');
      assert.equal(person.picks[0]!.labels.length, model.tasks.length, 'every task is offered');
      assert.deepEqual(person.inputs, [`Request a review of "${critical.name}"`]);
      const requests = requestsOf(session, critical.key);
      assert.deepEqual(
        requests.map((r) => [r.host, r.note]),
        [['editor', 'Check the breaker thresholds']],
      );
    } finally {
      person.dispose();
    }

    // No critical_review, no review rules in this plan: nothing to ask for.
    const plain = model.tasks.find((task) => !task.criticalReview)!;
    const refused = personAnswering(plain.key, '');
    try {
      await vscode.commands.executeCommand('coordinator.requestReview');
      assert.equal(refused.shown.length, 1, JSON.stringify(refused.shown));
      const shown = refused.shown[0]!;
      assert.equal(shown.kind, 'error');
      assert.deepEqual(requestsOf(session, plain.key), [], 'nothing is written');
      const folder = session.folder.uri.fsPath;
      const cli = path.join(coordinatorExtension().extensionPath, 'dist', 'cli.js');
      const coord = await run(process.execPath, [cli, 'review', plain.key, '--request'], {
        cwd: folder,
      }).then(
        () => assert.fail('coord review --request succeeds on a task that needs no review'),
        (error: { stderr: string; code: number }) => error,
      );
      assert.equal(coord.code, 1);
      const reason = coord.stderr.replace(/^coord: /, '').trim();
      assert.match(reason, new RegExp(`^${plain.key} needs no review`));
      assert.equal(shown.message, `Could not request a review of "${plain.name}": ${reason}`);
    } finally {
      refused.dispose();
    }
  });
});
