import { realpath, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { TaskEdit } from '../../kernel/edits/types';
import type { Task, TaskModel } from '../../kernel/model/types';
import { findTask } from './model/candidates';
import { renderTaskBrief } from './model/brief';
import { planTaskStart } from './model/startPlan';
import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import { GitError, isGitError } from '../../platform/git/errors';
import { branchExists, defaultBranch, deleteBranch, resolveCommit } from '../../platform/git/refs';
import { mainWorktreeRoot } from '../../platform/git/repository';
import {
  addWorktree,
  listWorktrees,
  pruneWorktrees,
  removeWorktree,
} from '../../platform/git/worktrees';
import { copyIncludedFiles, exists } from './copyIncluded';
import { excludeFromGit } from './exclude';
import { touchTaskLock } from './lockFile';
import { runSetupCommand, type SetupRunner } from './setupCommand';
import { StepRunner, type StartStep } from './steps';
import type { TaskFileAccess } from './taskFileAccess';

export const DEFAULT_COPY_GLOBS: readonly string[] = ['.env*'];
export const DEFAULT_BRIEF_FILE_NAME = 'TASK_BRIEF.md';

export interface StartTaskOptions {
  /** Task key or id. */
  taskKey: string;
  /** Absolute path of the canonical task file (in the main worktree). */
  taskFilePath: string;
  store: TaskFileAccess;
  /** `coordinator.worktrees.branchTemplate`; default `${type}/${agent}/${slug}`. */
  branchTemplate?: string;
  /** `coordinator.worktrees.pathTemplate`; default `${repoParent}/${repo}-${agent}-${slug}`. */
  pathTemplate?: string;
  /** `coordinator.worktrees.baseBranch`; default the repository's default branch. */
  baseBranch?: string;
  /** `coordinator.worktrees.copyGlobs`; default `[".env*"]`. Added to `.worktreeinclude`. */
  copyGlobs?: readonly string[];
  /** `coordinator.worktrees.briefFileName`; default `TASK_BRIEF.md`. */
  briefFileName?: string;
  /** `coordinator.worktrees.setupCommand`: a shell line run in the new worktree. */
  setupCommand?: string;
  /** Runs the setup command; default spawns it in the platform shell. */
  runSetup?: SetupRunner;
  /** The setup command runs only when this returns true (trusted workspace). Default: false. */
  isTrusted?: () => boolean;
  /** Setup command output, chunk by chunk (the extension sends it to the Coordinator channel). */
  onOutput?: (chunk: string) => void;
  onStep?: (step: StartStep) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface StartTaskResult {
  /** `existing`: the task already had a worktree, nothing was changed. */
  outcome: 'created' | 'existing';
  task: Task;
  branch: string;
  /** Absolute path of the worktree. */
  path: string;
  mainRoot: string;
  /** Base branch or commit the new branch was made from (absent for `existing` and reused branches). */
  base?: string;
  /** True when this run created the branch, false when an existing branch was checked out. */
  createdBranch: boolean;
  briefPath?: string;
  copiedFiles: string[];
  lockFile?: string;
  setup: 'ran' | 'skippedUntrusted' | 'none';
}

/**
 * Starts a task in its own worktree: a sequence of named steps; when one
 * fails, what this run created (worktree, branch, lock file) is removed and
 * the error (`StartTaskError`) names the step. The task file is updated last.
 */
export async function startTaskInWorktree(options: StartTaskOptions): Promise<StartTaskResult> {
  const steps = new StepRunner(options.onStep);
  const signal = options.signal;

  const { task, model } = await steps.run('read task file', () => readTask(options));

  const { mainRoot, worktrees } = await steps.run('plan branch and folder', async () => {
    const root = await mainWorktreeRoot(dirname(options.taskFilePath), signal);
    if (!root) {
      throw new GitError(
        'notARepository',
        `${dirname(options.taskFilePath)} is not inside a git repository.`,
      );
    }
    return { mainRoot: await realpath(root), worktrees: await listWorktrees(root, signal) };
  });
  const plan = await steps.run('plan branch and folder', async () => {
    const decided = planTaskStart({
      task,
      mainRoot,
      worktrees,
      branchTemplate: options.branchTemplate,
      pathTemplate: options.pathTemplate,
    });
    if (decided.kind === 'refused') {
      throw new GitError('pathExists', decided.message);
    }
    return decided;
  });
  const existing = (worktreePath: string): StartTaskResult => ({
    outcome: 'existing',
    task,
    mainRoot,
    branch: plan.branch,
    path: worktreePath,
    copiedFiles: [],
    createdBranch: false,
    setup: 'none',
  });
  if (plan.kind === 'existing') {
    return existing(plan.path);
  }
  const path = plan.path;
  const branch = plan.branch;

  const raced = await steps.run('check existing worktrees', async () => {
    if (!(await exists(path))) {
      return undefined;
    }
    const concurrent = (await exists(join(path, '.git')))
      ? await waitForWorktreeOnBranch(mainRoot, branch, signal)
      : undefined;
    if (concurrent) {
      return concurrent;
    }
    throw new GitError(
      'pathExists',
      `${path} already exists and is not the worktree of branch ${branch}. Move it away or change coordinator.worktrees.pathTemplate.`,
    );
  });
  if (raced) {
    return existing(raced.path);
  }

  const { reuseBranch, baseName } = await steps.run('resolve base', async () => {
    const reuse = await branchExists(mainRoot, branch, signal);
    if (reuse) {
      return { reuseBranch: true, baseName: undefined };
    }
    const name = options.baseBranch?.trim() || (await defaultBranch(mainRoot, signal));
    if (!name) {
      throw new GitError(
        'unknownRef',
        'Could not tell the default branch; set coordinator.worktrees.baseBranch.',
      );
    }
    await resolveCommit(mainRoot, name, signal);
    return { reuseBranch: false, baseName: name };
  });

  const createdOutcome = await steps.run('create worktree', async () => {
    try {
      await addWorktree({
        cwd: mainRoot,
        path,
        branch,
        newBranchFrom: reuseBranch ? undefined : baseName,
        signal,
      });
    } catch (error) {
      const concurrent = isRaceError(error)
        ? await waitForWorktreeOnBranch(mainRoot, branch, signal)
        : undefined;
      if (concurrent) {
        return concurrent;
      }
      await removeLeftovers(mainRoot, path, reuseBranch ? undefined : branch, error);
      throw error;
    }
    if (!reuseBranch) {
      steps.created(`branch ${branch}`, () => deleteBranch(mainRoot, branch, { force: true }));
    }
    steps.created(`worktree ${path}`, () => removeCreatedWorktree(mainRoot, path));
    return undefined;
  });
  if (createdOutcome) {
    return existing(createdOutcome.path);
  }

  const copiedFiles = await steps.run('copy included files', () =>
    copyIncludedFiles(mainRoot, path, options.copyGlobs ?? DEFAULT_COPY_GLOBS, signal),
  );

  const briefFileName = options.briefFileName?.trim() || DEFAULT_BRIEF_FILE_NAME;
  const briefPath = await steps.run('write brief', async () => {
    if (
      briefFileName.includes('/') ||
      briefFileName.includes('\\') ||
      briefFileName.startsWith('.')
    ) {
      throw new Error(`The brief file name "${briefFileName}" must be a plain file name.`);
    }
    await excludeFromGit(path, briefFileName, signal);
    const file = join(path, briefFileName);
    const text = renderTaskBrief({
      task,
      model,
      branch,
      base: baseName ?? branch,
      worktreePath: path,
      taskFileLabel: portable(relative(mainRoot, options.taskFilePath)),
      taskFilePath: options.taskFilePath,
    });
    await writeFile(file, text, { flag: 'wx' });
    return file;
  });

  const setup = await steps.run('run setup command', async () => {
    const command = options.setupCommand?.trim();
    if (!command) {
      return 'none' as const;
    }
    if (!(options.isTrusted?.() ?? false)) {
      return 'skippedUntrusted' as const;
    }
    await (options.runSetup ?? runSetupCommand)(command, path, {
      signal,
      onOutput: options.onOutput,
    });
    return 'ran' as const;
  });

  const now = options.now?.() ?? new Date();
  const startedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lock = await steps.run('touch lock file', async () => {
    const touched = await touchTaskLock(
      mainRoot,
      task.key,
      `${task.key}\n${branch}\n${path}\n${startedAt}\n`,
    );
    if (touched?.created) {
      steps.created(`lock file ${touched.path}`, () => unlink(touched.path));
    }
    return touched;
  });

  await steps.run('update task file', () =>
    options.store.apply(
      startEdits(task.key, branch, portable(relative(mainRoot, path)), startedAt),
    ),
  );

  return {
    outcome: 'created',
    task,
    mainRoot,
    branch,
    path,
    base: baseName,
    createdBranch: !reuseBranch,
    briefPath,
    copiedFiles,
    lockFile: lock?.path,
    setup,
  };
}

/** The task-file edits that record a start; the worktree path is stored relative to the main worktree. */
export function startEdits(
  taskKey: string,
  branch: string,
  worktreePath: string,
  startedAt: string,
): TaskEdit[] {
  return [
    { kind: 'setStatus', taskKey, status: 'in_progress' },
    { kind: 'setBranch', taskKey, branch },
    { kind: 'setTaskField', taskKey, field: 'worktree_path', value: worktreePath },
    { kind: 'setTaskField', taskKey, field: 'started_at', value: startedAt },
  ];
}

async function readTask(options: StartTaskOptions): Promise<{ task: Task; model: TaskModel }> {
  const loaded = await options.store.read();
  const firstError = loaded.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (!loaded.model || loaded.broken) {
    const where = firstError
      ? ` (line ${firstError.line}, column ${firstError.column}: ${firstError.message})`
      : '';
    throw new Error(
      `The task file ${options.taskFilePath} cannot be used right now${where}; fix it first.`,
    );
  }
  const task = findTask(loaded.model, options.taskKey);
  if (!task) {
    throw new Error(`No task "${options.taskKey}" in ${options.taskFilePath}.`);
  }
  return { task, model: loaded.model };
}

function isRaceError(error: unknown): boolean {
  return (
    isGitError(error) &&
    ['alreadyExists', 'alreadyCheckedOut', 'pathExists', 'lockContention'].includes(error.reason)
  );
}

/** Another start of the same task may be creating its worktree right now: give it a moment to appear. */
async function waitForWorktreeOnBranch(
  mainRoot: string,
  branch: string,
  signal?: AbortSignal,
): Promise<WorktreeEntry | undefined> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const entry = (await listWorktrees(mainRoot, signal)).find(
      (candidate) => candidate.branch === branch,
    );
    if (entry) {
      return entry;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
  }
  return undefined;
}

/** After `git worktree add` itself failed, removes what it may have left (it cleans up after itself in most cases). */
async function removeLeftovers(
  mainRoot: string,
  path: string,
  newBranch: string | undefined,
  cause: unknown,
): Promise<void> {
  if (isRaceError(cause)) {
    return;
  }
  await rm(path, { recursive: true, force: true }).catch(() => undefined);
  await pruneWorktrees(mainRoot).catch(() => undefined);
  if (newBranch && (await branchExists(mainRoot, newBranch).catch(() => false))) {
    await deleteBranch(mainRoot, newBranch, { force: true }).catch(() => undefined);
  }
}

async function removeCreatedWorktree(mainRoot: string, path: string): Promise<void> {
  try {
    await removeWorktree(mainRoot, path, { force: true });
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    await pruneWorktrees(mainRoot);
    if (await exists(path)) {
      throw error;
    }
  }
}

function portable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
