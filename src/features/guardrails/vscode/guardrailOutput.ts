import * as vscode from 'vscode';
import { BatchedWriter } from '../batchedWriter';
import { OutputChannels } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';

/** How much of the channel's latest text is kept for `recentText()` (the host tests read it). */
const RECENT_CHARS = 256 * 1024;

/**
 * The "Coordinator Guardrails" channel: raw command output, appended in batches (a process printing
 * megabytes makes a few appends a second, not thousands).
 */
export class GuardrailOutput extends Disposable {
  readonly channel = this.register(vscode.window.createOutputChannel(OutputChannels.guardrails));
  private readonly writer = new BatchedWriter((text) => this.appendNow(text));
  private recent = '';

  constructor() {
    super();
    this.register({ dispose: () => this.writer.dispose() });
  }

  readonly append = (text: string): void => this.writer.write(text);

  flush(): void {
    this.writer.flush();
  }

  show(): void {
    this.writer.flush();
    this.channel.show(true);
  }

  /** The last text appended to the channel, exactly as appended. */
  recentText(): string {
    this.writer.flush();
    return this.recent;
  }

  private appendNow(text: string): void {
    if (this.isDisposed) {
      return;
    }
    this.channel.append(text);
    this.recent =
      text.length >= RECENT_CHARS
        ? text.slice(-RECENT_CHARS)
        : (this.recent + text).slice(-RECENT_CHARS);
  }
}
