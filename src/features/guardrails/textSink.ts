import { formatFooter, formatHeader, formatSize } from './model/format';
import { LinePrefixer } from './model/prefix';
import type { GuardrailDefinition } from '../../kernel/model/types';
import type { GuardrailSink } from './sink';

/** How much of the end of the output is kept to print after the footer when output was cut. */
const TAIL_CHARS = 16 * 1024;

export interface TextSinkOptions {
  /** Parallel runs: every line starts with `[key] `. */
  prefixLines?: boolean;
  /**
   * Most output characters to print; past it only a notice, then the last lines at the end.
   * Unlimited when absent or 0.
   */
  limitChars?: number;
}

/**
 * A sink that prints header, output and footer as text: the CLI writes it to stdout, the extension
 * appends it to the "Coordinator Guardrails" channel (through a `BatchedWriter`).
 */
export function textSink(
  definition: GuardrailDefinition,
  write: (text: string) => void,
  options: TextSinkOptions = {},
): GuardrailSink {
  const prefixer = options.prefixLines ? new LinePrefixer(`[${definition.key}] `) : undefined;
  const limit = options.limitChars && options.limitChars > 0 ? options.limitChars : Infinity;
  let endsWithNewline = true;
  let shown = 0;
  let omitted = 0;
  let tail = '';
  const print = (text: string): void => {
    if (text.length > 0) {
      endsWithNewline = text.endsWith('\n');
      write(prefixer ? prefixer.push(text) : text);
    }
  };
  const newline = (): string => (endsWithNewline ? '' : '\n');
  return {
    onStart(header) {
      print(formatHeader(header));
    },
    onOutput(text) {
      if (omitted === 0 && shown + text.length <= limit) {
        shown += text.length;
        print(text);
        return;
      }
      if (omitted === 0) {
        // Cut at the last line end that fits, so the notice starts a line of its own.
        const room = limit - shown;
        const cut = room > 0 ? text.lastIndexOf('\n', room - 1) + 1 : 0;
        print(text.slice(0, cut));
        shown += cut;
        text = text.slice(cut);
        print(
          `${newline()}[… more than ${formatSize(limit)} of output: the rest is not shown here; its last lines follow when ${definition.key} ends]\n`,
        );
      }
      omitted += text.length;
      tail = text.length >= TAIL_CHARS ? text.slice(-TAIL_CHARS) : (tail + text).slice(-TAIL_CHARS);
    },
    onEnd(result) {
      if (omitted > 0) {
        const lastLines = tail.length === TAIL_CHARS ? tail.slice(tail.indexOf('\n') + 1) : tail;
        const saved =
          result.outputPath && !result.outputPathError
            ? `; all of it is in ${result.outputPath}`
            : '';
        print(`[… ${formatSize(omitted - lastLines.length)} not shown${saved}. Last lines:]\n`);
        print(lastLines);
      }
      print(`${newline()}${formatFooter(result)}\n`);
    },
  };
}
