/** Defaults shared by the CLI flags and the extension settings. */

/** `coordinator.guardrails.timeoutMinutes`: a guardrail running longer is killed (its whole tree). */
export const DEFAULT_TIMEOUT_MINUTES = 15;

/** `coordinator.guardrails.parallelism`. */
export const DEFAULT_PARALLELISM = 1;

/**
 * `coordinator.guardrails.logFolder`, relative to the folder the guardrails ran in (a worktree):
 * beside the workflow's other local state (`.dev/locks/`), so each worktree keeps its own results
 * for the completion gate and CI can upload the folder as an artifact.
 */
export const DEFAULT_LOG_FOLDER = '.dev/guardrails';

/** Between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 3000;

/**
 * Output of one guardrail shown in the output channel, in MB; the rest is summarised. VS Code
 * scans a visible channel's whole text for links on every update, which stalls the extension
 * host once a channel holds tens of megabytes.
 */
export const DEFAULT_CHANNEL_LIMIT_MB = 1;

/** The completion gate's guardrail settings when nothing overrides them. */
export const DEFAULT_SHORTFALL_SETTINGS = {
  requirePassBeforeComplete: true,
  cwd: '',
  logFolder: DEFAULT_LOG_FOLDER,
} as const;
