import { realpath, rm, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SETTINGS } from '../../kernel/config/settingsTable';
import type { TaskEdit } from '../../kernel/edits/types';
import type { Task, TaskModel } from '../../kernel/model/types';
import { branchRefusal } from './model/naming/branchRefusal';
import { findTask } from './model/candidates';
import { renderTaskBrief } from './model/brief';
import { planTaskStart, type StartPlan } from './model/startPlan';
import { parseStartLockReason, startLockReason, type StartOwner } from './model/startLockReason';
import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import { GitError, isGitError } from '../../platform/git/errors';
import {
  branchExists,
  defaultBranch,
  deleteBranch,
  refExists,
  resolveCommit,
} from '../../platform/git/refs';
import { mainWorktreeRoot } from '../../platform/git/repository';
import {
  addWorktree,
  listWorktrees,
  pruneWorktrees,
  removeWorktree,
  unlockWorktree,
} from '../../platform/git/worktrees';
import { writeTaskBrief } from './briefFile';
import {
  writeAgentSetup,
  type CoordTarget,
  type WrittenAgentSetup,
} from '../agents/writeAgentSetup';
import { copyIncludedFiles, exists, occupied } from './copyIncluded';
import { touchTaskLock } from './lockFile';
import { withStartLock } from './startLock';
import { runSetupCommand, type SetupRunner } from './setupCommand';
import { beginStart, isStartRunning } from './startOwner';
import { isFreeForWorktree, sweepUnfinishedAdds, waitForOrphanedCheckout } from './unfinishedAdd';
import { StartTaskError, StepRunner, type StartStep } from './steps';
import { releasePorts } from './portAllocation';
import { taskEnvFor, type TaskEnv } from './taskEnv';
import type { PortBlock } from './model/portBlocks';
import type { TaskFileAccess } from './taskFileAccess';
import { shareDependencies } from './shareDependencies';
import { setupForShared } from './prepareWorktree';
import { sharingLine, type SharedDependency } from './model/sharedDependencies';

export const DEFAULT_COPY_GLOBS: readonly string[] = SETTINGS['worktrees.copyGlobs'].default;
export const DEFAULT_BRIEF_FILE_NAME: string = SETTINGS['worktrees.briefFileName'].default;

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
  /** `coordinator.worktrees.sharedDependencies`: folders prepared from the main checkout. */
  sharedDependencies?: readonly string[];
  /** `coordinator.worktrees.briefFileName`; default `TASK_BRIEF.md`. */
  briefFileName?: string;
  /** `coordinator.worktrees.setupCommand`: a shell line run in the new worktree. */
  setupCommand?: string;
  /** `coordinator.worktrees.ports.base`; default 20000. */
  portBase?: number;
  /** `coordinator.worktrees.ports.blockSize`; default 10, 0 for no ports. */
  portBlockSize?: number;
  /** `coordinator.worktrees.taskEnv`: more per-task variables from templates. */
  taskEnv?: Readonly<Record<string, string>>;
  /** Runs the setup command; default spawns it in the platform shell. */
  runSetup?: SetupRunner;
  /** The setup command runs only when this returns true (trusted workspace). Default: false. */
  isTrusted?: () => boolean;
  /** Setup command output, chunk by chunk (the extension sends it to the Coordinator channel). */
  onOutput?: (chunk: string) => void;
  onStep?: (step: StartStep) => void;
  /**
   * The `coord` the task's agents reach (MCP server, state hooks) through the repository's
   * launcher. Without it no agent configuration is written.
   */
  coord?: CoordTarget;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface StartTaskResult {
  /**
   * `existing`: the task's worktree was already recorded; at most a missing brief was written.
   * `adopted`: its branch was already checked out (by hand, or by an interrupted start); the task
   * file now records that worktree.
   */
  outcome: 'created' | 'existing' | 'adopted';
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
  /** What each agent is started with to reach `coord mcp` and report its state. */
  agentSetup?: WrittenAgentSetup;
  copiedFiles: string[];
  /** Files selected for copying that were not copied, with the reason. */
  skippedCopies: { path: string; reason: string }[];
  /** What became of each folder of `sharedDependencies`, and how it was prepared. */
  sharedDependencies: SharedDependency[];
  lockFile?: string;
  setup: 'ran' | 'skippedUntrusted' | 'none';
  /** What the task's terminals and setup command get: `COORD_TASK`, `COORD_PORT`…, the template's names. */
  env: Record<string, string>;
  /** The task's port block, when ports are on. */
  ports?: PortBlock;
  /** What the user should know: a repaired interruption, an adopted worktree, a renamed brief. */
  notes: string[];
}

/** Attempts at creating the worktree when another start of the same task gets there first. */
const CREATE_ATTEMPTS = 6;
/** How long to wait for another running start of the same task to finish. */
const OTHER_START_WAIT_MS = 10 * 60_000;

/**
 * Starts a task in its own worktree: a sequence of named steps; when one
 * fails, what this run created (worktree, branch, brief, exclude entry, lock
 * file) is removed and the error (`StartTaskError`) names the step. The
 * worktree stays locked until the task file records it, so a start that was
 * killed is recognised and finished by the next one; a branch already checked
 * out elsewhere is adopted and recorded.
 */
export async function startTaskInWorktree(options: StartTaskOptions): Promise<StartTaskResult> {
  const run = beginStart();
  try {
    return await startAs(run.owner, options);
  } finally {
    run.end();
  }
}

async function startAs(owner: StartOwner, options: StartTaskOptions): Promise<StartTaskResult> {
  const steps = new StepRunner(options.onStep);
  const signal = options.signal;
  const notes: string[] = [];
  const { task: named } = await steps.run('read task file', () => readTask(options));
  const mainRoot = await steps.run('plan branch and folder', () =>
    findMainRoot(options.taskFilePath, signal),
  );
  return withStartLock(mainRoot, named.key, async () => {
    // A start that finds its worktree recorded writes nothing, so what a killed writer left
    // beside the task file would stay; tidy it first.
    await options.store.repair?.().catch(() => undefined);
    return startLocked(owner, options, steps, mainRoot, notes);
  });
}

async function startLocked(
  owner: StartOwner,
  options: StartTaskOptions,
  steps: StepRunner,
  mainRoot: string,
  notes: string[],
): Promise<StartTaskResult> {
  const signal = options.signal;

  for (let attempt = 1; ; attempt += 1) {
    if (attempt > CREATE_ATTEMPTS) {
      throw new StartTaskError(
        'create worktree',
        new GitError(
          'lockContention',
          `Another process kept changing the worktrees of ${options.taskKey} at the same time; try again.`,
        ),
        [],
        [],
      );
    }
    const { plan, worktrees, task, model } = await steps.run('plan branch and folder', () =>
      planStart(options, mainRoot, signal),
    );
    const context: StartContext = { options, owner, steps, task, model, mainRoot, notes };
    const held = worktrees.find(
      (entry) =>
        (entry.path === plan.path || entry.branch === plan.branch) &&
        parseStartLockReason(entry.locked) !== undefined &&
        !recordsWorktree(task, mainRoot, plan.branch, entry.path),
    );
    const holder = parseStartLockReason(held?.locked);
    if (held && holder) {
      if (isStartRunning(holder)) {
        await steps.run('check existing worktrees', () =>
          waitForStartToEnd(mainRoot, held.path, holder, signal),
        );
      } else {
        await steps.run('check existing worktrees', async () => {
          await waitForOrphanedCheckout(held.path);
          await removeCreatedWorktree(mainRoot, held.path);
        });
        notes.push(
          `Removed the unfinished worktree that an interrupted start (pid ${holder.pid}) left at ${held.path}; made it again.`,
        );
      }
      continue;
    }
    if (plan.kind === 'refused') {
      throw new StartTaskError(
        'plan branch and folder',
        new GitError('pathExists', plan.message),
        [],
        [],
      );
    }
    if (plan.kind === 'existing') {
      const lockedByStart = parseStartLockReason(plan.worktree.locked) !== undefined;
      return finishExisting(context, plan.branch, plan.worktree, lockedByStart);
    }
    const created = await createWorktree(context, plan.branch, plan.path);
    if (created !== 'raced') {
      return created;
    }
    await delay(100 * attempt, signal);
  }
}

interface StartContext {
  options: StartTaskOptions;
  owner: StartOwner;
  steps: StepRunner;
  task: Task;
  model: TaskModel;
  mainRoot: string;
  notes: string[];
}

async function findMainRoot(taskFilePath: string, signal?: AbortSignal): Promise<string> {
  const root = await mainWorktreeRoot(dirname(taskFilePath), signal);
  if (!root) {
    throw new GitError(
      'notARepository',
      `${dirname(taskFilePath)} is not inside a git repository.`,
    );
  }
  return realpath(root);
}

/** Branch and folder for the task, refusing names that would reuse the main checkout or read ambiguously. */
async function planStart(
  options: StartTaskOptions,
  mainRoot: string,
  signal?: AbortSignal,
): Promise<{ plan: StartPlan; worktrees: WorktreeEntry[]; task: Task; model: TaskModel }> {
  const worktrees = await listWorktrees(mainRoot, signal);
  // Read after listing: a start that unlocked its worktree has already recorded it.
  const { task, model } = await readTask(options);
  const plan = planTaskStart({
    task,
    mainRoot,
    worktrees,
    branchTemplate: options.branchTemplate,
    pathTemplate: options.pathTemplate,
  });
  const refusal = branchRefusal({
    taskKey: task.key,
    branch: plan.branch,
    mainRoot,
    mainCheckoutBranch: worktrees.find((entry) => entry.main)?.branch,
    baseBranch: await baseBranchName(options, mainRoot, signal),
    remoteTrackingRefExists: await refExists(mainRoot, `refs/remotes/${plan.branch}`, signal),
    tagExists: await refExists(mainRoot, `refs/tags/${plan.branch}`, signal),
  });
  if (refusal) {
    throw refusal;
  }
  return { plan, worktrees, task, model };
}

async function baseBranchName(
  options: StartTaskOptions,
  mainRoot: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  return options.baseBranch?.trim() || (await defaultBranch(mainRoot, signal));
}

/** True when the task file already records this branch and worktree as the task's start. */
function recordsWorktree(task: Task, mainRoot: string, branch: string, path: string): boolean {
  return (
    task.status !== 'not_started' &&
    task.branch === branch &&
    task.worktreePath !== undefined &&
    resolve(mainRoot, task.worktreePath) === resolve(path)
  );
}

async function createWorktree(
  context: StartContext,
  branch: string,
  path: string,
): Promise<StartTaskResult | 'raced'> {
  const { options, steps, mainRoot, task } = context;
  const signal = options.signal;

  const raced = await steps.run('check existing worktrees', async () => {
    const swept = await sweepUnfinishedAdds(mainRoot, signal);
    if (swept.length > 0) {
      context.notes.push(
        `Removed what an interrupted start left in git's worktree list: ${swept.join(', ')}.`,
      );
    }
    if (!(await occupied(path)) || (await isFreeForWorktree(path))) {
      return false;
    }
    if (await exists(join(path, '.git'))) {
      return true;
    }
    throw new GitError(
      'pathExists',
      `${path} already exists and is not the worktree of branch ${branch}. Move it away or change coordinator.worktrees.pathTemplate.`,
    );
  });
  if (raced) {
    return 'raced';
  }

  const { reuseBranch, baseName } = await steps.run('resolve base', async () => {
    if (await branchExists(mainRoot, branch, signal)) {
      return { reuseBranch: true, baseName: undefined };
    }
    const name = await baseBranchName(options, mainRoot, signal);
    if (!name) {
      throw new GitError(
        'unknownRef',
        'Could not tell the default branch; set coordinator.worktrees.baseBranch.',
      );
    }
    await resolveCommit(mainRoot, name, signal);
    return { reuseBranch: false, baseName: name };
  });

  const outcome = await steps.run('create worktree', async () => {
    try {
      await addWorktree({
        cwd: mainRoot,
        path,
        branch,
        newBranchFrom: reuseBranch ? undefined : baseName,
        lockReason: startLockReason(context.owner),
        signal,
      });
    } catch (error) {
      if (isRaceError(error)) {
        return 'raced' as const;
      }
      await removeLeftovers(mainRoot, path, reuseBranch ? undefined : branch);
      throw error;
    }
    if (!reuseBranch) {
      steps.created(`branch ${branch}`, () => deleteBranch(mainRoot, branch, { force: true }));
    }
    steps.created(`worktree ${path}`, () => removeCreatedWorktree(mainRoot, path));
    return 'created' as const;
  });
  if (outcome === 'raced') {
    return 'raced';
  }

  const copies = await steps.run('copy included files', () =>
    copyIncludedFiles(mainRoot, path, options.copyGlobs ?? DEFAULT_COPY_GLOBS, signal),
  );
  const shared = await steps.run('share dependencies', () =>
    shareDependencies({
      mainRoot,
      worktreePath: path,
      folders: options.sharedDependencies ?? [],
      onCreated: (label, undo) => steps.created(label, undo),
      signal,
    }),
  );
  const taskEnv = await steps.run('prepare environment', async () => {
    steps.created(`port block of ${path}`, async () => {
      await releasePorts(mainRoot, { worktreePath: path });
    });
    return prepareEnvironment(context, path);
  });
  const brief = await steps.run('write brief', () =>
    writeBrief(context, branch, path, baseName ?? branch, taskEnv.env, shared),
  );
  const agentSetup = await connectAgents(context, path);

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
      env: taskEnv.env,
    });
    return 'ran' as const;
  });

  const lockFile = await recordStart(context, branch, path);
  await releaseWorktree(context, path);
  return {
    outcome: 'created',
    task,
    mainRoot,
    branch,
    path,
    base: baseName,
    createdBranch: !reuseBranch,
    briefPath: brief.path,
    agentSetup,
    copiedFiles: copies.copied,
    skippedCopies: copies.skipped,
    sharedDependencies: shared,
    lockFile,
    setup,
    env: taskEnv.env,
    ports: taskEnv.block,
    notes: context.notes,
  };
}

/**
 * The task's branch is already checked out at `worktree`. Recorded on the task: only a missing
 * brief is written. Not recorded (checked out by hand, or a start killed before it recorded):
 * included files are copied, shared dependencies prepared as in a new worktree (the setup
 * command runs only for the folders left to it), the brief written and the task file updated,
 * saying so.
 */
async function finishExisting(
  context: StartContext,
  branch: string,
  worktree: WorktreeEntry,
  lockedByStart: boolean,
): Promise<StartTaskResult> {
  const { options, steps, task, mainRoot, notes } = context;
  const path = worktree.path;
  const recorded = recordsWorktree(task, mainRoot, branch, path);
  const result: StartTaskResult = {
    outcome: recorded ? 'existing' : 'adopted',
    task,
    mainRoot,
    branch,
    path,
    copiedFiles: [],
    skippedCopies: [],
    sharedDependencies: [],
    createdBranch: false,
    setup: 'none',
    env: {},
    notes,
  };
  if (!recorded) {
    notes.push(
      `Branch ${branch} is already checked out at ${path}; recorded that worktree on ${task.key}.`,
    );
    const copies = await steps.run('copy included files', () =>
      copyIncludedFiles(mainRoot, path, options.copyGlobs ?? DEFAULT_COPY_GLOBS, options.signal),
    );
    result.copiedFiles = copies.copied;
    result.skippedCopies = copies.skipped;
    result.sharedDependencies = await steps.run('share dependencies', () =>
      shareDependencies({
        mainRoot,
        worktreePath: path,
        folders: options.sharedDependencies ?? [],
        onCreated: (label, undo) => steps.created(label, undo),
        signal: options.signal,
      }),
    );
  }
  const taskEnv = await steps.run('prepare environment', () => prepareEnvironment(context, path));
  result.env = taskEnv.env;
  result.ports = taskEnv.block;
  const brief = await steps.run('write brief', () =>
    writeBrief(context, branch, path, branch, taskEnv.env, result.sharedDependencies),
  );
  result.briefPath = brief.path;
  result.agentSetup = await connectAgents(context, path);
  if (!recorded) {
    result.setup = await steps.run('run setup command', () =>
      setupForShared(result.sharedDependencies, path, { ...options, env: taskEnv.env }),
    );
  }
  if (brief.written && recorded) {
    notes.push(`The brief was missing; wrote ${brief.path}.`);
  }
  if (!recorded) {
    result.lockFile = await recordStart(context, branch, path);
  }
  if (lockedByStart) {
    await releaseWorktree(context, path);
  }
  return result;
}

/** The task's port block (allocated once, kept until its worktree is removed) and template names. */
async function prepareEnvironment(context: StartContext, path: string): Promise<TaskEnv> {
  const { options, task, mainRoot } = context;
  const prepared = await taskEnvFor({
    mainRoot,
    task,
    worktreePath: path,
    settings: {
      portBase: options.portBase ?? SETTINGS['worktrees.ports.base'].default,
      portBlockSize: options.portBlockSize ?? SETTINGS['worktrees.ports.blockSize'].default,
      taskEnv: options.taskEnv ?? {},
    },
    now: options.now?.(),
  });
  context.notes.push(...prepared.problems);
  return prepared;
}

async function writeBrief(
  context: StartContext,
  branch: string,
  path: string,
  base: string,
  env: Readonly<Record<string, string>>,
  shared: readonly SharedDependency[] = [],
) {
  const { options, steps, task, model, mainRoot } = context;
  const written = await writeTaskBrief({
    worktreePath: path,
    fileName: options.briefFileName?.trim() || DEFAULT_BRIEF_FILE_NAME,
    taskKey: task.key,
    render: () =>
      renderTaskBrief({
        task,
        model,
        branch,
        base,
        worktreePath: path,
        taskFileLabel: portable(relative(mainRoot, options.taskFilePath)),
        taskFilePath: options.taskFilePath,
        env,
        shared: shared.map((entry) =>
          sharingLine(entry, (options.setupCommand?.trim() ?? '') !== ''),
        ),
      }),
    onCreated: (label, undo) => steps.created(label, undo),
    signal: options.signal,
  });
  if (written.note) {
    context.notes.push(written.note);
  }
  return written;
}

/**
 * Writes the agents' configuration (rewritten on every start, so it names the current `coord`).
 * A failure is noted, never undoes the start: the worktree is fine without it.
 */
async function connectAgents(
  context: StartContext,
  path: string,
): Promise<WrittenAgentSetup | undefined> {
  const { options, task } = context;
  const coord = options.coord;
  if (!coord) {
    return undefined;
  }
  options.onStep?.('connect agents');
  try {
    return await writeAgentSetup({
      worktreePath: path,
      taskKey: task.key,
      taskFilePath: options.taskFilePath,
      coord,
      trusted: options.isTrusted?.() ?? false,
      onCreated: (label, undo) => context.steps.created(label, undo),
      signal: options.signal,
    });
  } catch (error) {
    context.notes.push(
      `The agents' MCP and hook configuration was not written (${error instanceof Error ? error.message : String(error)}).`,
    );
    return undefined;
  }
}

/** Touches the seeds' lock file and records the start in the task file; returns the lock file. */
async function recordStart(
  context: StartContext,
  branch: string,
  path: string,
): Promise<string | undefined> {
  const { options, steps, task, mainRoot } = context;
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
  return lock?.path;
}

/**
 * Unlocks the worktree once the task file records it. A failure here is only noted: the next
 * start sees a recorded worktree and unlocks it then.
 */
async function releaseWorktree(context: StartContext, path: string): Promise<void> {
  try {
    await unlockWorktree(context.mainRoot, path, context.options.signal);
  } catch (error) {
    context.notes.push(
      `Could not unlock ${path} (${error instanceof Error ? error.message : String(error)}); the next start will.`,
    );
  }
}

/** The task-file edits that record a start; the worktree path is stored relative to the main worktree. */
export function startEdits(
  taskKey: string,
  branch: string,
  worktreePath: string,
  startedAt: string,
): TaskEdit[] {
  return [
    { kind: 'setStatus', taskKey, status: 'in_progress', record: { at: startedAt } },
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

/** Waits until the start holding the worktree unlocks it or is gone. */
async function waitForStartToEnd(
  mainRoot: string,
  path: string,
  holder: StartOwner,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + OTHER_START_WAIT_MS;
  while (Date.now() < deadline) {
    const entry = (await listWorktrees(mainRoot, signal)).find(
      (candidate) => candidate.path === path,
    );
    const current = entry ? parseStartLockReason(entry.locked) : undefined;
    if (!current || current.nonce !== holder.nonce || !isStartRunning(current)) {
      return;
    }
    await delay(100, signal);
  }
  throw new GitError(
    'locked',
    `Another start of this task (pid ${holder.pid} on ${holder.host}) is still creating ${path}.`,
  );
}

/** After `git worktree add` itself failed: removes the branch it may have made, when nothing uses it. */
async function removeLeftovers(
  mainRoot: string,
  path: string,
  newBranch: string | undefined,
): Promise<void> {
  const registered = (await listWorktrees(mainRoot).catch(() => [])).some(
    (entry) => entry.path === path || (newBranch !== undefined && entry.branch === newBranch),
  );
  if (registered) {
    return;
  }
  if (newBranch && (await branchExists(mainRoot, newBranch).catch(() => false))) {
    await deleteBranch(mainRoot, newBranch, { force: true }).catch(() => undefined);
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolveDelay, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolveDelay, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

async function removeCreatedWorktree(mainRoot: string, path: string): Promise<void> {
  try {
    await removeWorktree(mainRoot, path, { force: true });
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    // Prune skips locked entries, and a start's worktree is locked until it is recorded.
    await unlockWorktree(mainRoot, path).catch(() => undefined);
    await pruneWorktrees(mainRoot);
    const listed = (await listWorktrees(mainRoot)).some((entry) => entry.path === path);
    if (listed || (await occupied(path))) {
      throw error;
    }
  }
}

function portable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
