import { createHash } from 'node:crypto';
import { createLimiter, type Limiter } from '../../kernel/async/limiter';
import { nestedWorktrees } from '../../kernel/git/worktreePorcelain';
import type { WorktreeEntry, WorktreeStatus } from '../../kernel/git/worktreeTypes';
import type { TaskModel } from '../../kernel/model/types';
import {
  aheadBehind,
  branchTips,
  commitFolders,
  commitSummaries,
  defaultBranch,
  folderChangesAgainst,
  listWorktrees,
  resolveCommit,
  worktreeChangeCounts,
  type BranchTip,
} from '../../platform/git';
import { readAgentStates } from '../agents/agentStateStore';
import { shownAgentState, type AgentStateRecord } from '../agents/model/agentState';
import { linkedTasks, type ListWorktreesOptions, type WorktreeInfo } from './list';
import {
  emptyStatusCache,
  pairKey,
  prunedStatusCache,
  sameFingerprint,
  settledBefore,
  type CachedWorktree,
  type StatusCache,
} from './model/statusCache';
import { readStatusCache, statusCachePath, writeStatusCache } from './statusCacheFile';
import { takeFingerprint } from './worktreeFingerprint';

export const DEFAULT_STATUS_MAX_AGE_MS = 5 * 60 * 1000;

/**
 * Every worktree of the repository with its change counts, ahead/behind its upstream and the base,
 * last commit, last activity, linked task and agent state, asking git only what changed since the
 * last listing. Warm, a listing is three git calls (`worktree list`, `for-each-ref`, the default
 * branch) and a few `lstat`s per worktree; git is asked for a worktree's changes only when its
 * HEAD, index or a folder's time moved, its agent is working, or the cached answer is old. Rows
 * are handed to `onRow` as they complete. Entries whose folder is gone keep their `prunable` flag.
 */
export async function listWorktreesWithStatus(
  cwd: string,
  options: ListWorktreesOptions = {},
): Promise<WorktreeInfo[]> {
  const { signal } = options;
  const entries = await listWorktrees(cwd, signal);
  const mainRoot = entries[0]?.path ?? cwd;
  const useCache = options.cache !== false;
  const [base, tips, cachePath, agents] = await Promise.all([
    options.base ?? defaultBranch(mainRoot, signal),
    branchTips(mainRoot, signal),
    useCache ? statusCachePath(mainRoot, signal) : undefined,
    options.model ? agentStatesByTask(mainRoot) : new Map<string, AgentStateRecord>(),
  ]);
  const cache = cachePath ? await readStatusCache(cachePath) : emptyStatusCache();
  const heads = entries.flatMap((entry) =>
    entry.head && !entry.bare && !entry.prunable ? [entry.head] : [],
  );
  const limiter = createLimiter(options.concurrency ?? 4);
  const reader = new WorktreeReader(mainRoot, cache, tips, heads, options, limiter);
  const baseOid = base ? await reader.commitOf(base) : undefined;
  reader.baseOid = baseOid;
  const nested = nestedWorktrees(entries);
  const rows = await Promise.all(
    entries.map(async (entry, index) => {
      const info = await reader.row(entry, baseOid, agents, nested.get(entry.path));
      options.onRow?.(info, index);
      return info;
    }),
  );
  if (cachePath) {
    await writeStatusCache(cachePath, reader.cacheToKeep()).catch(() => undefined);
  }
  return rows;
}

/** Reads one listing's rows, sharing git answers between rows and keeping what is worth caching. */
class WorktreeReader {
  private readonly now = Date.now();
  private readonly summaries: Promise<void>;
  private readonly folderSets = new Map<string, Promise<string[]>>();
  private readonly counts = new Map<string, Promise<{ ahead: number; behind: number }>>();
  private readonly usedPaths = new Set<string>();
  private readonly usedCommits = new Set<string>();
  private readonly usedPairs = new Set<string>();
  private readonly recheck: ReadonlySet<string>;
  private batch: Promise<Map<string, string[]>> | undefined;
  /** The base's commit, once resolved: folders of other heads are read as changes against it. */
  baseOid: string | undefined;

  constructor(
    private readonly mainRoot: string,
    private readonly cache: StatusCache,
    private readonly tips: Map<string, BranchTip>,
    private readonly heads: readonly string[],
    private readonly options: ListWorktreesOptions,
    private readonly git: Limiter,
  ) {
    this.summaries = this.readMissingSummaries([...heads]);
    this.recheck = new Set(options.recheck ?? []);
  }

  /** A base's commit from the tips already read, else from git. */
  async commitOf(base: string): Promise<string | undefined> {
    const tip = this.tips.get(`refs/heads/${base}`) ?? this.tips.get(`refs/remotes/${base}`);
    if (tip) {
      return tip.oid;
    }
    return this.git(() => resolveCommit(this.mainRoot, base, this.options.signal)).catch(
      () => undefined,
    );
  }

  async row(
    entry: WorktreeEntry,
    baseOid: string | undefined,
    agents: Map<string, AgentStateRecord>,
    nestedIn: string | undefined,
  ): Promise<WorktreeInfo> {
    const info: WorktreeInfo = { ...entry };
    if (nestedIn) {
      info.nestedIn = nestedIn;
    }
    const model: TaskModel | undefined = this.options.model;
    const tasks = model ? linkedTasks(entry, model, this.mainRoot) : [];
    if (tasks.length > 0) {
      info.taskKey = tasks[0]?.key;
      info.taskKeys = tasks.map((task) => task.key);
    }
    const report = tasks.map((task) => agents.get(task.key)).find(Boolean);
    if (report) {
      info.agent = {
        task: report.task,
        state: shownAgentState(report, new Date(this.now)),
        agent: report.agent,
        at: report.at,
        ...(report.message !== undefined ? { message: report.message } : {}),
      };
    }
    if (entry.bare || entry.prunable) {
      return info;
    }
    this.usedPaths.add(entry.path);
    const head = entry.head;
    const [folders, againstBase, upstream] = await Promise.all([
      // Without a cache there is nothing to compare stamps with: the root's time is enough.
      head && this.options.cache !== false ? this.foldersOf(head) : Promise.resolve([]),
      head && baseOid ? this.countsOf(head, baseOid) : Promise.resolve(undefined),
      this.upstreamOf(entry),
    ]);
    if (head) {
      await this.summaries;
      const commit = this.cache.commits[head];
      if (commit) {
        info.lastCommit = { oid: head, time: commit.time, subject: commit.subject };
      }
    }
    if (againstBase) {
      info.aheadOfBase = againstBase.ahead;
      info.behindBase = againstBase.behind;
    }
    const taken = await takeFingerprint(entry, folders);
    const cached = this.cache.worktrees[entry.path];
    const reusable =
      cached &&
      !this.options.fresh &&
      !this.recheck.has(entry.path) &&
      info.agent?.state !== 'working' &&
      this.now - cached.checkedAt < (this.options.maxAgeMs ?? DEFAULT_STATUS_MAX_AGE_MS) &&
      settledBefore(cached) &&
      sameFingerprint(cached.fingerprint, taken.fingerprint);
    let changes: WorktreeStatus | undefined;
    if (reusable) {
      changes = cached.changes;
      info.statusCached = true;
    } else {
      try {
        changes = await this.git(() => worktreeChangeCounts(entry.path, this.options.signal));
      } catch (error) {
        if (this.options.signal?.aborted) {
          throw error;
        }
        info.statusError = error instanceof Error ? error.message : String(error);
        delete this.cache.worktrees[entry.path];
      }
      if (changes) {
        const next: CachedWorktree = {
          fingerprint: taken.fingerprint,
          changes,
          checkedAt: this.now,
          newestMs: taken.newestMs,
        };
        if (cached?.disk) {
          next.disk = cached.disk;
        }
        this.cache.worktrees[entry.path] = next;
      }
    }
    if (changes) {
      info.status = {
        ...changes,
        ...(head ? { oid: head } : {}),
        ...(entry.branch ? { branch: entry.branch } : {}),
        ...upstream,
      };
    }
    const disk = this.cache.worktrees[entry.path]?.disk;
    if (disk) {
      info.diskUsage = { bytes: disk.bytes, measuredAt: disk.measuredAt };
    }
    const activity = Math.max(
      info.lastCommit?.time ?? 0,
      taken.newestMs / 1000,
      info.agent ? Date.parse(info.agent.at) / 1000 : 0,
    );
    if (activity > 0) {
      info.lastActivity = Math.floor(activity);
    }
    return info;
  }

  /** The cache as this listing leaves it: only what the current worktrees use. */
  cacheToKeep(): StatusCache {
    return prunedStatusCache(this.cache, {
      paths: this.usedPaths,
      commits: this.usedCommits,
      pairs: this.usedPairs,
    });
  }

  /** One `git log --no-walk` for every head the cache does not know yet. */
  private async readMissingSummaries(heads: readonly string[]): Promise<void> {
    const missing = [...new Set(heads)].filter((head) => !this.cache.commits[head]);
    if (missing.length === 0) {
      return;
    }
    const summaries = await this.git(() =>
      commitSummaries(this.mainRoot, missing, this.options.signal),
    );
    for (const [oid, summary] of summaries) {
      const known = this.cache.commits[oid];
      this.cache.commits[oid] = { ...known, time: summary.time, subject: summary.subject };
    }
  }

  /** The folders of a commit's tree: from the cache, else one `ls-tree` per commit. */
  private foldersOf(head: string): Promise<string[]> {
    this.usedCommits.add(head);
    let folders = this.folderSets.get(head);
    if (!folders) {
      folders = this.readFolders(head);
      this.folderSets.set(head, folders);
    }
    return folders;
  }

  private async readFolders(head: string): Promise<string[]> {
    const known = this.cache.commits[head]?.folderSet;
    const set = known ? this.cache.folderSets[known] : undefined;
    if (set) {
      return set;
    }
    if (this.baseOid && head !== this.baseOid) {
      const batched = (await this.batchFolders(this.baseOid)).get(head);
      if (batched) {
        return batched;
      }
    }
    const folders = await this.git(() => commitFolders(this.mainRoot, head, this.options.signal));
    await this.remember(head, folders);
    return folders;
  }

  /**
   * The folders of every head the cache lacks, in two calls whatever their number: the base's
   * tree, then one `diff-tree --stdin` for the folders each head adds or deletes.
   */
  private batchFolders(base: string): Promise<Map<string, string[]>> {
    this.batch ??= (async () => {
      const baseFolders = await this.foldersOf(base);
      const missing = [...new Set(this.heads)].filter(
        (head) => head !== base && !this.cache.commits[head]?.folderSet,
      );
      const changes = await this.git(() =>
        folderChangesAgainst(this.mainRoot, base, missing, this.options.signal),
      );
      const sets = new Map<string, string[]>();
      for (const head of missing) {
        const change = changes.get(head);
        let folders = baseFolders;
        if (change && (change.added.length > 0 || change.deleted.length > 0)) {
          const next = new Set(baseFolders);
          change.deleted.forEach((folder) => next.delete(folder));
          change.added.forEach((folder) => next.add(folder));
          folders = [...next].sort();
        }
        sets.set(head, folders);
        await this.remember(head, folders);
      }
      return sets;
    })();
    return this.batch;
  }

  /** Keeps a commit's folders in the cache, shared with every commit that has the same ones. */
  private async remember(head: string, folders: string[]): Promise<void> {
    const key = createHash('sha1').update(folders.join('\0')).digest('base64url');
    this.cache.folderSets[key] = folders;
    await this.summaries;
    const commit = this.cache.commits[head];
    if (commit) {
      commit.folderSet = key;
    }
  }

  /** Ahead/behind of `head` against `other`: from the cache, else one `rev-list` per pair. */
  private countsOf(head: string, other: string): Promise<{ ahead: number; behind: number }> {
    const key = pairKey(head, other);
    this.usedPairs.add(key);
    let counts = this.counts.get(key);
    if (!counts) {
      const known = this.cache.counts[key];
      counts = known
        ? Promise.resolve(known)
        : this.git(() => aheadBehind(this.mainRoot, other, head, this.options.signal)).then(
            (read) => {
              this.cache.counts[key] = read;
              return read;
            },
          );
      this.counts.set(key, counts);
    }
    return counts;
  }

  /** The branch's upstream (short name) and ahead/behind against it, when it has one. */
  private async upstreamOf(
    entry: WorktreeEntry,
  ): Promise<Pick<WorktreeStatus, 'upstream' | 'ahead' | 'behind'>> {
    const upstream = entry.branch
      ? this.tips.get(`refs/heads/${entry.branch}`)?.upstream
      : undefined;
    if (!upstream) {
      return {};
    }
    const name = upstream.replace(/^refs\/(remotes|heads)\//, '');
    const upstreamOid = this.tips.get(upstream)?.oid;
    if (!entry.head || !upstreamOid) {
      return { upstream: name };
    }
    const counts = await this.countsOf(entry.head, upstreamOid);
    return { upstream: name, ahead: counts.ahead, behind: counts.behind };
  }
}

async function agentStatesByTask(mainRoot: string): Promise<Map<string, AgentStateRecord>> {
  const records = await readAgentStates(mainRoot).catch(() => [] as AgentStateRecord[]);
  return new Map(records.map((record) => [record.task, record]));
}
