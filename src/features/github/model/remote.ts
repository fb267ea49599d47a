/** Owner and repository of a GitHub (or GitHub Enterprise) remote. */
export interface GitHubRepositoryRef {
  host: string;
  owner: string;
  repo: string;
}

const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Parses an `origin` URL in any of the forms git accepts for GitHub:
 * `https://github.com/o/r(.git)`, `https://user@ghe.example.com/o/r`, `git@github.com:o/r.git`,
 * `ssh://git@github.com:22/o/r.git`, `git://host/o/r`. Returns undefined for anything else.
 */
export function parseGitHubRemote(url: string): GitHubRepositoryRef | undefined {
  const text = url.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)([^\s]+)$/.exec(text);
  if (scp && !text.includes('://')) {
    return fromHostAndPath(scp[1] ?? '', scp[2] ?? '');
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) {
    return undefined;
  }
  return fromHostAndPath(parsed.hostname, decodeURIComponent(parsed.pathname));
}

function fromHostAndPath(host: string, path: string): GitHubRepositoryRef | undefined {
  const parts = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  if (parts.length !== 2 || host === '') {
    return undefined;
  }
  const owner = parts[0] ?? '';
  const repo = (parts[1] ?? '').replace(/\.git$/, '');
  if (!NAME.test(owner) || !NAME.test(repo) || repo === '.' || repo === '..') {
    return undefined;
  }
  return { host: host.toLowerCase(), owner, repo };
}

/** The REST API root for a host: api.github.com for github.com, `/api/v3` on Enterprise Server. */
export function apiBaseUrlForHost(host: string): string {
  const lower = host.toLowerCase();
  if (lower === 'github.com' || lower === 'www.github.com') {
    return 'https://api.github.com';
  }
  if (lower.endsWith('.ghe.com')) {
    return `https://api.${lower}`;
  }
  return `https://${lower}/api/v3`;
}
