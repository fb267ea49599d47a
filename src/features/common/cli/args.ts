import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command that reads the task file takes. */
export const FILE_OPTION = { file: { type: 'string', short: 'f' } } as const satisfies Options;
export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies Options;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;

/** `-h` or `--help` among a command's options: its usage is printed instead of running it. */
export class HelpRequested extends CoordinatorError {
  constructor() {
    super('helpRequested', 'help requested');
    this.name = 'HelpRequested';
  }
}

/**
 * `util.parseArgs`, strict, with its errors turned into usage errors. The word after an option
 * that takes a value is that value whatever it looks like: `--note -h` stores "-h".
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T, positionals = 0) {
  const all = { ...options, ...HELP_OPTION };
  let parsed;
  try {
    parsed = parseArgs({
      args: attachOptionValues(args, all),
      options: all,
      strict: true,
      allowPositionals: positionals > 0,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: unknown }).help === true) {
    throw new HelpRequested();
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
  }
  return parsed;
}

/** Writes `--name value` as `--name=value` (and `-n value` as `-nvalue`) for options with values. */
function attachOptionValues(args: readonly string[], options: Options): string[] {
  const takesValue = (name: string | undefined) =>
    name !== undefined && options[name]?.type === 'string';
  const byShort = new Map(
    Object.entries(options)
      .filter(([, option]) => option.short !== undefined)
      .map(([name, option]) => [option.short as string, name]),
  );
  const out: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const next = args[index + 1];
    if (arg === '--') {
      out.push(...args.slice(index));
      break;
    }
    const long = /^--([^=]+)$/.exec(arg)?.[1];
    const short = /^-([^-])$/.exec(arg)?.[1];
    if (next !== undefined && takesValue(long)) {
      out.push(`${arg}=${next}`);
      index++;
    } else if (next !== undefined && short !== undefined && takesValue(byShort.get(short))) {
      out.push(`${arg}${next}`);
      index++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
