import { mkdir, readFile, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';
import { acquireLock } from '../files/lock';
import { mainWorktreeRoot } from '../git';

/** Set to 1 (by CI, or by the editor in the terminals it opens in a trusted workspace): trusted. */
export const TRUSTED_ENV = 'COORD_TRUSTED';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the repositories the user trusts are listed: outside every repository. */
export function trustFilePath(env: Env): string {
  const configHome = env.XDG_CONFIG_HOME?.trim() || path.join(homedir(), '.config');
  return path.join(configHome, 'agent-coordinator', 'trust.json');
}

/** A repository as trust knows it: the real path of its main worktree (of `cwd` outside git). */
export async function repositoryIdentity(cwd: string): Promise<string> {
  const root = (await mainWorktreeRoot(cwd).catch(() => undefined)) ?? cwd;
  return realpath(root).catch(() => path.resolve(root));
}

export async function trustedRepositories(env: Env): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(trustFilePath(env), 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = JSON.parse(text) as { repositories?: unknown };
    return Array.isArray(parsed.repositories)
      ? parsed.repositories.filter((entry): entry is string => typeof entry === 'string')
      : [];
  } catch {
    // An unreadable list trusts nothing; the next write replaces it.
    return [];
  }
}

/** Adds or removes `identity`; false when it was already so. */
export async function setTrusted(identity: string, trusted: boolean, env: Env): Promise<boolean> {
  const file = trustFilePath(env);
  await mkdir(path.dirname(file), { recursive: true });
  const lock = await acquireLock(`${file}.lock`);
  try {
    const listed = await trustedRepositories(env);
    if (listed.includes(identity) === trusted) {
      return false;
    }
    const repositories = trusted
      ? [...listed, identity].sort()
      : listed.filter((entry) => entry !== identity);
    await writeFileAtomic(file, `${JSON.stringify({ repositories }, null, 2)}\n`);
    return true;
  } finally {
    await lock.release();
  }
}

export type TrustSource = 'flag' | 'environment' | 'trustList';

/** Whether the repository of `cwd` is trusted, and by what; undefined when it is not. */
export async function trustOf(
  cwd: string,
  options: { flag: boolean; env: Env },
): Promise<TrustSource | undefined> {
  if (options.flag) {
    return 'flag';
  }
  if (options.env[TRUSTED_ENV]?.trim() === '1') {
    return 'environment';
  }
  const identity = await repositoryIdentity(cwd);
  return (await trustedRepositories(options.env)).includes(identity) ? 'trustList' : undefined;
}
