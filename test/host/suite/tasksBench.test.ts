// Figures for scripts/bench/tree.bench.ts --host: a 10,000-task file loaded by the real extension.
// Runs only in the bench's workspace (which holds bench/tasks_10k.json); records, never asserts on time.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { waitFor } from '../support/extension';
import { recordMetric } from '../support/metrics';
import { coordinator } from './tasksSupport';

const BENCH_FILE = 'bench/tasks_10k.json';
const MB = 1024 * 1024;
const ROUNDS = 5;

function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function settledHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage().heapUsed;
}

describe('tasks bench in the extension host', () => {
  it('@bench loads a 10k-task file and builds the whole tree through the real provider', async function () {
    this.timeout(240_000);
    const folder = vscode.workspace.workspaceFolders![0];
    if (!fs.existsSync(path.join(folder.uri.fsPath, BENCH_FILE))) {
      this.skip();
    }
    const testing = await coordinator();
    const gc = collectGarbage();
    const before = await settledHeap(gc);

    const started = performance.now();
    await vscode.workspace
      .getConfiguration('coordinator', folder.uri)
      .update('taskFile', BENCH_FILE, vscode.ConfigurationTarget.WorkspaceFolder);
    const session = testing.services.sessions.sessionFor(folder.uri)!;
    await waitFor(
      () => (session.state?.model?.tasks.length ?? 0) > 0,
      'the 10k file is read',
      180_000,
    );
    recordMetric('tasks10kLoadMs', performance.now() - started);

    const provider = testing.tasks.provider;
    let rows: ReturnType<typeof provider.getChildren> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const childrenStarted = performance.now();
      rows = provider.getChildren().flatMap((group) => provider.getChildren(group));
      recordMetric('tasks10kProviderChildrenMs', performance.now() - childrenStarted);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const itemsStarted = performance.now();
      for (const row of rows) {
        provider.getTreeItem(row);
      }
      recordMetric('tasks10kProviderItemsMs', performance.now() - itemsStarted);
    }

    assert.equal(rows.length, session.state!.model!.tasks.length);
    const after = await settledHeap(gc);
    recordMetric('tasks10kHeapGrowthMB', (after - before) / MB);
  });
});
