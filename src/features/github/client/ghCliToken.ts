import { execFile } from 'node:child_process';

const GH_TIMEOUT_MS = 5_000;

/** The web host `gh` knows an API root by: github.com for api.github.com, else the API's host. */
export function ghHostnameFor(apiBaseUrl: string): string | undefined {
  try {
    const host = new URL(apiBaseUrl).host.toLowerCase();
    if (host === 'api.github.com') {
      return 'github.com';
    }
    return host.startsWith('api.') && host.endsWith('.ghe.com') ? host.slice(4) : host;
  } catch {
    return undefined;
  }
}

/**
 * The token the `gh` CLI is logged in with for that host (`gh auth token --hostname`), when `gh`
 * is installed and logged in. Never prompts (no terminal, `GH_PROMPT_DISABLED`); anything else,
 * a missing `gh` included, is "no token".
 */
export function ghCliToken(apiBaseUrl: string): Promise<string | undefined> {
  const hostname = ghHostnameFor(apiBaseUrl);
  if (!hostname) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const child = execFile(
      'gh',
      ['auth', 'token', '--hostname', hostname],
      {
        env: { ...process.env, GH_PROMPT_DISABLED: '1', NO_COLOR: '1' },
        timeout: GH_TIMEOUT_MS,
        encoding: 'utf8',
        maxBuffer: 64 * 1024,
        windowsHide: true,
      },
      (error, stdout) => {
        const token = stdout.trim();
        resolve(!error && /^[\w-]+$/.test(token) ? token : undefined);
      },
    );
    child.stdin?.end();
  });
}
