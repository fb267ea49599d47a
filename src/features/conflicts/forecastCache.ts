import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../platform/files/atomicWrite';
import { runGit } from '../../platform/git';
import type { PairVerdict } from './model/types';

const CACHE_VERSION = 2;

interface CacheFile {
  version: number;
  /** `<base commit> <commit>` → their merge base, or null for unrelated histories. */
  bases: Record<string, string | null>;
  /** `<merge base> <commit>` → paths changed between them. */
  changes: Record<string, string[]>;
  /** `<commit> <commit>` (sorted) → what merging them gives. */
  merges: Record<string, PairVerdict>;
}

/**
 * Forecast results by commit, kept in the repository's private state (under the git common dir,
 * shared by every worktree and never committed). A run keeps only the entries it used, so the
 * file stays the size of the live branches; a branch that moved has new commits and misses.
 */
export class ForecastCache {
  private readonly used: CacheFile = emptyCache();

  private constructor(
    private readonly file: string,
    private readonly stored: CacheFile,
  ) {}

  static async open(folder: string, signal?: AbortSignal): Promise<ForecastCache> {
    const commonDir = (
      await runGit(['rev-parse', '--path-format=absolute', '--git-common-dir'], {
        cwd: folder,
        signal,
        readOnly: true,
      })
    ).stdout.trim();
    const file = join(commonDir, 'coordinator', 'conflicts', 'forecast-cache.json');
    const stored = await readFile(file, 'utf8').then(parseCache, () => undefined);
    return new ForecastCache(file, stored ?? emptyCache());
  }

  mergeBase(base: string, commit: string): string | null | undefined {
    return this.remember(this.stored.bases, this.used.bases, `${base} ${commit}`);
  }

  setMergeBase(base: string, commit: string, mergeBase: string | null): void {
    this.used.bases[`${base} ${commit}`] = mergeBase;
  }

  changes(from: string, to: string): string[] | undefined {
    return this.remember(this.stored.changes, this.used.changes, `${from} ${to}`);
  }

  setChanges(from: string, to: string, paths: string[]): void {
    this.used.changes[`${from} ${to}`] = paths;
  }

  merge(a: string, b: string): PairVerdict | undefined {
    return this.remember(this.stored.merges, this.used.merges, pairKey(a, b));
  }

  setMerge(a: string, b: string, verdict: PairVerdict): void {
    if (verdict.status !== 'error') {
      this.used.merges[pairKey(a, b)] = verdict;
    }
  }

  async save(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(this.used));
  }

  private remember<T>(
    stored: Record<string, T>,
    used: Record<string, T>,
    key: string,
  ): T | undefined {
    const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
    if (value !== undefined) {
      used[key] = value;
    }
    return value;
  }
}

function emptyCache(): CacheFile {
  return { version: CACHE_VERSION, bases: {}, changes: {}, merges: {} };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

function parseCache(text: string): CacheFile | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<CacheFile>;
    if (
      parsed.version === CACHE_VERSION &&
      typeof parsed.bases === 'object' &&
      parsed.bases !== null &&
      typeof parsed.changes === 'object' &&
      parsed.changes !== null &&
      typeof parsed.merges === 'object' &&
      parsed.merges !== null
    ) {
      return parsed as CacheFile;
    }
  } catch {
    // A damaged cache is only a slower run.
  }
  return undefined;
}
