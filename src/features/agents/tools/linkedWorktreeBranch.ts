import { currentBranch, mainWorktreeRoot, worktreeTopLevel } from '../../../platform/git';

/** The branch checked out where the agent works, unless that is the main worktree (no task's). */
export async function linkedWorktreeBranch(cwd: string): Promise<string | undefined> {
  const [top, main] = await Promise.all([
    worktreeTopLevel(cwd).catch(() => undefined),
    mainWorktreeRoot(cwd).catch(() => undefined),
  ]);
  if (!top || !main || top === main) {
    return undefined;
  }
  return currentBranch(top).catch(() => undefined);
}
