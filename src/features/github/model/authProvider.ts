import { tokenMayGoTo } from './tokenHost';

/** VS Code's sign-in providers for GitHub: github.com, and GitHub Enterprise (Server or ghe.com). */
export type GitHubAuthProviderId = 'github' | 'github-enterprise';

/** `github` for api.github.com, `github-enterprise` for any other API root. */
export function authProviderFor(apiBaseUrl: string): GitHubAuthProviderId {
  return tokenMayGoTo(apiBaseUrl, []) ? 'github' : 'github-enterprise';
}

/**
 * Whether a session of `provider` may be sent to `apiBaseUrl`. A github.com session goes only to
 * api.github.com; an Enterprise session only to the host VS Code signed in to (`github-enterprise.uri`),
 * or its `api.` subdomain on ghe.com. Anything else would hand a token to a server it was not made for.
 */
export function sessionFitsApi(
  provider: GitHubAuthProviderId,
  apiBaseUrl: string,
  enterpriseUri: string | undefined,
): boolean {
  const toGitHubCom = tokenMayGoTo(apiBaseUrl, []);
  return provider === 'github'
    ? toGitHubCom
    : !toGitHubCom && tokenMayGoTo(apiBaseUrl, [enterpriseUri]);
}
