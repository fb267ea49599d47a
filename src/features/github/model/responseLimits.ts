import { SETTINGS } from '../../../kernel/config/settingsTable';
/** How long and how much the GitHub client waits for and reads of any one response. */
export interface ResponseLimits {
  /** Until the status line and headers arrive. */
  connectTimeoutMs: number;
  /** Between two pieces of the body. */
  idleTimeoutMs: number;
  /** Body bytes read before giving up; the rest is never read. */
  maxResponseBytes: number;
}

export const DEFAULT_RESPONSE_LIMITS: ResponseLimits = {
  connectTimeoutMs: SETTINGS['github.connectTimeoutSeconds'].default * 1000,
  idleTimeoutMs: SETTINGS['github.idleTimeoutSeconds'].default * 1000,
  maxResponseBytes: SETTINGS['github.maxResponseMegabytes'].default * 1024 * 1024,
};

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : bytes >= 1024 * 1024
      ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
      : `${bytes} bytes`;
}
