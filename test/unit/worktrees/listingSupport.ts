import { readdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, gitIn, type TempRepo } from '../../support/tempRepo';

/**
 * Moves the times of a worktree's folders and index an hour back, as for a checkout made earlier:
 * the listing trusts its cache only for stamps older than the answer by a file-system tick.
 */
export function ageWorktree(worktree: string): void {
  const past = new Date(Date.now() - 3600_000);
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== '.git') {
        visit(join(folder, entry.name));
      }
    }
    utimesSync(folder, past, past);
  };
  visit(worktree);
  const index = gitIn(worktree, [
    'rev-parse',
    '--path-format=absolute',
    '--git-path',
    'index',
  ]).trim();
  if (statSync(index, { throwIfNoEntry: false })) {
    utimesSync(index, past, past);
  }
}

/** Saves a file the way most editors and agents' tools do: a temp file renamed over it. */
export function saveByRename(file: string, text: string): void {
  const temp = `${file}.tmp-save`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** A repository with nested folders and five linked worktrees, all aged so the cache is trusted. */
export function repoWithWorktrees(): { repo: TempRepo; wt: Record<string, string> } {
  const repo = createTempRepo();
  repo.write('src/deep/inner/code.ts', 'export const a = 1;\n');
  repo.write('src/deep/other.ts', 'export const b = 2;\n');
  repo.write('docs/readme.md', '# docs\n');
  repo.write('.gitignore', 'node_modules/\n.claude/\n');
  repo.commit('tree');
  const wt: Record<string, string> = {};
  for (const name of ['modified', 'staged', 'untracked', 'commit', 'gone']) {
    wt[name] = join(repo.parent, `wt-${name}`);
    repo.git('worktree', 'add', '-q', '-b', `feat/${name}`, wt[name] as string);
  }
  // One made by hand the way another tool lays them out: nested in the main checkout, detached.
  wt.hand = join(repo.root, '.claude', 'worktrees', 'hand');
  repo.git('worktree', 'add', '-q', '--detach', wt.hand);
  for (const path of [repo.root, ...Object.values(wt)]) {
    ageWorktree(path);
  }
  return { repo, wt };
}
