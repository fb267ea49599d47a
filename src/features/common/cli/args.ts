import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command that reads the task file takes. */
export const FILE_OPTION = { file: { type: 'string', short: 'f' } } as const satisfies Options;
export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies Options;

/** `util.parseArgs`, strict, with its errors turned into usage errors. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
  }
  return parsed;
}
