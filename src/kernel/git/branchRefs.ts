/** A local or remote-tracking branch as `git for-each-ref` lists it. */
export interface BranchRef {
  /** Full ref, e.g. `refs/remotes/origin/feat/x`. */
  ref: string;
  /** As people write it: `feat/x`, `origin/feat/x`. */
  name: string;
  remote: boolean;
  /** The worktree that has it checked out (local branches only). */
  worktreePath?: string;
}

/** The format `parseBranchRefs` reads: ref, short name, symref target, worktree, NUL-separated. */
export const BRANCH_REF_FORMAT = '%(refname)%00%(refname:short)%00%(symref)%00%(worktreepath)';

/** Lines of `git for-each-ref --format=BRANCH_REF_FORMAT refs/heads refs/remotes`; symbolic refs (`origin/HEAD`) left out. */
export function parseBranchRefs(output: string): BranchRef[] {
  const branches: BranchRef[] = [];
  for (const line of output.split('\n')) {
    const [ref, name, symref, worktreePath] = line.split('\0');
    if (!ref || !name || symref) {
      continue;
    }
    const remote = ref.startsWith('refs/remotes/');
    branches.push({ ref, name, remote, ...(worktreePath ? { worktreePath } : {}) });
  }
  return branches;
}
