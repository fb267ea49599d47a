// The Lukhas repository with task branches whose copies of the plan are ahead of main's.
import fs from 'node:fs';
import path from 'node:path';
import { git, LUKHAS_TASK_FILE, lukhasWorkspace } from './workspaces.mjs';

/** Commits, on a new branch from main, the plan with `taskKey`'s status set to `status`. */
function branchWithStatus(repo, branch, taskKey, status) {
  git(repo, ['checkout', '-q', '-b', branch, 'main']);
  const file = path.join(repo, LUKHAS_TASK_FILE);
  const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const group of Object.values(plan.tasks)) {
    if (group[taskKey]) {
      group[taskKey].status = status;
    }
  }
  fs.writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
  git(repo, ['commit', '-q', '-am', `${taskKey}: ${status}`]);
  git(repo, ['checkout', '-q', 'main']);
}

/** feat/x has task1 completed; feat/z has task3 in progress and is checked out nowhere. */
export function planBranchesWorkspace(parent) {
  const repo = lukhasWorkspace(parent);
  branchWithStatus(repo, 'feat/x', 'task1_shadow_diff', 'completed');
  branchWithStatus(repo, 'feat/z', 'task3_streaming_rl', 'in_progress');
  return repo;
}
