import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { excludeToolFolder } from '../../platform/git/excludeOutputs';
import { parseRunLog, type GuardrailRunLog } from './model/runLog';
import { formatRunTimestamp } from './model/timestamp';
import { writeFileAtomic } from '../../platform/files/atomicWrite';

/**
 * Writes a run log as `<folder>/<UTC timestamp>-<random>.json`, atomically; returns its path. A
 * folder inside a checkout is kept out of `git status` through the repository's `info/exclude`.
 */
export async function writeRunLog(folder: string, log: GuardrailRunLog): Promise<string> {
  await mkdir(folder, { recursive: true });
  await excludeToolFolder(folder);
  const name = `${formatRunTimestamp(new Date(log.startedAt))}-${randomBytes(3).toString('hex')}.json`;
  const target = path.join(folder, name);
  await writeFileAtomic(target, `${JSON.stringify(log, null, 2)}\n`);
  return target;
}

/**
 * The newest `limit` run logs of a folder, newest first. A missing folder gives none; files that
 * are not run logs are left out.
 */
export async function readRunLogs(folder: string, limit = 100): Promise<GuardrailRunLog[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
  const newest = names
    .filter((name) => /^\d{8}T\d{6}Z-[0-9a-f]+\.json$/.test(name))
    .sort()
    .reverse()
    .slice(0, limit);
  const logs: GuardrailRunLog[] = [];
  for (const name of newest) {
    const log = parseRunLog(await readFile(path.join(folder, name), 'utf8').catch(() => ''));
    if (log) {
      logs.push(log);
    }
  }
  return logs;
}
