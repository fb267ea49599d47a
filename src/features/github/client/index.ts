export {
  GitHubService,
  type GitHubServiceOptions,
  type GitHubRepository,
  type CreatedPullRequest,
} from './service';
export { GitHubError } from './errors';
export { cliTokenProvider, environmentTokenProvider, type TokenProvider } from './tokens';
export { redactSecrets } from '../../../kernel/text/redact';
export { originRemoteUrl } from './remote';
export type { GitHubLog } from './octokit';
export { resolveGitHubTarget, type GitHubTarget, type GitHubTargetInput } from '../model/target';
export {
  pullRequestDraftForTask,
  type PullRequestDraft,
  type PullRequestSettings,
} from '../model/prRequest';
export { DEFAULT_PR_BODY_TEMPLATE, renderPrBody, pullRequestTitle } from '../model/prBody';
export type * from '../model/types';
export { gitHubServiceFor, gitHubTargetFor, type GitHubSettings } from './forRepository';
export { pushBranchToOrigin } from './push';
export {
  readGitHubConfiguration,
  GITHUB_DEFAULTS,
  type GitHubConfiguration,
} from '../model/settings';
