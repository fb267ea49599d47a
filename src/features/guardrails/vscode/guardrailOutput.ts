import * as vscode from 'vscode';
import { BatchedWriter } from '../batchedWriter';
import { OutputChannels } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';

/** Where guardrail output is shown: the part of the UI port that is an output channel. */
export interface GuardrailChannel {
  append(text: string): void;
  show(preserveFocus?: boolean): void;
  dispose(): void;
}

/** The window's "Coordinator Guardrails" channel. */
export function windowGuardrailChannel(): GuardrailChannel {
  return vscode.window.createOutputChannel(OutputChannels.guardrails);
}

/**
 * The "Coordinator Guardrails" channel: raw command output, appended in batches (a process printing
 * megabytes makes a few appends a second, not thousands). It owns `channel` and disposes it.
 */
export class GuardrailOutput extends Disposable {
  private readonly writer = new BatchedWriter((text) => this.appendNow(text));

  constructor(readonly channel: GuardrailChannel) {
    super();
    this.register(channel);
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

  private appendNow(text: string): void {
    if (!this.isDisposed) {
      this.channel.append(text);
    }
  }
}
