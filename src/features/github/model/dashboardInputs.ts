import type { PullRequestInput } from '../../dashboard/model/inputs';
import type { CiSummary, GitHubStatus, PullRequestInfo } from './types';

const CI: Record<CiSummary['state'], PullRequestInput['ci']> = {
  success: 'passing',
  failure: 'failing',
  pending: 'pending',
  none: 'none',
};

function stateOf(pr: PullRequestInfo): PullRequestInput['state'] {
  return pr.state === 'open' && pr.draft ? 'draft' : pr.state;
}

/**
 * The dashboard's pull requests: one entry per PR (open ones and closed ones tasks point at), tied
 * to the first task it matched and to its head branch, so tasks sharing a branch all find it.
 * Empty until a refresh succeeded; the last known state after a failed one.
 */
export function pullRequestInputs(github: GitHubStatus): PullRequestInput[] {
  if (github.fetchedAt === undefined) {
    return [];
  }
  const byNumber = new Map<number, PullRequestInput>();
  for (const status of Object.values(github.tasks)) {
    if (byNumber.has(status.pr.number)) {
      continue;
    }
    byNumber.set(status.pr.number, {
      number: status.pr.number,
      state: stateOf(status.pr),
      ci: status.ci ? CI[status.ci.state] : 'none',
      url: status.pr.url,
      taskKey: status.taskKey,
      branch: status.pr.headRef,
    });
  }
  for (const pr of github.openPullRequests) {
    if (!byNumber.has(pr.number)) {
      byNumber.set(pr.number, {
        number: pr.number,
        state: stateOf(pr),
        ci: 'none',
        url: pr.url,
        branch: pr.headRef,
      });
    }
  }
  return [...byNumber.values()];
}
