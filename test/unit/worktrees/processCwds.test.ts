import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processesInside } from '../../../src/platform/process/processCwds';

describe('processes inside a worktree', () => {
  const children: ChildProcess[] = [];
  let folder: string;
  before(function () {
    if (process.platform !== 'linux') {
      this.skip();
    }
    folder = realpathSync(mkdtempSync(join(tmpdir(), 'coord-cwds-')));
  });
  after(() => {
    for (const child of children) {
      child.kill('SIGKILL');
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('sees a program working there, not a git command this process runs there', async () => {
    const sleeper = spawn('sleep', ['30'], { cwd: folder, stdio: 'ignore' });
    // Waits on its stdin, like a git call of ours (or of VS Code's git) caught mid-run.
    const git = spawn('git', ['hash-object', '--stdin'], { cwd: folder, stdio: 'pipe' });
    children.push(sleeper, git);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const inside = (await processesInside([folder]))?.get(folder) ?? [];
    const pids = inside.map((p) => p.pid);
    assert.ok(pids.includes(sleeper.pid!), JSON.stringify(inside));
    assert.ok(!pids.includes(git.pid!), JSON.stringify(inside));
  });
});
