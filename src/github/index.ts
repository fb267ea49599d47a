export {
  GitHubService,
  type GitHubServiceOptions,
  type GitHubRepository,
  type CreatedPullRequest,
} from './service';
export { GitHubError } from './errors';
export { environmentTokenProvider, type TokenProvider } from './tokens';
export { redactSecrets } from './redact';
export { originRemoteUrl } from './remote';
export type { GitHubLog } from './octokit';
export {
  resolveGitHubTarget,
  type GitHubTarget,
  type GitHubTargetInput,
} from '../core/github/target';
export {
  pullRequestDraftForTask,
  type PullRequestDraft,
  type PullRequestSettings,
} from '../core/github/prRequest';
export { DEFAULT_PR_BODY_TEMPLATE, renderPrBody, pullRequestTitle } from '../core/github/prBody';
export type * from '../core/github/types';
export { gitHubServiceFor, gitHubTargetFor, type GitHubSettings } from './forRepository';
export { pushBranchToOrigin } from './push';
export {
  readGitHubConfiguration,
  GITHUB_DEFAULTS,
  type GitHubConfiguration,
} from '../core/github/settings';
// Snapshot capture rides in this lazily loaded bundle too: it runs only on demand.
export { captureSnapshot, SnapshotError, type CapturedSnapshot } from '../snapshot';
