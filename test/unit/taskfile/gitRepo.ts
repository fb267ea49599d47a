import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  /** Holds the main checkout (`main/`) and linked worktrees beside it. */
  base: string;
  main: string;
  git(args: string[], cwd?: string): string;
  write(relativePath: string, text: string): string;
  remove(): void;
}

/** A real git repository in a temp directory: main branch, identity set, no signing, no auto-gc. */
export function createTempRepo(): TempRepo {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'coord-repo-')));
  const main = join(base, 'main');
  mkdirSync(main);
  const git = (args: string[], cwd = main) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Coordinator Test']);
  git(['config', 'user.email', 'test@example.invalid']);
  git(['config', 'commit.gpgsign', 'false']);
  git(['config', 'gc.auto', '0']);
  const write = (relativePath: string, text: string) => {
    const path = join(main, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  write('README.md', 'test repo\n');
  git(['add', '--', 'README.md']);
  git(['commit', '-q', '-m', 'first']);
  return { base, main, git, write, remove: () => rmSync(base, { recursive: true, force: true }) };
}
