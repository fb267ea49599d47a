/**
 * Reaper: removing 20 worktrees of a generated 25,000-file repository with `reapWorktrees`
 * (each worktree judged (status, unpushed, merged, activity, processes) right before the shared
 * removal, which then does not ask git again; lock release and task file) against a bare
 * `git worktree remove` of the same 20 worktrees one after another. Ratio of medians (and of
 * the fastest rounds, which load on a shared machine disturbs least), target at most 1.2.
 * Run: `node --import tsx scripts/bench/reap.bench.ts [--files N] [--rounds N]`
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reapWorktrees } from '../../src/features/worktrees/reapWorktrees';
import { TaskFileStore } from '../../src/platform/taskfile/store';

const WORKTREES = 20;
const RATIO_TARGET = 1.2;
const FILES = numberOption('--files', 25_000);
const ROUNDS = numberOption('--rounds', 5);

const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C',
};
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function makeRepo(root: string): void {
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Bench');
  git(root, 'config', 'user.email', 'bench@example.com');
  git(root, 'config', 'commit.gpgsign', 'false');
  git(root, 'config', 'gc.auto', '0');
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, 'src', `pkg${i % 200}`, `mod${i % 7}`);
    if (i < 1400) {
      mkdirSync(dir, { recursive: true });
    }
    writeFileSync(
      join(dir, `file${i}.ts`),
      `export const value${i} = ${i};\n// ${'x'.repeat(i % 200)}\n`,
    );
  }
  mkdirSync(join(root, 'docs', 'plans'), { recursive: true });
  writeFileSync(
    join(root, 'docs', 'plans', 'task_status.json'),
    JSON.stringify({ schema_version: '1.0', tasks: { bench: {} } }, null, 2),
  );
  writeFileSync(join(root, '.gitignore'), '*.lock\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'generated');
}

function addWorktrees(root: string, parent: string, round: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i < WORKTREES; i++) {
    const path = join(parent, `wt-${round}-${i}`);
    git(root, 'worktree', 'add', '-q', '-b', `bench/${round}-${i}`, path, 'main');
    paths.push(path);
  }
  return paths;
}

/** Lets the kernel write back the checkouts just made, so neither timing pays for that. */
function settle(): void {
  execFileSync('sync');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), 'coord-reap-bench-')));
  const root = join(parent, 'repo');
  try {
    makeRepo(root);
    const store = new TaskFileStore(join(root, 'docs', 'plans', 'task_status.json'));
    const bare: number[] = [];
    const reaped: number[] = [];
    // No commit for 30 days: every fresh worktree is abandoned, clean and unpushed-free.
    const later = () => new Date(Date.now() + 30 * 86_400_000);
    for (let round = 0; round < ROUNDS; round++) {
      const runBare = () => {
        const paths = addWorktrees(root, parent, `bare${round}`);
        settle();
        const start = performance.now();
        for (const path of paths) {
          git(root, 'worktree', 'remove', path);
        }
        bare.push(performance.now() - start);
      };
      const runReap = async () => {
        addWorktrees(root, parent, `reap${round}`);
        settle();
        const model = (await store.read()).model;
        const start = performance.now();
        const report = await reapWorktrees({ cwd: root, abandonedDays: 14, now: later, model });
        reaped.push(performance.now() - start);
        if (report.removed.length !== WORKTREES) {
          throw new Error(
            `the reaper removed ${report.removed.length} of ${WORKTREES}: ${JSON.stringify(report.kept)}`,
          );
        }
      };
      // Alternate which goes first, so neither always meets a warmer page cache.
      if (round % 2 === 0) {
        runBare();
        await runReap();
      } else {
        await runReap();
        runBare();
      }
      console.log(
        `reap: round ${round + 1}: bare ${bare.at(-1)!.toFixed(0)} ms, reaper ${reaped.at(-1)!.toFixed(0)} ms`,
      );
    }
    const ratio = median(reaped) / median(bare);
    // On a shared machine load only ever adds time: the fastest round of each is the cleanest.
    const fastestRatio = Math.min(...reaped) / Math.min(...bare);
    console.log(`reap: ${WORKTREES} worktrees of a ${FILES}-file repository, ${ROUNDS} rounds`);
    console.log(
      `reap: bare git worktree remove x${WORKTREES} median ${median(bare).toFixed(0)} ms`,
    );
    console.log(
      `reap: coord reaper (survey + removal) median ${median(reaped).toFixed(0)} ms, ratio ${ratio.toFixed(2)} (target <= ${RATIO_TARGET}) ${ratio <= RATIO_TARGET ? 'OK' : 'OVER'}`,
    );
    console.log(
      `reap: fastest rounds: bare ${Math.min(...bare).toFixed(0)} ms, reaper ${Math.min(...reaped).toFixed(0)} ms, ratio ${fastestRatio.toFixed(2)}`,
    );
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
