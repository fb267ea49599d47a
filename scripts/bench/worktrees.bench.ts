/**
 * Worktrees: (1) `startTaskInWorktree` on a generated repository of 20,000+
 * files against a bare `git worktree add -b` on the same repository (ratio,
 * target at most 1.3); (2) listing 30 worktrees with status (target under 1.5 s)
 * against listing them and running `git status` one after another.
 * Run: `node --import tsx scripts/bench/worktrees.bench.ts`
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TaskFileStore } from '../../src/platform/taskfile/store';
import { listWorktreesWithStatus, startTaskInWorktree } from '../../src/features/worktrees';

const FILES = 20_000;
const ROUNDS = 5;
const LIST_WORKTREES = 30;
const LIST_FILES = 2_000;
const START_RATIO_TARGET = 1.3;
const LIST_BUDGET_MS = 1500;

const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C',
};
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function taskFile(count: number): string {
  const tasks: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    tasks[`task${i}_bench`] = {
      id: `t${i}`,
      name: `Bench task ${i}`,
      owner: 'Codex',
      status: 'not_started',
      priority: 'medium',
      dependencies: [],
      blockers: [],
    };
  }
  return JSON.stringify(
    {
      schema_version: '1.0',
      tasks: { bench: tasks },
      pre_audit_guardrails: { lint: { required: true, command: 'make lint' } },
    },
    null,
    2,
  );
}

function makeRepo(parent: string, name: string, files: number, tasks: number): string {
  const root = join(parent, name);
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Bench');
  git(root, 'config', 'user.email', 'bench@example.com');
  git(root, 'config', 'commit.gpgsign', 'false');
  git(root, 'config', 'gc.auto', '0');
  for (let i = 0; i < files; i++) {
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
  writeFileSync(join(root, 'docs', 'plans', 'task_status.json'), taskFile(tasks));
  writeFileSync(join(root, '.gitignore'), '.env*\n*.lock\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'generated');
  writeFileSync(join(root, '.env'), 'SECRET=1\n');
  return root;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function benchStart(parent: string): Promise<void> {
  const root = makeRepo(parent, 'big', FILES, ROUNDS + 1);
  const count = Number(git(root, 'ls-files').split('\n').filter(Boolean).length);
  const taskFilePath = join(root, 'docs', 'plans', 'task_status.json');
  const store = new TaskFileStore(taskFilePath);
  const bare: number[] = [];
  const start: number[] = [];
  // Warm the file cache once so the first measured round is not penalised.
  git(root, 'worktree', 'add', '-q', '-b', 'bench/warm', join(parent, 'warm'), 'main');
  git(root, 'worktree', 'remove', '--force', join(parent, 'warm'));
  for (let round = 0; round < ROUNDS; round++) {
    const barePath = join(parent, `bare-${round}`);
    let t0 = performance.now();
    git(root, 'worktree', 'add', '-q', '-b', `bench/bare-${round}`, barePath, 'main');
    bare.push(performance.now() - t0);
    git(root, 'worktree', 'remove', '--force', barePath);

    t0 = performance.now();
    const result = await startTaskInWorktree({
      taskKey: `task${round}_bench`,
      taskFilePath,
      store,
    });
    start.push(performance.now() - t0);
    git(root, 'worktree', 'remove', '--force', result.path);
  }
  const ratio = median(start) / median(bare);
  console.log(`worktrees: repository of ${count} files, ${ROUNDS} rounds`);
  console.log(`worktrees: bare git worktree add -b median ${median(bare).toFixed(0)} ms`);
  console.log(
    `worktrees: start task (plan, worktree add, copy .env, brief, lock, task file) median ${median(start).toFixed(0)} ms, ratio ${ratio.toFixed(2)} (target <= ${START_RATIO_TARGET}) ${ratio <= START_RATIO_TARGET ? 'OK' : 'OVER'}`,
  );
}

async function benchList(parent: string): Promise<void> {
  const root = makeRepo(parent, 'many', LIST_FILES, 1);
  for (let i = 1; i < LIST_WORKTREES; i++) {
    const path = join(parent, `wt-${i}`);
    git(root, 'worktree', 'add', '-q', '-b', `feat/bench/wt-${i}`, path, 'main');
    if (i % 3 === 0) {
      writeFileSync(join(path, `dirty-${i}.txt`), 'dirty\n');
      writeFileSync(join(path, 'src', 'pkg1', 'mod1', 'file1.ts'), 'changed\n');
    }
    if (i % 4 === 0) {
      writeFileSync(join(path, 'ahead.txt'), `${i}\n`);
      git(path, 'add', 'ahead.txt');
      git(path, 'commit', '-q', '-m', 'ahead');
    }
  }
  const model = (await new TaskFileStore(join(root, 'docs', 'plans', 'task_status.json')).read())
    .model;
  // Without the cache, so this figure stays the uncached one; worktreeListing.bench.ts has both.
  await listWorktreesWithStatus(root, { model, cache: false });
  const ours: number[] = [];
  const naive: number[] = [];
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    const infos = await listWorktreesWithStatus(root, { model, cache: false });
    ours.push(performance.now() - t0);
    if (infos.length !== LIST_WORKTREES) {
      throw new Error(`expected ${LIST_WORKTREES} worktrees, got ${infos.length}`);
    }
    t0 = performance.now();
    const paths = git(root, 'worktree', 'list', '--porcelain')
      .split('\n')
      .filter((line) => line.startsWith('worktree '))
      .map((line) => line.slice(9));
    for (const path of paths) {
      git(path, 'status', '--porcelain=v2', '--branch');
    }
    naive.push(performance.now() - t0);
  }
  const ms = median(ours);
  console.log(
    `worktrees: list ${LIST_WORKTREES} worktrees (${LIST_FILES} files each) with status, ahead/behind base, last commit: median ${ms.toFixed(0)} ms (budget ${LIST_BUDGET_MS} ms) ${ms < LIST_BUDGET_MS ? 'OK' : 'OVER'}`,
  );
  console.log(
    `worktrees: sequential worktree list + git status per worktree: median ${median(naive).toFixed(0)} ms, ratio ${(ms / median(naive)).toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), 'coord-bench-wt-')));
  try {
    await benchStart(parent);
    await benchList(parent);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
