import type { GitHubStatus, PullRequestState } from '../../github/model/types';
import { displayStatus } from '../../../kernel/model/graph';
import { deriveSummary } from '../../../kernel/model/summary';
import type { LoadedTaskFile, TaskModel } from '../../../kernel/model/types';
import type { WorktreeEntry } from '../../../kernel/git/worktreeTypes';
import { diffSnapshots } from './diff';
import { snapshotId } from './naming';
import {
  SNAPSHOT_FORMAT,
  type SnapshotConflicts,
  type SnapshotDocument,
  type SnapshotEdge,
  type SnapshotGitHub,
  type SnapshotPullRequest,
  type SnapshotWorktree,
} from './types';

export interface SnapshotInput {
  now: Date;
  loaded: LoadedTaskFile & { model: TaskModel };
  /** Shown as written; relative to the repository root is best. */
  taskFile?: string;
  /** Worktrees with paths already made relative for display, or why they could not be listed. */
  worktrees: WorktreeEntry[] | { error: string };
  /** GitHub state, or why there is none (no token, no remote, offline). */
  github: GitHubStatus | { unavailable: string };
  previous?: SnapshotDocument;
  conflicts?: SnapshotConflicts;
}

function githubSection(input: SnapshotInput): SnapshotGitHub {
  const github = input.github;
  if ('unavailable' in github) {
    return {
      available: false,
      reason: github.unavailable,
      stale: false,
      openPullRequests: 0,
      pullRequests: [],
    };
  }
  if (github.fetchedAt === undefined) {
    return {
      available: false,
      reason: github.error?.message ?? 'GitHub data has not been fetched.',
      stale: false,
      openPullRequests: 0,
      pullRequests: [],
    };
  }
  const byNumber = new Map<number, { status?: PullRequestState; taskKeys: string[] }>();
  for (const pr of github.openPullRequests) {
    byNumber.set(pr.number, { taskKeys: [] });
  }
  for (const task of input.loaded.model.tasks) {
    const status = github.tasks[task.key];
    for (const state of status ? [status, ...(status.others ?? [])] : []) {
      const entry = byNumber.get(state.pr.number) ?? { taskKeys: [] };
      entry.status ??= state;
      entry.taskKeys.push(task.key);
      byNumber.set(state.pr.number, entry);
    }
  }
  const openByNumber = new Map(github.openPullRequests.map((pr) => [pr.number, pr]));
  const pullRequests: SnapshotPullRequest[] = [...byNumber.entries()]
    .map(([number, entry]) => {
      const pr = entry.status?.pr ?? openByNumber.get(number);
      if (!pr) {
        return undefined;
      }
      const out: SnapshotPullRequest = {
        number,
        title: pr.title,
        url: pr.url,
        state: pr.state,
        draft: pr.draft,
        headRef: pr.headRef,
        ci: entry.status?.ci?.state ?? 'unknown',
        failingChecks: entry.status?.ci?.failing ?? [],
        taskKeys: entry.taskKeys,
      };
      if (pr.author) {
        out.author = pr.author;
      }
      if (entry.status?.reviewDecision) {
        out.reviewDecision = entry.status.reviewDecision;
      }
      if (pr.mergeable !== undefined) {
        out.mergeable = pr.mergeable;
      }
      return out;
    })
    .filter((pr): pr is SnapshotPullRequest => pr !== undefined)
    .sort(
      (a, b) =>
        Number(b.taskKeys.length > 0) - Number(a.taskKeys.length > 0) || b.number - a.number,
    );
  return {
    available: true,
    ...(github.error
      ? {
          reason: `Last refresh failed (${github.error.message}); showing the state from ${github.fetchedAt}.`,
        }
      : {}),
    ...(github.repository
      ? { repository: `${github.repository.owner}/${github.repository.repo}` }
      : {}),
    fetchedAt: github.fetchedAt,
    stale: github.error !== undefined,
    openPullRequests: github.openPullRequests.length,
    pullRequests,
  };
}

function worktreeSection(input: SnapshotInput): SnapshotWorktree[] {
  if (!Array.isArray(input.worktrees)) {
    return [];
  }
  return input.worktrees.map((worktree) => ({
    path: worktree.path,
    ...(worktree.branch ? { branch: worktree.branch } : {}),
    ...(worktree.head ? { head: worktree.head.slice(0, 9) } : {}),
    main: worktree.main,
    taskKeys: input.loaded.model.tasks
      .filter(
        (task) =>
          (task.branch && task.branch === worktree.branch) || task.worktreePath === worktree.path,
      )
      .map((task) => task.key),
    locked: worktree.locked !== undefined,
    prunable: worktree.prunable !== undefined,
  }));
}

function dependencyEdges(input: SnapshotInput): SnapshotEdge[] {
  const graph = input.loaded.graph;
  const edges: SnapshotEdge[] = [];
  for (const task of input.loaded.model.tasks) {
    for (const ref of graph?.dependencies.get(task.key) ?? []) {
      edges.push(
        ref.taskKey
          ? { from: ref.taskKey, to: task.key, external: false }
          : { from: ref.name, to: task.key, external: true },
      );
    }
  }
  return edges;
}

/** The snapshot document: pure, from data gathered by the caller. */
export function buildSnapshot(input: SnapshotInput): SnapshotDocument {
  const { model, graph } = input.loaded;
  const worktrees = worktreeSection(input);
  const worktreeOf = new Map<string, string>();
  for (const worktree of worktrees) {
    for (const key of worktree.taskKeys) {
      if (!worktreeOf.has(key)) {
        worktreeOf.set(key, worktree.path);
      }
    }
  }
  const github = githubSection(input);
  const errors = input.loaded.diagnostics.filter((d) => d.severity === 'error');
  const warnings = input.loaded.diagnostics.filter((d) => d.severity === 'warning');
  const document: SnapshotDocument = {
    format: SNAPSHOT_FORMAT,
    snapshotId: snapshotId(input.now),
    capturedAt: input.now.toISOString(),
    ...(input.taskFile ? { taskFile: input.taskFile } : {}),
    summary: input.loaded.summary ?? deriveSummary(model, graph),
    diagnostics: {
      errors: errors.length,
      warnings: warnings.length,
      messages: [...errors, ...warnings]
        .slice(0, 10)
        .map((d) => `${d.line}:${d.column} ${d.message}`),
    },
    tasks: model.tasks.map((task) => ({
      key: task.key,
      id: task.id,
      group: task.group,
      name: task.name,
      owner: task.owner,
      status: task.status,
      displayStatus: displayStatus(task, graph),
      ...(task.priority ? { priority: task.priority } : {}),
      ...(task.estimate ? { estimateHours: task.estimate.hours } : {}),
      ...(task.progress ? { progressPercentage: task.progress.percentage } : {}),
      ...(task.branch ? { branch: task.branch } : {}),
      ...(task.prNumber !== undefined ? { prNumber: task.prNumber } : {}),
      ...(task.prNumbers.length > 1 ? { prNumbers: [...task.prNumbers] } : {}),
      criticalReview: task.criticalReview,
      dependencies: [...task.dependencies],
      blockers: [...task.blockers],
      ...(worktreeOf.has(task.key) ? { worktree: worktreeOf.get(task.key) } : {}),
    })),
    groups: model.groups.map((group) => ({ key: group.key, taskKeys: [...group.taskKeys] })),
    github,
    ciFailures: github.pullRequests
      .filter((pr) => pr.ci === 'failure')
      .map((pr) => ({
        prNumber: pr.number,
        title: pr.title,
        taskKeys: pr.taskKeys,
        checks: pr.failingChecks,
      })),
    worktrees,
    ...(Array.isArray(input.worktrees) ? {} : { worktreesError: input.worktrees.error }),
    guardrails: model.guardrails.map((guardrail) => ({
      key: guardrail.key,
      required: guardrail.required,
      status: guardrail.status ?? 'not_run',
      ...(guardrail.lastRun ? { lastRun: guardrail.lastRun } : {}),
      ...(guardrail.durationMs !== undefined ? { durationMs: guardrail.durationMs } : {}),
      command: guardrail.command,
      ...(guardrail.dependsOn ? { dependsOn: guardrail.dependsOn } : {}),
    })),
    dependencies: dependencyEdges(input),
  };
  if (input.conflicts) {
    document.conflicts = input.conflicts;
  }
  if (input.previous) {
    document.previousSnapshotId = input.previous.snapshotId;
    document.changes = diffSnapshots(input.previous, document);
  }
  return document;
}
