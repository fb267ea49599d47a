/** Puts `[key] ` before every line of a chunked stream, so parallel runs stay readable in one channel. */
export class LinePrefixer {
  private atLineStart = true;

  constructor(private readonly prefix: string) {}

  push(chunk: string): string {
    if (chunk.length === 0) {
      return '';
    }
    let out = (this.atLineStart ? this.prefix : '') + chunk;
    const endsWithNewline = out.endsWith('\n');
    const body = endsWithNewline ? out.slice(0, -1) : out;
    out = body.split('\n').join(`\n${this.prefix}`) + (endsWithNewline ? '\n' : '');
    this.atLineStart = endsWithNewline;
    return out;
  }
}
