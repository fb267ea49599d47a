/**
 * Removes ANSI escape sequences (colours, cursor moves, OSC titles and links) and other control
 * characters except tab, line feed and carriage return, from text that arrives in chunks: a
 * sequence split across two chunks is still removed whole. Text without control characters goes
 * through with one regex scan.
 */

const ESC = 0x1b;
const BEL = 0x07;
const C1_CSI = 0x9b;
/** Control characters to look for; tab, LF and CR are kept. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SPECIAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x9b]/g;
/** A sequence longer than this is not one a terminal would honour: give up and show text again. */
const MAX_SEQUENCE = 4096;

type State = 'text' | 'escape' | 'escapeIntermediate' | 'csi' | 'string' | 'stringEscape';

export class AnsiStripper {
  private state: State = 'text';
  private sequenceLength = 0;

  /** Returns the visible part of `chunk`, holding back an unfinished sequence for the next call. */
  push(chunk: string): string {
    let out = '';
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.state === 'text') {
        SPECIAL.lastIndex = i;
        const match = SPECIAL.exec(chunk);
        if (!match) {
          out += i === 0 ? chunk : chunk.slice(i);
          break;
        }
        const at = match.index;
        if (at > i) {
          out += chunk.slice(i, at);
        }
        const code = chunk.charCodeAt(at);
        if (code === ESC) {
          this.enter('escape');
        } else if (code === C1_CSI) {
          this.enter('csi');
        }
        i = at + 1;
        continue;
      }
      i = this.step(chunk.charCodeAt(i), i);
    }
    return out;
  }

  /** End of stream: an unfinished sequence is dropped. */
  flush(): string {
    this.state = 'text';
    return '';
  }

  private enter(state: State): void {
    this.state = state;
    this.sequenceLength = 0;
  }

  /** Advances one character inside a sequence; returns the next index. */
  private step(code: number, i: number): number {
    if (++this.sequenceLength > MAX_SEQUENCE) {
      this.state = 'text';
      return i;
    }
    switch (this.state) {
      case 'escape':
        if (code === 0x5b) {
          this.state = 'csi';
        } else if (code === 0x5d || code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) {
          // OSC, DCS, SOS, PM, APC: strings ended by BEL or ESC \
          this.state = 'string';
        } else if (code >= 0x20 && code <= 0x2f) {
          this.state = 'escapeIntermediate';
        } else if (code === ESC) {
          this.state = 'escape';
        } else {
          this.state = 'text';
          // A control character after ESC is not part of the sequence: keep it (e.g. a line feed).
          return code < 0x20 ? i : i + 1;
        }
        return i + 1;
      case 'escapeIntermediate':
        if (code < 0x20) {
          this.state = 'text';
          return i;
        }
        if (code > 0x2f) {
          this.state = 'text';
        }
        return i + 1;
      case 'csi':
        if (code >= 0x40 && code <= 0x7e) {
          this.state = 'text';
        } else if (code < 0x20 || code > 0x3f) {
          // Not a valid CSI byte: the sequence was broken; read this character as text again.
          this.state = 'text';
          return i;
        }
        return i + 1;
      case 'string':
        if (code === BEL) {
          this.state = 'text';
        } else if (code === ESC) {
          this.state = 'stringEscape';
        }
        return i + 1;
      case 'stringEscape':
        this.state = code === 0x5c ? 'text' : 'string';
        return code === 0x5c ? i + 1 : i;
      default:
        return i;
    }
  }
}

export function stripAnsi(text: string): string {
  const stripper = new AnsiStripper();
  return stripper.push(text) + stripper.flush();
}
