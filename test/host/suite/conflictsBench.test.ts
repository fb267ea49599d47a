// Figures for scripts/bench/conflicts.bench.ts --host: how long a change takes to reach the conflict
// marks of a real VS Code without a refresh: a worktree file edited outside the editor, and a
// branch moved by git, each after a quiet moment. The baseline is one forecast run in the same
// host. Records, never asserts on time.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { forecastConflicts } from '../../../src/features/conflicts/forecast';
import { waitFor } from '../support/extension';
import { recordMetric } from '../support/metrics';
import { coordinator, sessionWithFile, taskNode } from './tasksSupport';

const ROUNDS = 5;
/** Longer than the radar's least gap between runs, so each change is measured as an isolated one. */
const APART_MS = 1200;
const pause = () => new Promise((resolve) => setTimeout(resolve, APART_MS));

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('conflict radar bench in the extension host', () => {
  it('@bench measures change to conflict marks', async function () {
    this.timeout(600_000);
    const testing = await coordinator();
    const session = await sessionWithFile(testing);
    const repo = session.folder.uri.fsPath;
    const file = path.join(path.dirname(repo), 'Radar-two', 'third.txt');
    const conflicting = fs.readFileSync(file, 'utf8');
    const worktreeMark = async () => {
      const node = (await testing.worktrees.provider.worktreeNodes()).find(
        (n) => n.info.branch === 'spike/two',
      );
      return node ? String(testing.worktrees.provider.getTreeItem(node).description ?? '') : '';
    };
    const taskMark = () =>
      String(testing.tasks.provider.getTreeItem(taskNode(testing, 'task_left')).description ?? '');
    await waitFor(
      async () => (await worktreeMark()).includes('conflicts with'),
      'first forecast',
      60_000,
    );
    const right = git(repo, ['rev-parse', 'feat/right']);
    const base = git(repo, ['rev-parse', 'main']);
    // feat/right moved to a commit that leaves shared.txt alone: no conflict with task_left.
    const apart = git(repo, ['commit-tree', `${base}^{tree}`, '-p', base, '-m', 'apart']);
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await forecastConflicts({ folder: repo, model: session.state?.model });
      recordMetric('conflicts.forecastMs', performance.now() - started);
      for (const [text, marked] of [
        [conflicting.replace('two two', 'line 2'), false],
        [conflicting, true],
      ] as const) {
        await pause();
        const changed = performance.now();
        fs.writeFileSync(file, text);
        await waitFor(
          async () => (await worktreeMark()).includes('conflicts with') === marked,
          `round ${round}: the worktree edit reaches the row`,
          60_000,
        );
        recordMetric('conflicts.fileToMarkMs', performance.now() - changed);
      }
      for (const [commit, marked] of [
        [apart, false],
        [right, true],
      ] as const) {
        await pause();
        const changed = performance.now();
        git(repo, ['update-ref', 'refs/heads/feat/right', commit]);
        await waitFor(
          () => taskMark().includes('conflicts with') === marked,
          `round ${round}: the moved branch reaches the row`,
          60_000,
        );
        recordMetric('conflicts.branchToMarkMs', performance.now() - changed);
      }
    }
  });
});
