/** The named steps of starting a task, as error messages and progress reports name them. */
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { errorLine } from '../../kernel/errors/errorLine';
export const START_STEPS = [
  'read task file',
  'plan branch and folder',
  'check existing worktrees',
  'resolve base',
  'create worktree',
  'copy included files',
  'share dependencies',
  'prepare environment',
  'write brief',
  'connect agents',
  'run setup command',
  'touch lock file',
  'update task file',
] as const;
export type StartStep = (typeof START_STEPS)[number];

export class StartTaskError extends CoordinatorError {
  override readonly name = 'StartTaskError';

  constructor(
    readonly step: StartStep,
    override readonly cause: unknown,
    /** What the rollback removed, in the order it did. */
    readonly rolledBack: readonly string[],
    /** Rollback actions that themselves failed (left for the user to clean). */
    readonly rollbackFailures: readonly string[],
  ) {
    super('startFailed', describe(step, cause, rolledBack, rollbackFailures), {
      detail: cause instanceof Error ? cause.message : String(cause),
    });
  }
}

function describe(
  step: StartStep,
  cause: unknown,
  rolledBack: readonly string[],
  failures: readonly string[],
): string {
  const reason = errorLine(cause);
  let message = `Starting the task failed at step "${step}": ${reason}`;
  if (rolledBack.length > 0) {
    message += ` Undone: ${rolledBack.join('; ')}.`;
  }
  if (failures.length > 0) {
    message += ` Could not undo: ${failures.join('; ')}.`;
  }
  return message;
}

interface Undo {
  label: string;
  run: () => Promise<void>;
}

/** Runs steps in order; on failure undoes, newest first, what earlier steps of this run created. */
export class StepRunner {
  private readonly undos: Undo[] = [];

  constructor(private readonly onStep?: (step: StartStep) => void) {}

  async run<T>(step: StartStep, action: () => Promise<T>): Promise<T> {
    this.onStep?.(step);
    try {
      return await action();
    } catch (error) {
      const { done, failed } = await this.rollback();
      throw new StartTaskError(step, error, done, failed);
    }
  }

  /** Registers how to undo something this run just created. */
  created(label: string, run: () => Promise<void>): void {
    this.undos.push({ label, run });
  }

  private async rollback(): Promise<{ done: string[]; failed: string[] }> {
    const done: string[] = [];
    const failed: string[] = [];
    for (const undo of this.undos.reverse()) {
      try {
        await undo.run();
        done.push(undo.label);
      } catch (error) {
        failed.push(`${undo.label} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    this.undos.length = 0;
    return { done, failed };
  }
}
