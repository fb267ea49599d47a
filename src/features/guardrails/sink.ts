import type { GuardrailResult, GuardrailRunHeader, OutputStream } from './model/types';

/**
 * Where one guardrail run reports: the extension's output channel and status bar, the CLI's
 * stdout, a test. Called in order: `onStart`, any number of `onOutput`, `onEnd` exactly once.
 */
export interface GuardrailSink {
  onStart(header: GuardrailRunHeader): void;
  /** Decoded text with ANSI codes removed, chunk by chunk as the process writes it. */
  onOutput(text: string, stream: OutputStream): void;
  onEnd(result: GuardrailResult): void;
}
