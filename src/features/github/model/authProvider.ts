/** VS Code's sign-in providers for GitHub: github.com, and GitHub Enterprise (Server or ghe.com). */
export type GitHubAuthProviderId = 'github' | 'github-enterprise';

function hostOf(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** `github` for api.github.com, `github-enterprise` for any other API root. */
export function authProviderFor(apiBaseUrl: string): GitHubAuthProviderId {
  return hostOf(apiBaseUrl) === 'api.github.com' ? 'github' : 'github-enterprise';
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
  const apiHost = hostOf(apiBaseUrl);
  if (apiHost === undefined) {
    return false;
  }
  if (provider === 'github') {
    return apiHost === 'api.github.com';
  }
  const enterpriseHost = hostOf(enterpriseUri);
  return (
    enterpriseHost !== undefined &&
    (apiHost === enterpriseHost || apiHost === `api.${enterpriseHost}`)
  );
}
