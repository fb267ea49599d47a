/** Running guardrails: what the extension and the CLI call. Pure parts live in ./model. */
export type { GuardrailSink } from './sink';
export {
  runGuardrail,
  reportSkipped,
  guardrailEnvironment,
  type GuardrailRunOptions,
} from './runGuardrail';
export { runGuardrailBatch, type RunGuardrailBatchOptions } from './runGuardrailBatch';
export {
  runGuardrails,
  type GuardrailConfiguration,
  type GuardrailRunReport,
  type GuardrailRunUi,
  type RunGuardrailsRequest,
} from './runGuardrails';
export { runShellCommand, type ShellRunOptions, type ShellRunResult } from './runProcess';
export { textSink } from './textSink';
export { BatchedWriter } from './batchedWriter';
export { writeRunLog, readRunLogs } from './runLogFiles';
export {
  recordGuardrailResults,
  guardrailResultEdits,
  GuardrailRecordError,
  isGuardrailRecordError,
  type GuardrailRecordFailure,
  type TaskEditApplier,
} from './record';
export { newestChangeTime } from './changes';
