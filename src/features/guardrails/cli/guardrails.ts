import { resolve } from 'node:path';
import { reasonWithCause } from '../model/format';
import { recordedVerdict } from '../model/recorded';
import { requiredPassed } from '../model/runLog';
import { skipReason } from '../model/skip';
import { guardrailStates, summarizeGuardrails } from '../model/summary';
import type { GuardrailResult } from '../model/types';
import type { TaskModel } from '../../../kernel/model/types';
import {
  runGuardrails,
  type GuardrailConfiguration,
  type GuardrailRunReport,
} from '../runGuardrails';
import { textSink } from '../textSink';
import { cliGuardrails } from './settingsGuardrails';
import {
  cliSettings,
  repositoryTrusted,
  settingsFolder,
  SETTINGS_OPTIONS,
  untrustedRefusal,
} from '../../common/cli/settings';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../../common/cli/command';
import { formatTable } from '../../common/cli/print/table';
import {
  openTaskFile,
  requireModel,
  shownPath,
  type OpenedTaskFile,
} from '../../common/cli/taskFile';

const RUN_OPTIONS = {
  ...FILE_OPTION,
  ...SETTINGS_OPTIONS,
  ...JSON_OPTION,
  cwd: { type: 'string' },
  timeout: { type: 'string' },
  parallel: { type: 'string' },
  'log-folder': { type: 'string' },
  'no-record': { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

export const command: CliCommand = {
  summary:
    'list guardrails with their last verdicts, or run them (exit 1 when a required one fails)',
  usage:
    'coord guardrails [--workspace FILE] [--trusted] [--json] [--file PATH]\n' +
    '       coord guardrails run [KEY...] [--cwd DIR] [--timeout MIN] [--parallel N] [--log-folder DIR]\n' +
    '                            [--no-record] [--force] [--workspace FILE] [--trusted] [--json] [--file PATH]\n' +
    "  Settings come from the folder's .vscode/settings.json (over --workspace FILE's); guardrails\n" +
    '  run only in a trusted repository (coord trust, --trusted or COORD_TRUSTED=1)',
  async run(args, context) {
    if (args[0] === 'run') {
      return runCommand(args.slice(1), context);
    }
    if (args[0] === 'list') {
      args = args.slice(1);
    }
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      ...JSON_OPTION,
      ...SETTINGS_OPTIONS,
    });
    const opened = await openTaskFile(values.file, context);
    const { model } = requireModel(opened);
    const settings = await cliSettings(values, context, { reads: ['guardrails.'] });
    const guardrails = cliGuardrails(model.guardrails, settings, context).definitions;
    return listGuardrails({ ...model, guardrails }, opened, values.json === true, context);
  },
};

function listGuardrails(
  model: TaskModel,
  opened: OpenedTaskFile,
  json: boolean,
  context: CliContext,
): number {
  const now = Date.now();
  if (json) {
    const guardrails = model.guardrails.map((definition) => ({
      key: definition.key,
      command: definition.command,
      required: definition.required,
      expected: definition.expected ?? null,
      outputPath: definition.outputPath ?? null,
      dependsOn: definition.dependsOn ?? null,
      skipReason: skipReason(definition, model) ?? null,
      status: definition.status ?? null,
      verdict: recordedVerdict(definition.status) ?? null,
      lastRun: definition.lastRun ?? null,
      durationMs: definition.durationMs ?? null,
    }));
    context.stdout(`${JSON.stringify({ file: opened.path, guardrails }, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (model.guardrails.length === 0) {
    context.stdout(`${opened.shownPath}: no guardrails (add them under "pre_audit_guardrails")\n`);
    return ExitCode.ok;
  }
  const summary = summarizeGuardrails(guardrailStates(model.guardrails), now);
  context.stdout(`${opened.shownPath}: ${summary.label}\n`);
  const rows = model.guardrails.map((definition) => [
    definition.key,
    definition.required ? 'yes' : 'no',
    definition.status ?? '',
    definition.lastRun ?? '',
    definition.command,
    skipReason(definition, model) ?? '',
  ]);
  context.stdout(
    formatTable(
      [
        { header: 'KEY', max: 28 },
        { header: 'REQUIRED', max: 8 },
        { header: 'STATUS', max: 12 },
        { header: 'LAST RUN', max: 24 },
        { header: 'COMMAND', max: 60, flexible: true },
        { header: 'NOTE', max: 60, flexible: true },
      ],
      rows,
      { maxWidth: 160 },
    ),
  );
  return ExitCode.ok;
}

async function runCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, RUN_OPTIONS, 1000);
  const opened = await openTaskFile(values.file, context);
  const { model } = requireModel(opened);
  const requested = values.cwd !== undefined ? resolve(context.cwd, values.cwd) : context.cwd;
  const configure = async (): Promise<GuardrailConfiguration> => {
    const settings = await cliSettings(values, context, {
      reads: ['guardrails.'],
      from: requested,
    });
    const merged = cliGuardrails(model.guardrails, settings, context);
    const timeoutMinutes = positiveNumber(
      values.timeout,
      '--timeout',
      merged.settings.timeoutMs / 60_000,
    );
    const parallelism = Math.floor(
      positiveNumber(values.parallel, '--parallel', merged.settings.parallelism),
    );
    return {
      definitions: merged.definitions,
      settings: { ...merged.settings, timeoutMs: timeoutMinutes * 60_000, parallelism },
    };
  };
  // --json keeps stdout for the run log; the live output goes to stderr.
  const live = values.json ? context.stderr : context.stdout;

  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  // The guardrails lead their own process groups, so Ctrl-C in a terminal reaches only us: pass it on.
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let report: GuardrailRunReport;
  try {
    report = await runGuardrails({
      trust: {
        trusted: await repositoryTrusted(values, context, requested),
        refusal: untrustedRefusal(
          'not running guardrails: they are shell lines from the task file',
        ),
      },
      configure,
      keys: positionals,
      // As the extension runs them: in the worktree, or the `guardrails.cwd` setting below it.
      root: await settingsFolder(requested),
      model,
      ignoreDependencies: values.force === true,
      ...(values['no-record'] ? {} : { store: opened.store }),
      taskFile: opened.path,
      ...(values['log-folder'] !== undefined ? { logFolder: values['log-folder'] } : {}),
      signal: controller.signal,
      ui: {
        sinkFor: (definition, run) =>
          textSink(definition, live, { prefixLines: run.parallelism > 1 }),
        progress: (_selected, work) => work(() => undefined),
      },
    });
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }

  if (report.logError) {
    context.stderr(`coord: ${report.logError}\n`);
  }
  if (report.recordError) {
    // The results are still printed below and kept in the run log.
    context.stderr(`coord: ${opened.shownPath}: ${report.recordError.message}\n`);
  }
  if (values.json) {
    context.stdout(
      `${JSON.stringify({ ...report.log, logPath: report.logPath ?? null }, null, 2)}\n`,
    );
  } else {
    const logPath = report.logPath ? shownPath(report.logPath, context.cwd) : 'not written';
    context.stdout(summaryText(report.results, logPath, report.recorded, opened.shownPath));
  }
  if (report.cancelled) {
    return 130;
  }
  const kept = report.recordError === undefined && report.logError === undefined;
  return requiredPassed(report.results) && kept ? ExitCode.ok : ExitCode.failed;
}

function summaryText(
  results: GuardrailResult[],
  logPath: string,
  recorded: number,
  taskFile: string,
): string {
  const required = results.filter((result) => result.required);
  const passing = required.filter((result) => result.verdict === 'pass').length;
  const lines = [
    '',
    `guardrails: ${passing}/${required.length} required passing`,
    ...results.map(
      (result) =>
        `  ${result.verdict.toUpperCase().padEnd(9)} ${result.key}${result.required ? '' : ' (optional)'}: ${reasonWithCause(result)}`,
    ),
    `run log: ${logPath}`,
    recorded > 0
      ? `recorded ${recorded} result${recorded === 1 ? '' : 's'} in ${taskFile}`
      : `nothing recorded in ${taskFile}`,
    '',
  ];
  return lines.join('\n');
}

function positiveNumber(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} needs a positive number, not "${text}"`);
  }
  return value;
}
