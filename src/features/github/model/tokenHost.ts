/**
 * The one rule for where a GitHub token may go, used by the editor and the CLI alike: github.com's
 * API over https, or a server the user configured (GitHub Enterprise's URL, `--api-url`). A host
 * taken from the `origin` remote alone is never trusted: anyone can name any host there.
 */
export function tokenMayGoTo(apiBaseUrl: string, configuredUrls: readonly (string | undefined)[]) {
  const api = parseUrl(apiBaseUrl);
  if (api === undefined) {
    return false;
  }
  if (api.protocol === 'https:' && api.host === 'api.github.com') {
    return true;
  }
  return configuredUrls.some((configured) => {
    const trusted = parseUrl(configured);
    return (
      trusted !== undefined &&
      trusted.protocol === api.protocol &&
      (api.host === trusted.host || api.host === `api.${trusted.host}`)
    );
  });
}

/** Whether `url` is on the same scheme and host as the API root (pagination links, redirects). */
export function sameServer(url: string, apiBaseUrl: string): boolean {
  const target = parseUrl(url);
  const api = parseUrl(apiBaseUrl);
  return (
    target !== undefined &&
    api !== undefined &&
    target.protocol === api.protocol &&
    target.host === api.host
  );
}

function parseUrl(url: string | undefined): URL | undefined {
  if (!url) {
    return undefined;
  }
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
