// Real git repositories used as workspaces by the host tests, the electron runner and the demo.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from './paths.mjs';

export const LUKHAS_TASK_FILE = 'docs/plans/task_status.json';

export function git(cwd, args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  }).trim();
}

function writeFiles(root, files) {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

/** `git init -b main` in `dir` with the given files committed as the first commit. */
export function createGitRepo(dir, files, message = 'Initial commit') {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Coordinator Tests']);
  git(dir, ['config', 'user.email', 'tests@example.invalid']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['config', 'gc.auto', '0']);
  writeFiles(dir, files);
  git(dir, ['add', '--', '.']);
  git(dir, ['commit', '-q', '-m', message]);
  return dir;
}

export function lukhasTaskFileText() {
  return fs.readFileSync(path.join(fixturesDir, 'lukhas', 'task_status.json'), 'utf8');
}

/** A repository named Lukhas holding the real task file on main. Returns the repository path. */
export function lukhasWorkspace(parent) {
  return createGitRepo(path.join(parent, 'Lukhas'), {
    'README.md': '# Lukhas\n\nFixture repository for Agent Coordinator tests.\n',
    [LUKHAS_TASK_FILE]: lukhasTaskFileText(),
  });
}

/** A repository with no task file at all. */
export function emptyWorkspace(parent) {
  return createGitRepo(path.join(parent, 'Empty'), {
    'README.md': '# Empty\n\nA repository without a task file.\n',
  });
}

/** A small second plan in a flat `tasks` array, with one task done and one waiting on it. */
export const TOOLS_TASK_FILE_TEXT = `${JSON.stringify(
  {
    schema_version: '1.0',
    tasks: [
      {
        id: 'tools1',
        name: 'Release Script',
        owner: 'Codex',
        status: 'COMPLETE',
        priority: 'high',
        estimate: '1h',
      },
      {
        id: 'tools2',
        name: 'Changelog Check',
        owner: 'Human',
        status: 'NOT STARTED',
        priority: 'medium',
        estimate: '30min',
        dependencies: ['tools1'],
      },
      {
        id: 'tools3',
        name: 'Nightly Build',
        owner: 'Copilot',
        status: 'In Progress',
        priority: 'low',
        estimate: '2-3h',
      },
    ],
  },
  null,
  2,
)}\n`;

/**
 * A multi-root workspace: the Lukhas repository and a second repository, Tools, each with its own
 * task file (Tools keeps it at the root, found by the `**\/task_status.json` search). Returns the
 * `.code-workspace` file.
 */
export function multiRootWorkspace(parent) {
  lukhasWorkspace(parent);
  createGitRepo(path.join(parent, 'Tools'), {
    'README.md': '# Tools\n\nA second repository in the same window.\n',
    'task_status.json': TOOLS_TASK_FILE_TEXT,
  });
  const file = path.join(parent, 'coordination.code-workspace');
  fs.writeFileSync(
    file,
    `${JSON.stringify({ folders: [{ path: 'Lukhas' }, { path: 'Tools' }] }, null, 2)}\n`,
  );
  return file;
}
