import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskModel } from '../../../src/kernel/model/types';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';

export const TEN_LINES = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

/** `TEN_LINES` with the given 1-based lines replaced. */
export function withLines(replacements: Record<number, string>): string {
  return TEN_LINES.split('\n')
    .map((line, index) => replacements[index + 1] ?? line)
    .join('\n');
}

export interface RadarRepo extends TempRepo {
  /** A branch from main with one commit: a path to new text, or to null to delete it. */
  branch(name: string, edits: Record<string, string | null>, renames?: [string, string][]): void;
  /** The files a real `git merge` of the two branches leaves conflicted, in a throwaway worktree. */
  realConflicts(a: string, b: string): string[];
  /** A plan whose tasks are in progress on the given branches, read as the extension reads it. */
  plan(
    tasks: Record<string, { branch?: string; status?: string; files?: string[] }>,
  ): Promise<TaskModel>;
}

export function createRadarRepo(files: Record<string, string>): RadarRepo {
  const repo = createTempRepo({ name: 'radar' });
  for (const [path, text] of Object.entries(files)) {
    repo.write(path, text);
  }
  repo.commit('base files');
  let scratch = 0;
  return {
    ...repo,
    branch(name, edits, renames = []) {
      repo.git('checkout', '-q', '-b', name, 'main');
      for (const [from, to] of renames) {
        repo.git('mv', from, to);
      }
      for (const [path, text] of Object.entries(edits)) {
        if (text === null) {
          repo.git('rm', '-q', path);
        } else {
          repo.write(path, text);
        }
      }
      repo.commit(`work on ${name}`);
      repo.git('checkout', '-q', 'main');
    },
    realConflicts(a, b) {
      const path = join(repo.parent, `oracle-${scratch++}`);
      repo.git('worktree', 'add', '-q', '--detach', path, a);
      try {
        try {
          repo.git('-C', path, 'merge', '-q', '--no-ff', '--no-edit', b);
        } catch {
          // A conflicted merge exits 1; the conflicted files are what we want.
        }
        return repo
          .git('-C', path, 'diff', '--name-only', '--diff-filter=U')
          .split('\n')
          .filter((line) => line.length > 0)
          .sort();
      } finally {
        repo.git('worktree', 'remove', '--force', path);
      }
    },
    async plan(tasks) {
      const file = join(repo.parent, 'task_status.json');
      const entries = Object.fromEntries(
        Object.entries(tasks).map(([key, task]) => [
          key,
          {
            name: key,
            owner: 'Codex',
            status: task.status ?? 'in_progress',
            ...(task.branch ? { branch: task.branch } : {}),
            ...(task.files ? { files: task.files } : {}),
          },
        ]),
      );
      writeFileSync(
        file,
        JSON.stringify({ schema_version: '1.0', tasks: { work: entries } }, null, 2),
      );
      const loaded = await new TaskFileStore(file).read();
      if (!loaded.model) {
        throw new Error('the test plan did not read');
      }
      return loaded.model;
    },
  };
}
