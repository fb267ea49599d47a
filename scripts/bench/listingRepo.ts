/**
 * A generated repository of 25,000 files with 50 worktrees for the listing bench, built once and
 * kept in the temp folder (it takes a minute or two); a marker file says it was finished.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LISTING_FILES = 25_000;
export const LISTING_WORKTREES = 50;
const VERSION = 1;

export const benchGitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C',
};

export function benchGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: benchGitEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The main checkout of the cached repository, made on first use. */
export function listingRepo(): { root: string; worktrees: string[] } {
  const parent = join(tmpdir(), `coord-bench-listing-v${VERSION}`);
  const root = join(parent, 'main');
  const worktrees = Array.from({ length: LISTING_WORKTREES - 1 }, (_, i) =>
    join(parent, `wt-${i + 1}`),
  );
  const marker = join(parent, 'complete');
  if (existsSync(marker)) {
    return { root, worktrees };
  }
  rmSync(parent, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  benchGit(root, 'init', '-q', '-b', 'main');
  for (const [key, value] of [
    ['user.name', 'Bench'],
    ['user.email', 'bench@example.com'],
    ['commit.gpgsign', 'false'],
    ['gc.auto', '0'],
  ]) {
    benchGit(root, 'config', key, value);
  }
  for (let i = 0; i < LISTING_FILES; i++) {
    const dir = join(root, 'src', `pkg${i % 125}`, `mod${i % 8}`);
    if (i < 1000) {
      mkdirSync(dir, { recursive: true });
    }
    writeFileSync(join(dir, `file${i}.ts`), `export const value${i} = ${i};\n`);
  }
  writeFileSync(join(root, '.gitignore'), 'node_modules/\n*.log\n');
  benchGit(root, 'add', '-A');
  benchGit(root, 'commit', '-q', '-m', 'generated');
  for (const [i, path] of worktrees.entries()) {
    benchGit(root, 'worktree', 'add', '-q', '-b', `feat/bench/wt-${i + 1}`, path, 'main');
    if (i % 4 === 0) {
      writeFileSync(join(path, 'ahead.txt'), `${i}\n`);
      benchGit(path, 'add', 'ahead.txt');
      benchGit(path, 'commit', '-q', '-m', 'ahead');
    }
    if (i % 5 === 0) {
      writeFileSync(join(path, 'src', 'pkg1', 'mod1', 'file1.ts'), 'changed\n');
    }
    if (i % 7 === 0) {
      writeFileSync(join(path, 'src', 'pkg2', `untracked-${i}.ts`), 'new\n');
    }
  }
  writeFileSync(marker, new Date().toISOString());
  return { root, worktrees };
}
