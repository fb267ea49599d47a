/**
 * Shared dependencies: the disk and time a new task worktree's `node_modules` costs when it is
 * prepared from the main checkout (`shareDependencies`: hardlinks here on ext4, copy-on-write
 * clones on loop-mounted XFS and btrfs images when this machine can make them) against
 * installing it in the worktree (`npm ci --offline`, from the npm cache), as ratios measured in
 * the same run.
 *
 * - `prod`: this repository's production dependencies (about 150 packages), installed offline.
 * - `full`: this repository's whole installed `node_modules` (about 23,000 files) as the main
 *   checkout's tree, against a plain copy (`cp -a --reflink=never`, the bytes an install writes
 *   at the least);
 *   with `--full-install`, also against `npm ci` of this repository's lock.
 *
 * Extra disk: on ext4, `du` of the main and the worktree trees together less the main's alone
 * (hardlinked inodes count once); on XFS and btrfs, the drop in the image's free space (shared
 * extents cost nothing), on an image nothing else writes to.
 * Run: `node --import tsx scripts/bench/sharedDependencies.bench.ts [--full-install] [--no-copy-on-write]`
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statfsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { shareDependencies } from '../../src/features/worktrees/shareDependencies';
import type { SharedDependency } from '../../src/features/worktrees/model/sharedDependencies';
import { npm, writeNpmProject } from '../../test/support/npmFixture';
import {
  COPY_ON_WRITE_FILESYSTEMS,
  mountCopyOnWriteImage,
} from '../../test/support/copyOnWriteImage';

const PROJECT = resolve(__dirname, '../..');
const PROD = Object.keys(
  (
    JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
);
const FULL_INSTALL = process.argv.includes('--full-install');

const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

interface Measured {
  ms: number;
  bytes: number;
}

type Disk = 'du' | 'statfs';

/** A repository whose main checkout has `node_modules`, made by `install`. */
function makeMain(parent: string, install: (root: string) => void): string {
  const root = join(parent, 'main');
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Bench');
  git(root, 'config', 'user.email', 'bench@example.com');
  execFileSync('sh', ['-c', 'printf "node_modules/\\n" > .gitignore'], { cwd: root });
  install(root);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'main');
  return root;
}

function addWorktree(root: string, name: string): string {
  const path = join(root, '..', name);
  git(root, 'worktree', 'add', '-q', '-b', name, path);
  return path;
}

function duBytes(...paths: string[]): number {
  const out = execFileSync('du', ['-s', '-c', '--block-size=1', ...paths], { encoding: 'utf8' });
  return Number(out.trim().split('\n').pop()?.split(/\s+/)[0]);
}

function freeBytes(path: string): number {
  execFileSync('sync');
  const stats = statfsSync(path);
  return stats.bfree * stats.bsize;
}

/** Time of `work`, and the extra disk the worktree's `node_modules` takes beside the main's. */
async function measure<T>(
  disk: Disk,
  main: string,
  worktree: string,
  work: () => T | Promise<T>,
): Promise<Measured & { value: T }> {
  const freeBefore = disk === 'statfs' ? freeBytes(worktree) : 0;
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const mainModules = join(main, 'node_modules');
  const bytes =
    disk === 'statfs'
      ? freeBefore - freeBytes(worktree)
      : duBytes(mainModules, join(worktree, 'node_modules')) - duBytes(mainModules);
  return { ms, bytes, value };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function ratio(part: number, whole: number): string {
  return whole > 0 ? (part / whole).toFixed(3) : 'n/a';
}

async function runCase(
  label: string,
  parent: string,
  disk: Disk,
  install: (root: string) => void,
  baselines: { name: string; run: (main: string, worktree: string) => void }[],
): Promise<void> {
  const main = makeMain(parent, install);
  const files = Number(
    execFileSync('sh', ['-c', 'find node_modules -type f | wc -l'], {
      cwd: main,
      encoding: 'utf8',
    }).trim(),
  );
  const mainBytes = duBytes(join(main, 'node_modules'));
  console.log(
    `${label}: main node_modules ${files.toLocaleString('en-US')} files, ${mb(mainBytes)}`,
  );
  const worktree = addWorktree(main, 'shared');
  const prepared = await measure(disk, main, worktree, () =>
    shareDependencies({
      mainRoot: main,
      worktreePath: worktree,
      folders: ['node_modules'],
      onCreated: () => undefined,
    }),
  );
  const method = (prepared.value[0] as SharedDependency).method;
  console.log(
    `  prepared (${method}): ${prepared.ms.toFixed(0)} ms, extra disk ${mb(prepared.bytes)}`,
  );
  for (const baseline of baselines) {
    const other = addWorktree(main, baseline.name.replace(/\W+/g, '-'));
    const measured = await measure(disk, main, other, () => baseline.run(main, other));
    console.log(
      `  ${baseline.name}: ${measured.ms.toFixed(0)} ms, extra disk ${mb(measured.bytes)}` +
        ` -> time ratio ${ratio(prepared.ms, measured.ms)}, disk ratio ${ratio(prepared.bytes, measured.bytes)}`,
    );
  }
}

const npmCi = {
  name: 'npm ci in the worktree',
  run: (_main: string, worktree: string) => npm(worktree, ['ci']),
};
const plainCopy = {
  // --reflink=never: GNU cp (like Node's copyFile through copy_file_range) would otherwise let
  // XFS or btrfs share the blocks, and this baseline is the bytes written by a real copy.
  name: 'plain copy (cp -a --reflink=never)',
  run: (main: string, worktree: string) =>
    execFileSync('cp', [
      '-a',
      '--reflink=never',
      join(main, 'node_modules'),
      join(worktree, 'node_modules'),
    ]),
};

async function runAll(where: string, disk: Disk): Promise<void> {
  const prodDir = mkdtempSync(join(where, 'coord-share-prod-'));
  const fullDir = mkdtempSync(join(where, 'coord-share-full-'));
  try {
    await runCase(
      'prod (this repository\u2019s production dependencies, npm ci --offline)',
      prodDir,
      disk,
      (root) => {
        writeNpmProject(root, PROD);
        npm(root, ['ci']);
      },
      [npmCi],
    );
    await runCase(
      'full (this repository\u2019s installed node_modules)',
      fullDir,
      disk,
      (root) => {
        cpSync(join(PROJECT, 'package.json'), join(root, 'package.json'));
        cpSync(join(PROJECT, 'package-lock.json'), join(root, 'package-lock.json'));
        // A worktree's node_modules may be a symlink to another checkout's: copy the real tree.
        const installed = realpathSync(join(PROJECT, 'node_modules'));
        execFileSync('cp', ['-a', `${installed}/.`, join(root, 'node_modules')]);
      },
      FULL_INSTALL ? [plainCopy, npmCi] : [plainCopy],
    );
  } finally {
    rmSync(prodDir, { recursive: true, force: true });
    rmSync(fullDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const tmp = realpathSync(tmpdir());
  console.log(
    `On ${tmp} (${execFileSync('stat', ['-f', '-c', '%T', tmp], { encoding: 'utf8' }).trim()}):`,
  );
  await runAll(tmp, 'du');
  if (process.argv.includes('--no-copy-on-write')) {
    return;
  }
  for (const filesystem of COPY_ON_WRITE_FILESYSTEMS) {
    const image = mountCopyOnWriteImage(filesystem, '6G', `coord-share-bench-${filesystem}`);
    if (typeof image === 'string') {
      console.log(`${filesystem} (copy-on-write) not measured: ${image}`);
      continue;
    }
    try {
      console.log(`On a loop-mounted ${filesystem} image with reflink (${image.mount}):`);
      await runAll(image.mount, 'statfs');
    } finally {
      image.dispose();
    }
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
