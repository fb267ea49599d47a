/* eslint-disable no-control-regex -- finding control characters is what this module does */
/**
 * Removes ANSI escape sequences (colours, cursor moves, OSC titles and links) and the control
 * characters that only make noise in an output channel (NUL, BEL, BS, VT, FF, SO, SI, DEL), from
 * text that arrives in chunks: a sequence split across two chunks is still removed whole.
 *
 * Speed matters (a guardrail may print hundreds of megabytes): text without those characters passes
 * after a few native `indexOf` scans, and chunks with only colour codes are cleaned by one native
 * regex replace; a character-level state machine handles chunk ends and OSC/DCS strings.
 */

const ESC = 0x1b;
const BEL = 0x07;
const C1_CSI = 0x9b;
/** Removed wherever they appear outside a sequence. */
const NOISE = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e', '\u000f', '\u007f'];
const SPECIAL_CHARS = ['\u001b', '\u009b', ...NOISE];
const NOISE_CODES = new Set(NOISE.map((char) => char.charCodeAt(0)));
/** An OSC/DCS/SOS/PM/APC string or a C1 CSI: left to the state machine. */
const STRING_OR_C1 = /\u001b[\]PX^_]|\u009b/;
/**
 * The state machine's rules for sequences without strings, as one regex: CSI (parameters and
 * intermediates, then an optional final byte), other escapes (intermediates, then one optional
 * final character). Noise characters go in a second pass, only when present: after sequences,
 * since a noise character inside a sequence breaks it rather than being skipped.
 */
const SEQUENCE = /\u001b(?:\[[ -?]*[@-~]?|[ -/]*[0-\uffff]?)/g;
const NOISE_ALL = /[\u0000\u0007\u0008\u000b\u000c\u000e\u000f\u007f]/g;
const SEQUENCE_AT = new RegExp(SEQUENCE.source, 'y');
/** An OSC or DCS string longer than this is not one a terminal would honour: show text again. */
const MAX_STRING = 4096;

type State = 'text' | 'escape' | 'escapeIntermediate' | 'csi' | 'string' | 'stringEscape';

export class AnsiStripper {
  private state: State = 'text';
  private stringLength = 0;

  /** Returns the visible part of `chunk`, holding back an unfinished sequence for the next call. */
  push(chunk: string): string {
    let i = 0;
    while (i < chunk.length && this.state !== 'text') {
      i = this.step(chunk.charCodeAt(i), i);
    }
    if (i >= chunk.length) {
      return '';
    }
    const rest = i === 0 ? chunk : chunk.slice(i);
    if (!SPECIAL_CHARS.some((char) => rest.includes(char))) {
      return rest;
    }
    if (STRING_OR_C1.test(rest)) {
      return this.machine(rest);
    }
    // Hand a sequence that may continue in the next chunk to the state machine.
    const lastEscape = rest.lastIndexOf('\u001b');
    let cut = rest.length;
    if (lastEscape >= 0) {
      SEQUENCE_AT.lastIndex = lastEscape;
      SEQUENCE_AT.exec(rest);
      if (SEQUENCE_AT.lastIndex >= rest.length) {
        cut = lastEscape;
      }
    }
    const head = cut === rest.length ? rest : rest.slice(0, cut);
    const withoutSequences = head.includes('\u001b') ? head.replace(SEQUENCE, '') : head;
    const cleaned = NOISE.some((char) => withoutSequences.includes(char))
      ? withoutSequences.replace(NOISE_ALL, '')
      : withoutSequences;
    return cut === rest.length ? cleaned : cleaned + this.machine(rest.slice(cut));
  }

  /** End of stream: an unfinished sequence is dropped. */
  flush(): string {
    this.state = 'text';
    return '';
  }

  /** The reference behaviour, character by character, from the text state. */
  private machine(text: string): string {
    const kept: string[] = [];
    let runStart = -1;
    let i = 0;
    while (i < text.length) {
      if (this.state !== 'text') {
        i = this.step(text.charCodeAt(i), i);
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === ESC || code === C1_CSI || NOISE_CODES.has(code)) {
        if (runStart >= 0) {
          kept.push(text.slice(runStart, i));
          runStart = -1;
        }
        if (code === ESC) {
          this.state = 'escape';
        } else if (code === C1_CSI) {
          this.state = 'csi';
        }
      } else if (runStart < 0) {
        runStart = i;
      }
      i++;
    }
    if (runStart >= 0) {
      kept.push(text.slice(runStart));
    }
    return kept.join('');
  }

  /** Advances one character inside a sequence; returns the next index. */
  private step(code: number, i: number): number {
    switch (this.state) {
      case 'escape':
        if (code === 0x5b) {
          this.state = 'csi';
        } else if (
          code === 0x5d ||
          code === 0x50 ||
          code === 0x58 ||
          code === 0x5e ||
          code === 0x5f
        ) {
          this.state = 'string';
          this.stringLength = 0;
        } else if (code >= 0x20 && code <= 0x2f) {
          this.state = 'escapeIntermediate';
        } else if (code === ESC) {
          this.state = 'escape';
        } else {
          this.state = 'text';
          // A control character after ESC is not part of the sequence: read it as text.
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
          // Not a CSI byte: the sequence was broken; read this character as text.
          this.state = 'text';
          return i;
        }
        return i + 1;
      case 'string':
        if (++this.stringLength > MAX_STRING) {
          this.state = 'text';
          return i;
        }
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
