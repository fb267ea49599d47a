import type { GuardrailChannel } from '../../../src/features/guardrails/vscode/guardrailOutput';

/** How much of the channel's latest text is kept for `recentText()`. */
const RECENT_CHARS = 256 * 1024;

/**
 * The guardrail output channel of the host-test extension: shows everything in the window's
 * channel and keeps the latest text appended, for the host tests to read.
 */
export class RecordingGuardrailChannel implements GuardrailChannel {
  private recent = '';

  constructor(private readonly shown: GuardrailChannel) {}

  append(text: string): void {
    this.shown.append(text);
    this.recent =
      text.length >= RECENT_CHARS
        ? text.slice(-RECENT_CHARS)
        : (this.recent + text).slice(-RECENT_CHARS);
  }

  show(preserveFocus?: boolean): void {
    this.shown.show(preserveFocus);
  }

  dispose(): void {
    this.shown.dispose();
  }

  /** The last text appended to the channel, exactly as appended. */
  recentText(): string {
    return this.recent;
  }
}
