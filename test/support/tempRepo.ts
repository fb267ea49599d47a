import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real repository in a fresh temp folder, removed by `dispose()`. */
export interface TempRepo {
  /** Folder holding the repository and any worktrees made beside it. */
  parent: string;
  root: string;
  git(...args: string[]): string;
  write(relative: string, text: string): void;
  commit(message: string): void;
  dispose(): void;
}

const ISOLATED_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

export function gitIn(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: ISOLATED_ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * `git init -b main`, user set, signing and auto-gc off, and (unless `empty`) a first commit.
 * `under` puts it in a chosen folder (a test filesystem) instead of the system temp folder.
 */
export function createTempRepo(
  options: { name?: string; empty?: boolean; under?: string } = {},
): TempRepo {
  const parent = realpathSync(mkdtempSync(join(options.under ?? tmpdir(), 'coord-git-')));
  const root = join(parent, options.name ?? 'repo');
  mkdirSync(root);
  const git = (...args: string[]) => gitIn(root, args);
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test User');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'gc.auto', '0');
  const repo: TempRepo = {
    parent,
    root,
    git,
    write(relative, text) {
      const file = join(root, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--no-verify', '-m', message);
    },
    dispose() {
      rmSync(parent, { recursive: true, force: true });
    },
  };
  if (!options.empty) {
    repo.write('README.md', '# fixture\n');
    repo.commit('first commit');
  }
  return repo;
}

/** Keeps the machine's global and system git config out of the code under test for one suite. */
export function isolateGitConfig(): void {
  const saved = {
    global: process.env.GIT_CONFIG_GLOBAL,
    nosystem: process.env.GIT_CONFIG_NOSYSTEM,
  };
  before(() => {
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  after(() => {
    restore('GIT_CONFIG_GLOBAL', saved.global);
    restore('GIT_CONFIG_NOSYSTEM', saved.nosystem);
  });
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}
