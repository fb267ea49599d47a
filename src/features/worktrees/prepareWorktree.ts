import { realpath } from 'node:fs/promises';
import { GitError } from '../../platform/git/errors';
import { listWorktrees } from '../../platform/git/worktrees';
import { leftToSetup, type SharedDependency } from './model/sharedDependencies';
import { runSetupCommand, type SetupRunner } from './setupCommand';
import { shareDependencies } from './shareDependencies';
import { linkedTask } from './list';
import { taskEnvFor, type TaskEnvRequest } from './taskEnv';
import type { TaskModel } from '../../kernel/model/types';

export interface SetupForSharedOptions {
  /** `coordinator.worktrees.setupCommand`. */
  setupCommand?: string;
  /** The setup command runs only when this returns true (trusted workspace). Default: false. */
  isTrusted?: () => boolean;
  /** The task's ports and names, when the worktree is a task's. */
  env?: Readonly<Record<string, string>>;
  /** Gives `env` when it is not given, asked only when the setup command runs. */
  environment?: () => Promise<Readonly<Record<string, string>> | undefined>;
  runSetup?: SetupRunner;
  onOutput?: (chunk: string) => void;
  signal?: AbortSignal;
}

export type SetupOutcome = 'ran' | 'skippedUntrusted' | 'none';

/**
 * In a worktree that Start Task did not make, the setup command runs only to install what
 * sharing left to it: whoever made the worktree may have set it up already.
 */
export async function setupForShared(
  shared: readonly SharedDependency[],
  worktreePath: string,
  options: SetupForSharedOptions,
): Promise<SetupOutcome> {
  const command = options.setupCommand?.trim();
  if (!command || !leftToSetup(shared)) {
    return 'none';
  }
  if (!(options.isTrusted?.() ?? false)) {
    return 'skippedUntrusted';
  }
  await (options.runSetup ?? runSetupCommand)(command, worktreePath, {
    signal: options.signal,
    onOutput: options.onOutput,
    env: options.env ?? (await options.environment?.()),
  });
  return 'ran';
}

export interface PrepareWorktreeOptions extends SetupForSharedOptions {
  /** Any folder of the repository. */
  cwd: string;
  /** The linked worktree to prepare. */
  worktreePath: string;
  /** `coordinator.worktrees.sharedDependencies`. */
  folders: readonly string[];
  /**
   * The plan and the port settings: when a task records this worktree (or names its branch), the
   * setup command gets the task's environment, as at its start.
   */
  plan?: { model: TaskModel; settings: TaskEnvRequest['settings'] };
}

export interface PreparedWorktree {
  mainRoot: string;
  /** The worktree as git lists it. */
  path: string;
  shared: SharedDependency[];
  setup: SetupOutcome;
  /** The task whose environment the setup command got. */
  task?: string;
}

/**
 * Prepares the shared dependencies of an existing worktree (made by hand or by another tool)
 * exactly as Start Task prepares a new one: the same folders, methods and refusals, then the
 * setup command for what was left to it. When a step fails, the folders this run made are taken
 * back. Only a linked worktree of the repository is prepared, never the main checkout.
 */
export async function prepareWorktree(options: PrepareWorktreeOptions): Promise<PreparedWorktree> {
  const entries = await listWorktrees(options.cwd, options.signal);
  const mainRoot = entries[0]?.path ?? options.cwd;
  const wanted = await realpath(options.worktreePath).catch(() => undefined);
  if (!wanted) {
    throw new GitError('notAWorktree', `${options.worktreePath} does not exist.`);
  }
  const real = await Promise.all(
    entries.map((entry) => realpath(entry.path).catch(() => entry.path)),
  );
  const entry = entries[real.indexOf(wanted)];
  if (!entry || entry.bare) {
    throw new GitError(
      'notAWorktree',
      `${options.worktreePath} is not a worktree of this repository.`,
    );
  }
  if (entry.main) {
    throw new GitError(
      'notAWorktree',
      `${options.worktreePath} is the main checkout: shared folders are prepared from it, never into it.`,
    );
  }
  const undo: (() => Promise<void>)[] = [];
  try {
    const shared = await shareDependencies({
      mainRoot,
      worktreePath: entry.path,
      folders: options.folders,
      onCreated: (_label, remove) => undo.push(remove),
      signal: options.signal,
    });
    const task = options.plan && linkedTask(entry, options.plan.model, mainRoot);
    let environmentOf: string | undefined;
    const setup = await setupForShared(shared, entry.path, {
      ...options,
      environment: async () => {
        if (!task || !options.plan) {
          return undefined;
        }
        environmentOf = task.key;
        const { env } = await taskEnvFor({
          mainRoot,
          task,
          worktreePath: entry.path,
          settings: options.plan.settings,
        });
        return env;
      },
    });
    return { mainRoot, path: entry.path, shared, setup, task: environmentOf };
  } catch (error) {
    for (const remove of undo.reverse()) {
      await remove().catch(() => undefined);
    }
    throw error;
  }
}
