import { resolve } from 'node:path';
import { reasonWithCause } from '../model/format';
import { recordedVerdict } from '../model/recorded';
import { buildRunLog, requiredPassed } from '../model/runLog';
import { skipReason } from '../model/skip';
import { guardrailStates, summarizeGuardrails } from '../model/summary';
import type { GuardrailResult } from '../model/types';
import type { GuardrailDefinition, TaskModel } from '../../../kernel/model/types';
import { isGuardrailRecordError, recordGuardrailResults } from '../record';
import { writeRunLog } from '../runLogFiles';
import { runGuardrails } from '../runGuardrails';
import { textSink } from '../textSink';
import { cliGuardrails } from './settingsGuardrails';
import { cliSettings, requireTrust, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  type CliCommand,
  type CliContext,
} from '../../common/cli/command';
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
  await requireTrust(
    values,
    context,
    requested,
    'not running guardrails: they are shell lines from the task file',
  );
  const settings = await cliSettings(values, context, { reads: ['guardrails.'], from: requested });
  const merged = cliGuardrails(model.guardrails, settings, context);
  // As the extension runs them: in the worktree, or the `guardrails.cwd` setting below it.
  const cwd = resolve(settings.folder, merged.settings.cwd);
  const timeoutMinutes = positiveNumber(
    values.timeout,
    '--timeout',
    merged.settings.timeoutMs / 60_000,
  );
  const parallelism = Math.floor(
    positiveNumber(values.parallel, '--parallel', merged.settings.parallelism),
  );
  const definitions = selectGuardrails(merged.definitions, positionals);
  // --json keeps stdout for the run log; the live output goes to stderr.
  const live = values.json ? context.stderr : context.stdout;

  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  // The guardrails lead their own process groups, so Ctrl-C in a terminal reaches only us: pass it on.
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const startedAt = new Date();
  let results: GuardrailResult[];
  try {
    results = await runGuardrails(definitions, {
      cwd,
      env: merged.settings.env,
      model,
      timeoutMs: timeoutMinutes * 60_000,
      parallelism,
      signal: controller.signal,
      ignoreDependencies: values.force === true,
      runStartedAt: startedAt,
      sinkFor: (definition) => textSink(definition, live, { prefixLines: parallelism > 1 }),
    });
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }

  const log = buildRunLog({
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    cwd,
    taskFile: opened.path,
    results,
  });
  const logFolder = resolve(cwd, values['log-folder'] ?? merged.settings.logFolder);
  const logPath = await writeRunLog(logFolder, log);
  let recorded = 0;
  let recordFailed = false;
  if (!values['no-record']) {
    try {
      recorded = await recordGuardrailResults(
        opened.store,
        results,
        new Set(model.guardrails.map((d) => d.key)),
      );
    } catch (error) {
      if (!isGuardrailRecordError(error)) {
        throw error;
      }
      // The results are still printed below and kept in the run log.
      context.stderr(`coord: ${opened.shownPath}: ${error.message}\n`);
      recorded = error.recorded;
      recordFailed = true;
    }
  }

  if (values.json) {
    context.stdout(`${JSON.stringify({ ...log, logPath }, null, 2)}\n`);
  } else {
    context.stdout(
      summaryText(results, shownPath(logPath, context.cwd), recorded, opened.shownPath),
    );
  }
  if (controller.signal.aborted) {
    return 130;
  }
  return requiredPassed(results) && !recordFailed ? ExitCode.ok : ExitCode.failed;
}

function selectGuardrails(all: GuardrailDefinition[], keys: string[]): GuardrailDefinition[] {
  if (all.length === 0) {
    throw new CommandFailure(
      'the task file defines no guardrails (add them under "pre_audit_guardrails")',
    );
  }
  if (keys.length === 0) {
    return all;
  }
  const unknown = keys.filter((key) => !all.some((definition) => definition.key === key));
  if (unknown.length > 0) {
    throw new UsageError(
      `no guardrail ${unknown.map((key) => `"${key}"`).join(', ')}; known: ${all.map((d) => d.key).join(', ')}`,
    );
  }
  return all.filter((definition) => keys.includes(definition.key));
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
