import { access, constants, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { posixQuote } from '../agents/model/shellQuoting';
import { runWorktreeCommand } from './setupCommand';
import { taskEnvFor } from './taskEnv';

/** The repository's own teardown script, run like the setting's command (and before it). */
export const TEARDOWN_FILE = '.coordinator/teardown';

/** The repository's teardown command and what may run it. */
export interface TeardownOptions {
  /** `coordinator.worktrees.teardownCommand`; blank runs nothing. */
  command: string;
  /** Whether the workspace (editor) or repository (CLI) is trusted; untrusted runs nothing. */
  trusted: boolean;
  /** Output, chunk by chunk: the Coordinator channel in the editor, stderr in the CLI. */
  onOutput?: (chunk: string) => void;
  /**
   * The port and name settings, so the teardown of a task's worktree gets the environment its
   * setup command got (`COORD_TASK`, `COORD_PORT`…, `coordinator.worktrees.taskEnv`).
   */
  environment?: {
    portBase: number;
    portBlockSize: number;
    taskEnv: Readonly<Record<string, string>>;
  };
}

/** Whose worktree is torn down: its repository, and the task worked there, if any. */
export interface TeardownTarget {
  mainRoot: string;
  task?: { key: string; id: string };
}

export type TeardownOutcome = 'none' | 'ran' | 'skippedUntrusted' | 'failedForced';

/**
 * Runs the repository's `.coordinator/teardown`, then the teardown command of the settings, in
 * the worktree, with the task's environment, and waits for them. Untrusted: neither runs. A
 * failure stops the removal (`teardownFailed`) unless `force`, which goes on and says so.
 */
export async function runTeardown(
  teardown: TeardownOptions | undefined,
  worktree: string,
  force: boolean,
  notes: string[],
  signal?: AbortSignal,
  target?: TeardownTarget,
): Promise<TeardownOutcome> {
  if (!teardown) {
    return 'none';
  }
  const commands = [
    await teardownFileCommand(worktree, target?.mainRoot),
    teardown.command.trim() || undefined,
  ].filter((command): command is string => command !== undefined);
  if (commands.length === 0) {
    return 'none';
  }
  if (!teardown.trusted) {
    notes.push(`The teardown command was not run: the repository is not trusted.`);
    return 'skippedUntrusted';
  }
  const env =
    target?.task && teardown.environment
      ? (
          await taskEnvFor({
            mainRoot: target.mainRoot,
            task: target.task,
            worktreePath: worktree,
            settings: teardown.environment,
          })
        ).env
      : undefined;
  try {
    for (const command of commands) {
      await runWorktreeCommand('Teardown', command, worktree, {
        signal,
        onOutput: teardown.onOutput,
        env,
      });
    }
    return 'ran';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!force) {
      throw new CoordinatorError(
        'teardownFailed',
        `${message}; the worktree ${worktree} was kept.`,
      );
    }
    notes.push(`${message}; removed anyway (forced).`);
    return 'failedForced';
  }
}

/**
 * The shell line that runs `.coordinator/teardown`: the worktree's own copy (its branch's), else
 * the main checkout's; run directly when executable (its `#!` line decides), else by `sh`.
 */
async function teardownFileCommand(
  worktree: string,
  mainRoot: string | undefined,
): Promise<string | undefined> {
  for (const root of mainRoot === undefined ? [worktree] : [worktree, mainRoot]) {
    const file = join(root, TEARDOWN_FILE);
    const found = await lstat(file).catch(() => undefined);
    if (!found?.isFile()) {
      continue;
    }
    if (process.platform === 'win32') {
      return `sh "${file}"`;
    }
    const executable = await access(file, constants.X_OK).then(
      () => true,
      () => false,
    );
    return executable ? posixQuote(file) : `sh ${posixQuote(file)}`;
  }
  return undefined;
}
