/** Guardrails without I/O: definitions, verdicts, output cleaning, staleness, status-bar summary, run logs. */
export * from './types';
export { mergeGuardrails, parseGuardrailSettings } from './definitions';
export type {
  GuardrailSettingEntry,
  GuardrailSettingProblem,
  ParsedGuardrailSettings,
} from './definitions';
export { parseEnvSetting } from './envSetting';
export { expandTimestamp, formatRunTimestamp, TIMESTAMP_PLACEHOLDER } from './timestamp';
export { judge, formatDuration, type Judgement } from './verdict';
export { skipReason } from './skip';
export { AnsiStripper, stripAnsi } from './ansi';
export { StreamSearch } from './streamSearch';
export { TailLines } from './tail';
export { LinePrefixer } from './prefix';
export { formatHeader, formatFooter } from './format';
export {
  staleReason,
  describeStale,
  formatAge,
  type FreshnessInput,
  type StaleReason,
} from './freshness';
export { recordedVerdict, isRecordable } from './recorded';
export { guardrailStates, summarizeGuardrails, describeState } from './summary';
export type { GuardrailState, GuardrailSummary, SummaryLevel } from './summary';
export {
  buildRunLog,
  parseRunLog,
  latestResults,
  requiredPassed,
  RUN_LOG_SCHEMA,
  type GuardrailRunLog,
} from './runLog';
export { requiredNotPassedSince } from './gate';
export { changedPathsFromStatusZ, isUnderAny, outputPathPrefix } from './changedPaths';
export * from './defaults';
