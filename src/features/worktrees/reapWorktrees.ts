import { statfs } from 'node:fs/promises';
import { mapWithLimit } from './concurrency';
import type { ReapVerdict } from './model/reapVerdict';
import { removeTaskWorktree, type RemoveWorktreeResult } from './removeTaskWorktree';
import {
  judgeNow,
  processesNow,
  pullRequestsOf,
  readFacts,
  surveyScope,
  surveyWorktrees,
  withPullRequest,
  type Survey,
  type SurveyOptions,
} from './surveyWorktrees';
import type { TaskEffects } from './taskAfterRemoval';
import type { TeardownOptions } from './teardown';

export interface ReapOptions extends SurveyOptions {
  /** Judge and report only; nothing is removed or written. */
  dryRun?: boolean;
  /**
   * Which of the safe worktrees to remove (the editor asks; the CLI takes all of them).
   * Undefined from the port: nothing is removed.
   */
  choose?: (survey: Survey) => Promise<ReapVerdict[] | undefined>;
  teardown?: TeardownOptions;
  tasks?: TaskEffects;
  /** Each removal as it finishes, for progress. */
  onRemoved?: (result: RemoveWorktreeResult) => void;
}

export interface ReapReport {
  survey: Survey;
  removed: RemoveWorktreeResult[];
  /** Chosen but kept: the worktree and the one-line reason. */
  kept: { path: string; reason: string }[];
  /** Free space gained on the repository's disk while removing (other writers add noise). */
  reclaimedBytes: number;
}

/** Removals in flight at once: git locks nothing shared when removing different worktrees. */
const PARALLEL_REMOVALS = 2;

/**
 * The reaper: surveys every worktree, removes the safe ones chosen (never a locked one or one a
 * process is using, checked again just before), keeping a backup ref for commits on no remote,
 * through the same removal as everywhere (teardown, locks, task fields and status).
 */
export async function reapWorktrees(options: ReapOptions): Promise<ReapReport> {
  if (!options.dryRun && !options.choose) {
    return reapAsJudged(options);
  }
  const survey = await surveyWorktrees(options);
  const report: ReapReport = { survey, removed: [], kept: [], reclaimedBytes: 0 };
  const safe = survey.verdicts.filter((verdict) => verdict.safe);
  if (options.dryRun) {
    return report;
  }
  const chosen = options.choose ? await options.choose(survey) : safe;
  if (!chosen || chosen.length === 0) {
    return report;
  }
  const now = await processesNow(chosen.map((verdict) => verdict.facts.path));
  const before = await freeBytes(survey.mainRoot);
  await mapWithLimit(chosen, PARALLEL_REMOVALS, async (verdict) => {
    const path = verdict.facts.path;
    const inside = now.get(path);
    if (!verdict.safe) {
      report.kept.push({ path, reason: verdict.why });
      return;
    }
    if (!verdict.facts.prunable && (inside === undefined || inside.length > 0)) {
      report.kept.push({
        path,
        reason: inside ? `in use by process ${inside[0]?.pid}` : 'processes cannot be seen',
      });
      return;
    }
    await removeJudged(verdict, survey, options, report);
  });
  report.reclaimedBytes = Math.max(0, (await freeBytes(survey.mainRoot)) - before);
  return report;
}

/**
 * Removing all that is safe, with nobody to ask: each worktree is judged (status, commits,
 * processes) immediately before its own removal, so that judgement is the last check and git is
 * not asked twice. Pull requests are asked once for all branches first.
 */
async function reapAsJudged(options: ReapOptions): Promise<ReapReport> {
  const { mainRoot, base, entries, linked } = await surveyScope(options);
  const survey: Survey = { mainRoot, base, entries, verdicts: [], notes: [] };
  const report: ReapReport = { survey, removed: [], kept: [], reclaimedBytes: 0 };
  const pulls = await pullRequestsOf(linked, options, survey.notes);
  const before = await freeBytes(mainRoot);
  survey.verdicts = await mapWithLimit(linked, PARALLEL_REMOVALS, async (entry) => {
    const facts = withPullRequest(await readFacts(entry, mainRoot, base, options), pulls);
    facts.processes = facts.prunable ? [] : (await processesNow([facts.path])).get(facts.path);
    const verdict = judgeNow(facts, options);
    if (verdict.safe) {
      await removeJudged(verdict, survey, options, report, { unpushed: facts.unpushed });
    }
    return verdict;
  });
  report.reclaimedBytes = Math.max(0, (await freeBytes(mainRoot)) - before);
  return report;
}

async function removeJudged(
  verdict: ReapVerdict,
  survey: Survey,
  options: ReapOptions,
  report: ReapReport,
  checkedClean?: { unpushed: number },
): Promise<void> {
  const path = verdict.facts.path;
  try {
    const result = await removeTaskWorktree({
      cwd: survey.mainRoot,
      path,
      backup: true,
      keepLocked: true,
      deleteMergedBranch: verdict.facts.merged,
      teardown: options.teardown,
      tasks: options.tasks,
      known: {
        entries: survey.entries,
        base: survey.base,
        // A squash-merged pull request completes the task as a merge into the base does.
        merged: verdict.facts.merged || verdict.facts.pullRequest?.state === 'merged',
        checkedClean,
      },
      signal: options.signal,
    });
    report.removed.push(result);
    options.onRemoved?.(result);
  } catch (error) {
    report.kept.push({ path, reason: error instanceof Error ? error.message : String(error) });
  }
}

async function freeBytes(folder: string): Promise<number> {
  const info = await statfs(folder).catch(() => undefined);
  return info ? info.bavail * info.bsize : 0;
}
