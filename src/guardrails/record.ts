import type { TaskEdit } from '../core/edits/types';
import { isRecordable } from '../core/guardrails/recorded';
import type { GuardrailResult } from '../core/guardrails/types';

/** The part of `TaskFileStore` (or a `FolderSession`) that recording needs. */
export interface TaskEditApplier {
  apply(edits: TaskEdit | TaskEdit[]): Promise<unknown>;
}

/**
 * The edits that record results in the task file: pass, fail and error of guardrails the file
 * defines (`fileKeys`); skipped and cancelled runs and setting-only guardrails leave it alone.
 */
export function guardrailResultEdits(results: readonly GuardrailResult[], fileKeys: ReadonlySet<string>): TaskEdit[] {
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

/** Records results through the store in one write; returns how many were recorded. */
export async function recordGuardrailResults(
  store: TaskEditApplier,
  results: readonly GuardrailResult[],
  fileKeys: ReadonlySet<string>,
): Promise<number> {
  const edits = guardrailResultEdits(results, fileKeys);
  if (edits.length > 0) {
    await store.apply(edits);
  }
  return edits.length;
}
