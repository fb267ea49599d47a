import { resolve } from 'node:path';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { GuardrailDefinition, TaskModel } from '../../kernel/model/types';
import { logFolderFor, runFolder } from './model/folders';
import { buildRunLog, type GuardrailRunLog } from './model/runLog';
import { selectGuardrails } from './model/select';
import type { GuardrailSettings } from './model/settings';
import type { GuardrailResult } from './model/types';
import { GuardrailRecordError, recordGuardrailResults, type TaskEditApplier } from './record';
import { runGuardrailBatch } from './runGuardrailBatch';
import { writeRunLog } from './runLogFiles';
import type { GuardrailSink } from './sink';

/** The guardrails a run may choose from and the settings it runs them with. */
export interface GuardrailConfiguration {
  /** The task file's guardrails merged with the `coordinator.guardrails.definitions` setting. */
  definitions: readonly GuardrailDefinition[];
  settings: Pick<GuardrailSettings, 'env' | 'timeoutMs' | 'parallelism' | 'cwd' | 'logFolder'>;
}

/** How a host shows a run: it renders, the use case decides. */
export interface GuardrailRunUi {
  /** Where one guardrail's header, output and footer go (a channel, a terminal, stdout). */
  sinkFor(definition: GuardrailDefinition, run: { parallelism: number }): GuardrailSink;
  /**
   * Runs `work` under the host's progress display, once the guardrails to run are known;
   * `report` names the one that started (`lint (2/5)`).
   */
  progress<T>(
    selected: readonly GuardrailDefinition[],
    work: (report: (message: string) => void) => Promise<T>,
  ): Promise<T>;
}

export interface RunGuardrailsRequest {
  /** Guardrails are shell lines of the repository: an untrusted one is refused with `refusal`. */
  trust: { trusted: boolean; refusal: string };
  /** Read once trust is established, so an untrusted repository's settings are never read for a run. */
  configure(): GuardrailConfiguration | Promise<GuardrailConfiguration>;
  /** Only these guardrails, in definition order; all when undefined or empty. */
  keys?: readonly string[];
  /** The checkout they run in (the main checkout or a task's worktree); `guardrails.cwd` is read against it. */
  root: string;
  /** For `depends_on`: a guardrail whose task is not completed is skipped. */
  model?: TaskModel;
  ignoreDependencies?: boolean;
  /** Verdicts of the task file's guardrails are recorded through it; nothing is recorded without. */
  store?: TaskEditApplier;
  /** Named in the run log. */
  taskFile?: string;
  /** The run log folder, relative to where they run; the `guardrails.logFolder` setting when undefined. */
  logFolder?: string;
  signal?: AbortSignal;
  ui: GuardrailRunUi;
  now?: () => Date;
}

export interface GuardrailRunReport {
  /** The folder they ran in. */
  cwd: string;
  results: GuardrailResult[];
  log: GuardrailRunLog;
  logPath?: string;
  /** Why the run log could not be written, one line; the results stand. */
  logError?: string;
  /** How many verdicts were recorded in the task file. */
  recorded: number;
  /** Why (some) verdicts were not recorded; the results and the run log stand. */
  recordError?: GuardrailRecordError;
  cancelled: boolean;
}

/**
 * Runs guardrails for every host: refuses in an untrusted repository, selects the guardrails
 * asked for, runs them with the process runner under the host's progress, writes the run log
 * and records the verdicts in the task file through the store.
 */
export async function runGuardrails(request: RunGuardrailsRequest): Promise<GuardrailRunReport> {
  if (!request.trust.trusted) {
    throw new CoordinatorError('untrusted', request.trust.refusal);
  }
  const { definitions, settings } = await request.configure();
  const selected = selectGuardrails(definitions, request.keys);
  const now = request.now ?? (() => new Date());
  const cwd = runFolder(request.root, settings);
  const startedAt = now();
  const results = await request.ui.progress(selected, (report) => {
    let started = 0;
    return runGuardrailBatch(selected, {
      cwd,
      env: settings.env,
      model: request.model,
      timeoutMs: settings.timeoutMs,
      parallelism: settings.parallelism,
      signal: request.signal,
      ignoreDependencies: request.ignoreDependencies,
      runStartedAt: startedAt,
      sinkFor(definition) {
        const sink = request.ui.sinkFor(definition, { parallelism: settings.parallelism });
        return {
          onStart(header) {
            sink.onStart(header);
            report(`${definition.key} (${++started}/${selected.length})`);
          },
          onOutput: (text, stream) => sink.onOutput(text, stream),
          onEnd: (result) => sink.onEnd(result),
        };
      },
    });
  });

  const log = buildRunLog({
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    cwd,
    ...(request.taskFile !== undefined ? { taskFile: request.taskFile } : {}),
    results,
  });
  const report: GuardrailRunReport = {
    cwd,
    results,
    log,
    recorded: 0,
    cancelled: request.signal?.aborted === true,
  };
  const logFolder =
    request.logFolder !== undefined ? resolve(cwd, request.logFolder) : logFolderFor(cwd, settings);
  try {
    report.logPath = await writeRunLog(logFolder, log);
  } catch (error) {
    report.logError = `could not write the guardrail run log in ${logFolder}: ${firstLine(error)}`;
  }
  if (request.store) {
    const fileKeys = new Set((request.model?.guardrails ?? []).map((d) => d.key));
    try {
      report.recorded = await recordGuardrailResults(request.store, results, fileKeys);
    } catch (error) {
      if (!(error instanceof GuardrailRecordError)) {
        throw error;
      }
      report.recorded = error.recorded;
      report.recordError = error;
    }
  }
  return report;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
