/**
 * The web address of a pull request from a git remote URL, for GitHub-style hosts
 * (`git@host:owner/repo.git`, `ssh://git@host/owner/repo`, `https://host/owner/repo.git`).
 * Undefined when the remote is not of those shapes.
 */
export function pullRequestUrl(remoteUrl: string, prNumber: number): string | undefined {
  const web = repositoryWebUrl(remoteUrl);
  return web === undefined || !Number.isInteger(prNumber) || prNumber <= 0
    ? undefined
    : `${web}/pull/${prNumber}`;
}

export function repositoryWebUrl(remoteUrl: string): string | undefined {
  const trimmed = remoteUrl.trim();
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(trimmed);
  if (scp) {
    return `https://${scp[1]}/${scp[2]}`;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) {
    return undefined;
  }
  const path = /^\/([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url.pathname);
  return path ? `https://${url.hostname}/${path[1]}` : undefined;
}
