/**
 * Collects text and hands it on at most every `intervalMs` (or once `maxChars` is waiting), so a
 * process printing megabytes makes a few dozen output-channel appends a second, not thousands.
 */
export class BatchedWriter {
  /** Concatenated, not joined from an array: V8 appends in constant time and copies once, at the consumer. */
  private pending = '';
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
    this.pending += text;
    if (this.pending.length >= this.maxChars) {
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
    const text = this.pending;
    this.pending = '';
    this.flushTo(text);
  }

  dispose(): void {
    this.flush();
  }
}
