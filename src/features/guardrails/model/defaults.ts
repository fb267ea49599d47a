import { SETTINGS } from '../../../kernel/config/settingsTable';

/** Defaults shared by the CLI flags and the extension settings, from the settings table. */

/** `coordinator.guardrails.timeoutMinutes`: a guardrail running longer is killed (its whole tree). */
export const DEFAULT_TIMEOUT_MINUTES: number = SETTINGS['guardrails.timeoutMinutes'].default;

/** `coordinator.guardrails.parallelism`. */
export const DEFAULT_PARALLELISM: number = SETTINGS['guardrails.parallelism'].default;

/**
 * `coordinator.guardrails.logFolder`, relative to the folder the guardrails ran in (a worktree):
 * beside the workflow's other local state (`.dev/locks/`), so each worktree keeps its own results
 * for the completion gate and CI can upload the folder as an artifact.
 */
export const DEFAULT_LOG_FOLDER: string = SETTINGS['guardrails.logFolder'].default;

/** Between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 3000;

/**
 * Output of one guardrail shown in the output channel, in MB; the rest is summarised. VS Code
 * scans a visible channel's whole text for links on every update, which stalls the extension
 * host once a channel holds tens of megabytes.
 */
export const DEFAULT_CHANNEL_LIMIT_MB: number = SETTINGS['guardrails.channelLimitMB'].default;
