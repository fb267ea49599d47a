import { recordedPrNumbers, type PullRequestMatch, type TaskPrRef } from './match';
import type { PullRequestInfo, PullRequestState, TaskPullRequestStatus } from './types';

/**
 * One task's PR status from its match: the leading open PR with its details, and the task's
 * other recorded PRs (open ones with details, merged or closed ones as GitHub last said). A task
 * whose recorded PRs are all closed leads with the first of them.
 */
export function taskStatus(
  task: TaskPrRef,
  match: PullRequestMatch | undefined,
  details: ReadonlyMap<number, PullRequestState>,
  closedByNumber: ReadonlyMap<number, PullRequestInfo>,
): TaskPullRequestStatus | undefined {
  const stateOf = (pr: PullRequestInfo): PullRequestState => details.get(pr.number) ?? { pr };
  const states: PullRequestState[] = [];
  for (const number of recordedPrNumbers(task)) {
    const open = match && [match.pr, ...match.others].find((pr) => pr.number === number);
    const pr = open ?? closedByNumber.get(number);
    if (pr) {
      states.push(stateOf(pr));
    }
  }
  if (match?.matchedBy === 'branch') {
    return { taskKey: task.key, matchedBy: 'branch', ...stateOf(match.pr) };
  }
  const leadAt = Math.max(
    0,
    states.findIndex((state) => state.pr.number === match?.pr.number),
  );
  const lead = states[leadAt];
  if (!lead) {
    return undefined;
  }
  const others = states.filter((_, at) => at !== leadAt);
  return {
    taskKey: task.key,
    matchedBy: 'prNumber',
    ...lead,
    ...(others.length > 0 ? { others } : {}),
  };
}
