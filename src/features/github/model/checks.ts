import type { CheckItem, CiState, CiSummary } from './types';

/** The fields of a check run that matter here (REST `check-run` shape). */
export interface CheckRunLike {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  html_url?: string | null;
  details_url?: string | null;
}

/** The fields of a commit status that matter here (REST `simple-commit-status`). */
export interface CommitStatusLike {
  context: string;
  state: string;
  target_url?: string | null;
}

const PASSING_CONCLUSIONS = new Set(['success', 'neutral']);
const SKIPPED_CONCLUSIONS = new Set(['skipped']);

function checkRunState(run: CheckRunLike): CheckItem['state'] {
  if (run.status !== 'completed') {
    return 'pending';
  }
  const conclusion = run.conclusion ?? '';
  if (PASSING_CONCLUSIONS.has(conclusion)) {
    return 'success';
  }
  if (SKIPPED_CONCLUSIONS.has(conclusion)) {
    return 'skipped';
  }
  // failure, timed_out, cancelled, action_required, startup_failure, stale
  return 'failure';
}

function commitStatusState(status: CommitStatusLike): CheckItem['state'] {
  if (status.state === 'success') {
    return 'success';
  }
  if (status.state === 'pending') {
    return 'pending';
  }
  return 'failure';
}

/** Keeps the newest check run per name (re-runs produce several). */
function latestRunPerName(runs: readonly CheckRunLike[]): CheckRunLike[] {
  const byName = new Map<string, CheckRunLike>();
  for (const run of runs) {
    const seen = byName.get(run.name);
    if (!seen || run.id > seen.id) {
      byName.set(run.name, run);
    }
  }
  return [...byName.values()];
}

/**
 * Combines check runs (GitHub Actions and apps) and commit statuses (older integrations) into one
 * CI state, the way GitHub's merge box does: any failure fails, else anything running is pending.
 */
export function combineChecks(
  checkRuns: readonly CheckRunLike[],
  statuses: readonly CommitStatusLike[],
): CiSummary {
  const items: CheckItem[] = [
    ...latestRunPerName(checkRuns).map((run) => ({
      name: run.name,
      source: 'check' as const,
      state: checkRunState(run),
      url: run.html_url ?? run.details_url ?? undefined,
    })),
    ...statuses.map((status) => ({
      name: status.context,
      source: 'status' as const,
      state: commitStatusState(status),
      url: status.target_url ?? undefined,
    })),
  ];
  const count = (state: CheckItem['state']) => items.filter((item) => item.state === state).length;
  const failed = count('failure');
  const pending = count('pending');
  const passed = count('success');
  let state: CiState = 'none';
  if (failed > 0) {
    state = 'failure';
  } else if (pending > 0) {
    state = 'pending';
  } else if (passed > 0 || count('skipped') > 0) {
    state = 'success';
  }
  return {
    state,
    total: items.length,
    passed,
    failed,
    pending,
    failing: items.filter((item) => item.state === 'failure').map((item) => item.name),
    items,
  };
}
