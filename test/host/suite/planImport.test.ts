// Import Markdown Plan in a real VS Code: the summary it asks about, the one write, the tree after.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import { waitFor, type CoordinatorApi } from '../support/extension';
import { answerModals } from '../support/modals';
import { allTaskNodes, coordinator, readRaw, sessionWithFile } from './tasksSupport';

const SPRINT_PLAN = [
  '# Next sprint',
  '',
  '### Hardening',
  '',
  '| # | Task | Owner | Files |',
  '|---|------|-------|-------|',
  '| 2 | Golden Token Kit + Policy Fixtures | Codex + Copilot | `tests/fixtures/tokens.py` |',
  '| H-1 | Release notes for the sprint | Claude Code | `docs/release.md` |',
  '| H-2 | this row has | too few cells |',
  '',
].join('\n');

describe('Import Markdown Plan', function () {
  this.timeout(120_000);
  let testing: CoordinatorApi['testing'];
  let session: FolderSession;
  let source: vscode.Uri;

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
    source = vscode.Uri.file(path.join(session.folder.uri.fsPath, 'docs', 'plans', 'sprint.md'));
    fs.writeFileSync(source.fsPath, SPRINT_PLAN);
  });

  const importFrom = async (answer: string | undefined) => {
    const modals = answerModals(() => answer);
    try {
      await vscode.commands.executeCommand('coordinator.importMarkdownPlan', source);
    } finally {
      modals.restore();
    }
    return modals.asked;
  };

  it('asks once with what it matched, added and could not read, and writes nothing when dismissed', async () => {
    const before = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
    const asked = await importFrom(undefined);
    assert.equal(asked.length, 1);
    assert.match(
      asked[0]!.message,
      /^Import\? docs\/plans\/sprint\.md: 2 tasks: 1 matched, 1 new, 0 ambiguous \(left alone\); \d+ changes\. 1 line not read \(see the Coordinator output\)\.$/,
    );
    assert.deepEqual(asked[0]!.buttons, ['Import']);
    assert.equal(fs.readFileSync(session.taskFile!.fsPath, 'utf8'), before);
  });

  it('imports on Import: the matched task gains the files, the new row is a task the tree shows', async () => {
    const statusBefore = readRaw(session.taskFile!).tasks.top5!.task2_golden_tokens!.status;
    await importFrom('Import');
    const raw = readRaw(session.taskFile!) as unknown as {
      tasks: Record<string, Record<string, { status: string; files?: string[]; owner?: string }>>;
    };
    const task2 = raw.tasks.top5!.task2_golden_tokens!;
    assert.deepEqual(task2.files, ['tests/fixtures/tokens.py']);
    assert.equal(task2.status, statusBefore, 'the import keeps the status');
    const added = Object.values(raw.tasks).flatMap((group) =>
      Object.entries(group).filter(
        ([, task]) => task.owner === 'Claude Code' && task.files?.[0] === 'docs/release.md',
      ),
    );
    assert.equal(added.length, 1, 'the new row became one task');
    const [key] = added[0]!;
    await waitFor(
      () => allTaskNodes(testing).some((node) => node.task.key === key),
      'the tree shows the imported task',
    );
  });

  it('says there is nothing to import when the plan already holds it, without asking', async () => {
    const before = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
    const asked = await importFrom('Import');
    assert.deepEqual(asked, []);
    assert.equal(fs.readFileSync(session.taskFile!.fsPath, 'utf8'), before);
  });
});
