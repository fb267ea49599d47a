import { SETTINGS } from '../../kernel/config/settingsTable';
import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { GitHubStatus } from '../github/model/types';
import { loadTaskFile } from '../../kernel/model/load';
import type { LoadedTaskFile, TaskModel } from '../../kernel/model/types';
import { buildSnapshot } from './model/build';
import { renderSnapshotMarkdown } from './model/markdown';
import { snapshotId, snapshotPaths } from './model/naming';
import type { SnapshotConflicts, SnapshotDocument } from './model/types';
import { forecastConflicts } from '../conflicts/forecast';
import { describeFiles } from '../conflicts/model/describe';
import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import { listWorktrees } from '../../platform/git';
import type { GitHubService } from '../github/client/service';
import { redactSecrets } from '../../kernel/text/redact';
import { writeFileAtomic } from '../../platform/files/atomicWrite';
import { readPreviousSnapshot } from './previous';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { readSnapshotHistory } from './history';
import { awaitedReviews } from '../reviews/overdueReviews';
import type { SnapshotReview } from './model/types';

export const DEFAULT_SNAPSHOT_FOLDER: string = SETTINGS['snapshots.folder'].default;

export interface CaptureSnapshotOptions {
  /** The main worktree's root: paths in the snapshot are shown relative to it. */
  repoRoot: string;
  /** The canonical task file (absolute, or relative to `repoRoot`). */
  taskFile: string;
  /** Where snapshots go, relative to `repoRoot` unless absolute. */
  folder?: string;
  now?: Date;
  /** A read already made (the extension has one); read from `taskFile` otherwise. */
  loaded?: LoadedTaskFile;
  /** Listed through the git module when absent. */
  worktrees?: WorktreeEntry[];
  /**
   * A service to refresh, a state already fetched, or why there is none. A failing refresh
   * still produces a snapshot that says GitHub data was unavailable.
   */
  github: GitHubService | GitHubStatus | { unavailable: string };
  /** Forecast merge conflicts between live branches into the snapshot; default true. */
  conflicts?: boolean;
  /** `coordinator.reviews.slaHours`; 24 by default. */
  reviewSlaHours?: number;
}

export interface CapturedSnapshot {
  document: SnapshotDocument;
  markdown: string;
  /** Absolute paths of the four files written. */
  files: { json: string; markdown: string; latestJson: string; latestMarkdown: string };
}

export class SnapshotError extends CoordinatorError {
  constructor(message: string) {
    super('snapshotFailed', message);
    this.name = 'SnapshotError';
  }
}

function forDisplay(root: string, path: string): string {
  const rel = relative(root, path);
  const shown = rel === '' ? '.' : isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}

async function githubState(
  github: CaptureSnapshotOptions['github'],
  model: TaskModel,
): Promise<GitHubStatus | { unavailable: string }> {
  if ('refresh' in github) {
    return github.refresh(model.tasks);
  }
  return github;
}

async function conflictsNow(root: string, model: TaskModel): Promise<SnapshotConflicts> {
  try {
    const forecast = await forecastConflicts({ folder: root, model });
    return {
      base: forecast.base,
      branches: forecast.branches.length,
      mergedPairs: forecast.pairs.length,
      conflicting: forecast.pairs.flatMap((pair) =>
        pair.verdict.status === 'conflict'
          ? [{ a: pair.a, b: pair.b, files: describeFiles(pair.verdict.files) }]
          : [],
      ),
      notes: [
        ...forecast.notes,
        ...forecast.pairs.flatMap((pair) =>
          pair.verdict.status === 'error'
            ? [`${pair.a} and ${pair.b}: ${pair.verdict.message}`]
            : [],
        ),
      ],
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Required reviews awaited now; undefined when they cannot be judged (no git). */
async function reviewsNow(
  root: string,
  model: TaskModel,
  now: Date,
  slaHours: number | undefined,
): Promise<SnapshotReview[] | undefined> {
  try {
    return await awaitedReviews({ folder: root, model, now: () => now, slaHours });
  } catch {
    return undefined;
  }
}

/**
 * Collects task state, worktrees, guardrail verdicts and GitHub data, renders JSON and Markdown,
 * and writes `<date>/snapshot_<id>.json|.md` plus `<date>/latest.json|.md` as real files.
 */
export async function captureSnapshot(options: CaptureSnapshotOptions): Promise<CapturedSnapshot> {
  const now = options.now ?? new Date();
  const root = resolve(options.repoRoot);
  const taskFile = resolve(root, options.taskFile);
  const folder = resolve(root, options.folder ?? DEFAULT_SNAPSHOT_FOLDER);
  const loaded = options.loaded ?? loadTaskFile(await readFile(taskFile, 'utf8'));
  if (!loaded.model) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    throw new SnapshotError(
      `${forDisplay(root, taskFile)} cannot be read${first ? ` (${first.line}:${first.column} ${first.message})` : ''}; no snapshot written.`,
    );
  }
  const model = loaded.model;
  let worktrees: WorktreeEntry[] | { error: string };
  try {
    const listed = options.worktrees ?? (await listWorktrees(root));
    worktrees = listed.map((w) => ({ ...w, path: forDisplay(root, w.path) }));
  } catch (error) {
    worktrees = { error: error instanceof Error ? error.message : String(error) };
  }
  const [github, previous, conflicts, reviews, history] = await Promise.all([
    githubState(options.github, model),
    readPreviousSnapshot(folder, snapshotId(now)),
    options.conflicts === false ? undefined : conflictsNow(root, model),
    reviewsNow(root, model, now, options.reviewSlaHours),
    readSnapshotHistory(folder, Number.MAX_SAFE_INTEGER).catch(() => undefined),
  ]);
  const document = buildSnapshot({
    now,
    loaded: { ...loaded, model },
    taskFile: forDisplay(root, taskFile),
    worktrees,
    github,
    ...(previous ? { previous } : {}),
    ...(conflicts ? { conflicts } : {}),
    ...(reviews ? { reviews } : {}),
    ...(history ? { snapshotTimes: history.map((point) => point.date) } : {}),
    ...(options.reviewSlaHours !== undefined ? { reviewSlaHours: options.reviewSlaHours } : {}),
  });
  // Belt and braces: nothing shaped like a token leaves this function.
  const json = redactSecrets(`${JSON.stringify(document, null, 2)}\n`);
  const markdown = redactSecrets(renderSnapshotMarkdown(document));
  const paths = snapshotPaths(now);
  const files = {
    json: join(folder, paths.json),
    markdown: join(folder, paths.markdown),
    latestJson: join(folder, paths.latestJson),
    latestMarkdown: join(folder, paths.latestMarkdown),
  };
  await mkdir(join(folder, paths.dateFolder), { recursive: true });
  await writeFileAtomic(files.json, json);
  await writeFileAtomic(files.markdown, markdown);
  await writeFileAtomic(files.latestJson, json);
  await writeFileAtomic(files.latestMarkdown, markdown);
  return { document, markdown, files };
}
