// A repository with two tasks in progress on branches that change the same line, a third on a
// branch that changes another file, and a task to start that claims the contested file: the
// conflict radar's host scenario. Worktrees: one for task_left's branch, and two not linked to a
// task whose work collides, one of them only in uncommitted changes.
import fs from 'node:fs';
import path from 'node:path';
import { createGitRepo, git } from './workspaces.mjs';

const LINES = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

function task(name, branch) {
  return { id: name, name, owner: 'Codex', status: 'in_progress', branch };
}

export function conflictsWorkspace(parent) {
  const plan = {
    schema_version: '1.0',
    tasks: {
      work: {
        task_left: { ...task('left', 'feat/left'), files: ['shared.txt'] },
        task_right: task('right', 'feat/right'),
        task_apart: task('apart', 'feat/apart'),
        task_next: {
          id: 'next',
          name: 'next',
          owner: 'Codex',
          status: 'not_started',
          files: ['shared.txt'],
        },
      },
    },
  };
  const repo = createGitRepo(path.join(parent, 'Radar'), {
    'task_status.json': `${JSON.stringify(plan, null, 2)}\n`,
    'shared.txt': LINES,
    'other.txt': LINES,
    'third.txt': LINES,
  });
  for (const [branch, file, text] of [
    ['feat/left', 'shared.txt', LINES.replace('line 3', 'left three')],
    ['feat/right', 'shared.txt', LINES.replace('line 3', 'right three')],
    ['feat/apart', 'other.txt', LINES.replace('line 9', 'apart nine')],
    ['spike/one', 'third.txt', LINES.replace('line 2', 'one two')],
  ]) {
    git(repo, ['checkout', '-q', '-b', branch, 'main']);
    fs.writeFileSync(path.join(repo, file), text);
    git(repo, ['commit', '-q', '-am', `work on ${branch}`]);
  }
  git(repo, ['checkout', '-q', 'main']);
  git(repo, ['worktree', 'add', '-q', path.join(parent, 'Radar-left'), 'feat/left']);
  git(repo, ['worktree', 'add', '-q', path.join(parent, 'Radar-one'), 'spike/one']);
  const two = path.join(parent, 'Radar-two');
  git(repo, ['worktree', 'add', '-q', '-b', 'spike/two', two, 'main']);
  fs.writeFileSync(path.join(two, 'third.txt'), LINES.replace('line 2', 'two two'));
  return repo;
}
