/**
 * The last lines of a stream, in bounded memory whatever the output's size. A line redrawn with
 * carriage returns (progress bars) keeps only its last state.
 */
export class TailLines {
  private text = '';
  private truncated = false;

  constructor(
    private readonly maxLines = 20,
    private readonly maxChars = 16 * 1024,
    private readonly maxLineLength = 400,
  ) {}

  push(chunk: string): void {
    if (chunk.length >= this.maxChars) {
      this.text = chunk.slice(chunk.length - this.maxChars);
      this.truncated = true;
      return;
    }
    this.text += chunk;
    if (this.text.length > 2 * this.maxChars) {
      this.text = this.text.slice(this.text.length - this.maxChars);
      this.truncated = true;
    }
  }

  lines(): string[] {
    const lines = this.text.split('\n');
    if (this.truncated) {
      lines.shift();
    }
    if (lines.length > 0 && lines[lines.length - 1] === '') {
      lines.pop();
    }
    return lines.slice(-this.maxLines).map((line) => {
      const visible = line.endsWith('\r') ? line.slice(0, -1) : line;
      const redrawn = visible.slice(visible.lastIndexOf('\r') + 1);
      return redrawn.length > this.maxLineLength
        ? `${redrawn.slice(0, this.maxLineLength)}…`
        : redrawn;
    });
  }
}
