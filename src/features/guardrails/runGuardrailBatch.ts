import type { GuardrailDefinition, TaskModel } from '../../kernel/model/types';
import { skipReason } from './model/skip';
import type { GuardrailResult } from './model/types';
import { reportSkipped, runGuardrail, type GuardrailRunOptions } from './runGuardrail';
import type { GuardrailSink } from './sink';

export interface RunGuardrailBatchOptions extends GuardrailRunOptions {
  /** How many run at once (default 1). */
  parallelism?: number;
  /** For `depends_on`: a guardrail whose task is not completed here is skipped. */
  model?: TaskModel;
  /** Run guardrails even when their `depends_on` task is not completed. */
  ignoreDependencies?: boolean;
  /** A sink per guardrail (with parallelism above 1, each run's output interleaves with others'). */
  sinkFor(definition: GuardrailDefinition): GuardrailSink;
}

/**
 * Runs guardrails in definition order, `parallelism` at a time. After a cancel, the ones not yet
 * started are reported `cancelled`. Results come back in definition order.
 */
export async function runGuardrailBatch(
  definitions: readonly GuardrailDefinition[],
  options: RunGuardrailBatchOptions,
): Promise<GuardrailResult[]> {
  const runOptions: GuardrailRunOptions = {
    ...options,
    runStartedAt: options.runStartedAt ?? new Date(),
  };
  const results: GuardrailResult[] = new Array(definitions.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < definitions.length) {
      const index = next++;
      const definition = definitions[index];
      const sink = options.sinkFor(definition);
      const skip = options.ignoreDependencies ? undefined : skipReason(definition, options.model);
      if (options.signal?.aborted) {
        results[index] = reportSkipped(
          definition,
          options.cwd,
          'cancelled',
          'cancelled before it started',
          sink,
        );
      } else if (skip) {
        results[index] = reportSkipped(definition, options.cwd, 'skipped', skip, sink);
      } else {
        results[index] = await runGuardrail(definition, runOptions, sink);
      }
    }
  };
  const workers = Math.max(1, Math.min(options.parallelism ?? 1, definitions.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
