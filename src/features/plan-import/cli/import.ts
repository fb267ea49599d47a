import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importEdits, type ImportPlan } from '../model/importEdits';
import { importCounts } from '../model/importSummary';
import { readMarkdownPlan, type UnreadLine } from '../model/markdownPlan';
import { JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  type CliCommand,
  type CliContext,
} from '../../common/cli/command';
import {
  openTaskFile,
  TaskFileNotFoundError,
  type OpenedTaskFile,
} from '../../common/cli/taskFile';

/** A plan file `--into` names and that does not exist yet starts as this. */
const NEW_PLAN = `${JSON.stringify({ schema_version: '1.0', tasks: {} }, null, 2)}\n`;

export const command: CliCommand = {
  summary: 'import a Markdown plan (task tables, task sections, task lists) into the task file',
  usage: 'coord import PLAN.md [--into FILE] [--dry-run] [--json]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...JSON_OPTION, into: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      1,
    );
    if (positionals.length === 0) {
      throw new UsageError('a Markdown plan is needed');
    }
    const dryRun = values['dry-run'] === true;
    const markdown = readMarkdownPlan(await readSource(positionals[0], context));
    const opened = await openPlan(values.into, dryRun, context);
    const model = opened?.loaded.model;
    if (opened && !model) {
      throw new CommandFailure(`${opened.shownPath} cannot be read; fix it first (coord validate)`);
    }
    const plan = importEdits(markdown.tasks, model);
    if (!dryRun && plan.edits.length > 0) {
      await opened!.store.apply(plan.edits);
    }
    if (values.json) {
      context.stdout(`${JSON.stringify(jsonReport(plan, markdown.unread, dryRun), null, 2)}\n`);
    } else {
      context.stdout(textReport(plan, markdown.unread, dryRun, opened?.shownPath));
    }
    return ExitCode.ok;
  },
};

async function readSource(path: string, context: CliContext): Promise<string> {
  try {
    return await readFile(resolve(context.cwd, path), 'utf8');
  } catch (error) {
    throw new CommandFailure(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** `--into FILE` (made when missing, unless this is a dry run), else the repository's task file. */
async function openPlan(
  into: string | undefined,
  dryRun: boolean,
  context: CliContext,
): Promise<OpenedTaskFile | undefined> {
  if (into !== undefined && !dryRun) {
    try {
      await writeFile(resolve(context.cwd, into), NEW_PLAN, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CommandFailure(`cannot create ${into}: ${(error as Error).message}`);
      }
    }
  }
  try {
    return await openTaskFile(into, context);
  } catch (error) {
    if (dryRun) {
      return undefined;
    }
    if (into === undefined && error instanceof TaskFileNotFoundError) {
      throw new CommandFailure(
        `${error.message.replace(/; pass --file PATH$/, '')}; pass --into FILE to import into a new plan`,
      );
    }
    throw error;
  }
}

function textReport(
  plan: ImportPlan,
  unread: readonly UnreadLine[],
  dryRun: boolean,
  file: string | undefined,
): string {
  const lines = plan.rows.map(({ row, match, key }) => {
    const what =
      match.kind === 'matched'
        ? `matches ${key} (by ${match.by})`
        : match.kind === 'ambiguous'
          ? `ambiguous (by ${match.by}: ${match.candidates.map((t) => t.key).join(', ')}), left alone`
          : `new: ${key}`;
    return `${row.line}: ${row.id ?? '-'} ${row.name}: ${what}`;
  });
  lines.push(
    `${importCounts(plan)}; ` +
      (dryRun ? 'dry run: nothing written' : `${plan.edits.length} changes written to ${file}`),
  );
  lines.push(...unread.map((line) => `not read: line ${line.line}: ${line.text}`));
  return `${lines.join('\n')}\n`;
}

function jsonReport(plan: ImportPlan, unread: readonly UnreadLine[], dryRun: boolean): unknown {
  return {
    dryRun,
    tasks: plan.rows.map(({ row, match, key }) => ({
      ...row,
      match: match.kind,
      ...(key !== undefined ? { taskKey: key } : {}),
      ...(match.kind !== 'new' ? { by: match.by } : {}),
      ...(match.kind === 'ambiguous' ? { candidates: match.candidates.map((t) => t.key) } : {}),
    })),
    edits: plan.edits,
    unread,
  };
}
