import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';

export const PLAN_PATH = 'docs/plans/task_status.json';

export const PLAN = {
  schema_version: '1.0',
  last_updated: '2026-11-01T00:00:00Z',
  review_rules: [
    {
      paths: ['matriz/', 'lukhas/identity/'],
      reviewer: 'Claude Code',
      checklist: ['Tests cover the change', 'No secrets in the diff'],
    },
  ],
  tasks: {
    core: {
      t_gated: {
        id: 'gated',
        name: 'Touches matriz',
        owner: 'Codex',
        status: 'in_progress',
        branch: 'feat/codex/gated',
      },
      t_free: {
        id: 'free',
        name: 'Touches docs only',
        owner: 'Codex',
        status: 'in_progress',
        branch: 'feat/codex/free',
      },
      t_rename: {
        id: 'rename',
        name: 'Moves a file into identity',
        owner: 'Copilot',
        status: 'in_progress',
        branch: 'feat/copilot/rename',
      },
      t_critical: {
        id: 'critical',
        name: 'Flagged for review',
        owner: 'Copilot',
        status: 'in_progress',
        critical_review: true,
        review_checklist: ['Threat model updated'],
      },
    },
  },
};

export interface RawReview {
  reviewer: string;
  verdict: string;
  checked: number[];
  commit?: string;
  at: string;
  host?: string;
}

export interface RawTask {
  status: string;
  reviews?: RawReview[];
  overrides?: { gate: string; reasons: string[]; by: string }[];
}

/**
 * A repository whose plan has review rules, and three task branches: one changing a gated path,
 * one changing a path outside every rule, one renaming a file into a gated folder.
 */
export function createReviewRepo(): TempRepo {
  const repo = createTempRepo({ name: 'Reviewed' });
  repo.write('docs/notes.md', 'notes\n');
  repo.write('src/old.py', 'print("identity")\n');
  repo.write(PLAN_PATH, `${JSON.stringify(PLAN, null, 2)}\n`);
  repo.commit('plan');
  onBranch(repo, 'feat/codex/gated', (write) => write('matriz/core.py', 'x = 1\n'));
  onBranch(repo, 'feat/codex/free', (write) => write('docs/notes.md', 'more notes\n'));
  onBranch(repo, 'feat/copilot/rename', (write, remove) => {
    write('lukhas/identity/old.py', 'print("identity")\n');
    remove('src/old.py');
  });
  return repo;
}

/**
 * Commits what `change` writes (relative to the worktree it is given) on `branch`, made from main
 * when new, in a worktree of its own as an agent would; committed at `date` when given.
 */
export function onBranch(
  repo: TempRepo,
  branch: string,
  change: (
    write: (relative: string, text: string) => void,
    remove: (relative: string) => void,
  ) => void,
  date?: string,
): void {
  const folder = join(repo.parent, `wt-${branch.replace(/\//g, '-')}`);
  const exists = repo.git('branch', '--list', branch).trim() !== '';
  repo.git('worktree', 'add', '-q', ...(exists ? [folder, branch] : ['-b', branch, folder]));
  change(
    (relative, text) => {
      mkdirSync(dirname(join(folder, relative)), { recursive: true });
      writeFileSync(join(folder, relative), text);
    },
    (relative) => rmSync(join(folder, relative)),
  );
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}),
  };
  execFileSync('git', ['add', '-A'], { cwd: folder, env });
  execFileSync('git', ['commit', '-q', '--no-verify', '-m', `work on ${branch}`], {
    cwd: folder,
    env,
  });
  repo.git('worktree', 'remove', '--force', folder);
}

export function rawTask(repo: TempRepo, key: string): RawTask {
  const doc = JSON.parse(readFileSync(join(repo.root, PLAN_PATH), 'utf8')) as {
    tasks: { core: Record<string, RawTask> };
  };
  return doc.tasks.core[key];
}

export function headOf(repo: TempRepo, branch: string): string {
  return repo.git('rev-parse', branch).trim();
}

/** The environment of a terminal run by `agent`; without one, git's user.name ("Test User") acts. */
export function actingAs(agent?: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.COORD_AGENT;
  return agent ? { ...env, COORD_AGENT: agent } : env;
}
