import { isTaskEditError } from '../../kernel/edits/errors';
import type { TaskEdit } from '../../kernel/edits/types';
import { isRecordable } from './model/recorded';
import type { GuardrailResult } from './model/types';

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
    }));
}

/**
 * Records results through the store in one write; returns how many were recorded. A guardrail
 * entry the store refuses to edit (a field written twice) is left out so the others are still
 * recorded, and then named in the error thrown.
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
        throw error;
      }
      refused.push((error as Error).message);
      edits = edits.filter(
        (edit) => !(edit.kind === 'setGuardrailResult' && edit.guardrailKey === key),
      );
    }
  }
  if (refused.length > 0) {
    throw new Error(`${edits.length} result(s) recorded; not recorded: ${refused.join('; ')}`);
  }
  return edits.length;
}
