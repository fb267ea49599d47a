/**
 * Port blocks: what giving a task its block costs (ledger lock, probing its ports on 127.0.0.1
 * and ::, an fsynced atomic write), as a ratio to the one git call every allocation makes anyway
 * (`git rev-parse --git-common-dir`); and 50 tasks allocated at once in one process, against 50
 * such git calls at once.
 * Run: `node --import tsx scripts/bench/ports.bench.ts`
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { allocatePorts, releasePorts } from '../../src/features/worktrees/portAllocation';

const ROUNDS = 20;
const TASKS = 50;
const BLOCK = 10;
const BASE = 30_000;
const run = promisify(execFile);
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

const gitDir = () =>
  run('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, env });

const parent = realpathSync(mkdtempSync(join(tmpdir(), 'coord-ports-bench-')));
const root = join(parent, 'repo');
mkdirSync(root);
execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root, env });

async function main(): Promise<void> {
  const single: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await timed(gitDir));
    single.push(
      await timed(() =>
        allocatePorts({ cwd: root, taskKey: `t${round}`, base: BASE, size: BLOCK }),
      ),
    );
  }
  const again = await timed(() =>
    allocatePorts({ cwd: root, taskKey: 't0', base: BASE, size: BLOCK }),
  );
  console.log(
    `ports: one new block median ${median(single).toFixed(1)} ms, git rev-parse median ${median(bare).toFixed(1)} ms, ratio ${(median(single) / median(bare)).toFixed(2)}; the same task again ${again.toFixed(1)} ms`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    await releasePorts(root, { taskKey: `t${round}` });
  }
  const keys = Array.from({ length: TASKS }, (_, index) => `many${index}`);
  const together = await timed(() =>
    Promise.all(
      keys.map((taskKey) => allocatePorts({ cwd: root, taskKey, base: BASE, size: BLOCK })),
    ),
  );
  const gitTogether = await timed(() => Promise.all(keys.map(() => gitDir())));
  console.log(
    `ports: ${TASKS} blocks at once ${together.toFixed(0)} ms, ${TASKS} git rev-parse at once ${gitTogether.toFixed(0)} ms, ratio ${(together / gitTogether).toFixed(2)}`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(parent, { recursive: true, force: true }));
