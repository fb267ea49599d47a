/**
 * Collects text and hands it on at most every `intervalMs` (or once `maxChars` is waiting), so a
 * process printing megabytes makes a few dozen output-channel appends a second, not thousands.
 */
export class BatchedWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly flushTo: (text: string) => void,
    private readonly intervalMs = 50,
    private readonly maxChars = 1024 * 1024,
  ) {}

  readonly write = (text: string): void => {
    if (text.length === 0) {
      return;
    }
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= this.maxChars) {
      this.flush();
    } else {
      this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
    }
  };

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) {
      return;
    }
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.flushTo(text);
  }

  dispose(): void {
    this.flush();
  }
}
