import { formatFooter, formatHeader } from '../core/guardrails/format';
import { LinePrefixer } from '../core/guardrails/prefix';
import type { GuardrailDefinition } from '../core/model/types';
import type { GuardrailSink } from './sink';

/**
 * A sink that prints header, output and footer as text: the CLI writes it to stdout, the extension
 * appends it to the "Coordinator Guardrails" channel (through a `BatchedWriter`). With `prefixLines`
 * (parallel runs) every line starts with `[key] `.
 */
export function textSink(
  definition: GuardrailDefinition,
  write: (text: string) => void,
  options: { prefixLines?: boolean } = {},
): GuardrailSink {
  const prefixer = options.prefixLines ? new LinePrefixer(`[${definition.key}] `) : undefined;
  let endsWithNewline = true;
  const print = (text: string): void => {
    if (text.length > 0) {
      endsWithNewline = text.endsWith('\n');
      write(prefixer ? prefixer.push(text) : text);
    }
  };
  return {
    onStart(header) {
      print(formatHeader(header));
    },
    onOutput(text) {
      print(text);
    },
    onEnd(result) {
      print(`${endsWithNewline ? '' : '\n'}${formatFooter(result)}\n`);
    },
  };
}
