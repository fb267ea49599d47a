import { isTaskEditError } from '../../kernel/edits/errors';
import type { TaskEdit } from '../../kernel/edits/types';
import { isRecordable } from './model/recorded';
import type { GuardrailResult } from './model/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';

/** The part of `TaskFileStore` (or a `FolderSession`) that recording needs. */
export interface TaskEditApplier {
  apply(edits: TaskEdit | TaskEdit[]): Promise<unknown>;
}

/**
 * The edits that record results in the task file: pass, fail and error of guardrails the file
 * defines (`fileKeys`); skipped and cancelled runs and setting-only guardrails leave it alone.
 */
export function guardrailResultEdits(
  results: readonly GuardrailResult[],
  fileKeys: ReadonlySet<string>,
): TaskEdit[] {
  return results
    .filter((result) => fileKeys.has(result.key) && isRecordable(result.verdict))
    .map((result) => ({
      kind: 'setGuardrailResult',
      guardrailKey: result.key,
      status: result.verdict,
      lastRun: result.finishedAt,
      durationMs: result.durationMs,
      ...(result.cause !== undefined ? { cause: result.cause } : {}),
    }));
}

export type GuardrailRecordFailure = 'taskFileGone' | 'notWritten' | 'partlyRefused';

/** Results that could not be (all) recorded; the run's results themselves stand. */
export class GuardrailRecordError extends CoordinatorError {
  constructor(
    readonly reason: GuardrailRecordFailure,
    message: string,
    /** How many results were recorded all the same. */
    readonly recorded: number,
  ) {
    super('notRecorded', message);
    this.name = 'GuardrailRecordError';
  }
}

export function isGuardrailRecordError(
  error: unknown,
  reason?: GuardrailRecordFailure,
): error is GuardrailRecordError {
  return error instanceof GuardrailRecordError && (reason === undefined || error.reason === reason);
}

/**
 * Records results through the store in one write; returns how many were recorded. A guardrail
 * entry the store refuses to edit (a field written twice) is left out so the others are still
 * recorded. Whatever goes wrong (the file deleted or broken while the guardrails ran, a refused
 * entry) comes back as one `GuardrailRecordError` with a one-line message.
 */
export async function recordGuardrailResults(
  store: TaskEditApplier,
  results: readonly GuardrailResult[],
  fileKeys: ReadonlySet<string>,
): Promise<number> {
  let edits = guardrailResultEdits(results, fileKeys);
  const refused: string[] = [];
  while (edits.length > 0) {
    try {
      await store.apply(edits);
      break;
    } catch (error) {
      const key = isTaskEditError(error, 'duplicateField') ? error.target : undefined;
      if (
        key === undefined ||
        !edits.some((edit) => edit.kind === 'setGuardrailResult' && edit.guardrailKey === key)
      ) {
        throw notWritten(error);
      }
      refused.push((error as Error).message);
      edits = edits.filter(
        (edit) => !(edit.kind === 'setGuardrailResult' && edit.guardrailKey === key),
      );
    }
  }
  if (refused.length > 0) {
    throw new GuardrailRecordError(
      'partlyRefused',
      `${edits.length} result(s) recorded; not recorded: ${refused.join('; ')}`,
      edits.length,
    );
  }
  return edits.length;
}

function notWritten(error: unknown): GuardrailRecordError {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new GuardrailRecordError(
      'taskFileGone',
      'results not recorded: the task file is gone (deleted while the guardrails ran?)',
      0,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GuardrailRecordError(
    'notWritten',
    `results not recorded: ${message.split('\n')[0]}`,
    0,
  );
}
