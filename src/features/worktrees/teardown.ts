import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { runWorktreeCommand } from './setupCommand';

/** The repository's teardown command and what may run it. */
export interface TeardownOptions {
  /** `coordinator.worktrees.teardownCommand`; blank runs nothing. */
  command: string;
  /** Whether the workspace (editor) or repository (CLI) is trusted; untrusted runs nothing. */
  trusted: boolean;
  /** Output, chunk by chunk: the Coordinator channel in the editor, stderr in the CLI. */
  onOutput?: (chunk: string) => void;
}

export type TeardownOutcome = 'none' | 'ran' | 'skippedUntrusted' | 'failedForced';

/**
 * Runs the teardown command in the worktree and waits for it. A failure stops the removal
 * (`teardownFailed`) unless `force`, which goes on and says so.
 */
export async function runTeardown(
  teardown: TeardownOptions | undefined,
  worktree: string,
  force: boolean,
  notes: string[],
  signal?: AbortSignal,
): Promise<TeardownOutcome> {
  const command = teardown?.command.trim();
  if (!teardown || !command) {
    return 'none';
  }
  if (!teardown.trusted) {
    notes.push(`The teardown command was not run: the repository is not trusted.`);
    return 'skippedUntrusted';
  }
  try {
    await runWorktreeCommand('Teardown', command, worktree, {
      signal,
      onOutput: teardown.onOutput,
    });
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
