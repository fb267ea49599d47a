import * as vscode from 'vscode';
import { guardrailsWithSettings } from '../model/settings';
import { latestResults } from '../model/runLog';
import { logFolderFor, runFolder } from '../model/folders';
import { guardrailStates, type GuardrailState } from '../model/summary';
import type { GuardrailResult } from '../model/types';
import type { GuardrailDefinition } from '../../../kernel/model/types';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { readRunLogs } from '../runLogFiles';
import {
  runGuardrails,
  type GuardrailConfiguration,
  type GuardrailRunReport,
} from '../runGuardrails';
import type { GuardrailSink } from '../sink';
import { textSink, type TextSinkOptions } from '../textSink';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { FolderRuns } from './folderRuns';
import { GuardrailOutput, type GuardrailChannel } from './guardrailOutput';
import { UNTRUSTED_MESSAGE, type GuardrailPrompts } from './guardrailPrompts';
import { readGuardrailSettings, type GuardrailSettings } from './guardrailSettings';
import { reportRun } from './reportRun';

export interface GuardrailRunRequest {
  session: FolderSession;
  /** Only these guardrails, in definition order; all when undefined. */
  keys?: readonly string[];
  /** The checkout they run in (a task's worktree); the workspace folder when undefined. */
  root?: string;
  /** Also write the run's text here (a task's terminal). */
  echo?: (text: string) => void;
  /** Wait for a run under way instead of asking. */
  queue?: boolean;
  /** Show the cancellable progress notification and the output channel (default true). */
  interactive?: boolean;
  token?: vscode.CancellationToken;
}

/** What a run did: where, the results, the run log, and what was recorded. */
export type GuardrailRunOutcome = GuardrailRunReport;

/**
 * Runs guardrails for every workspace folder: one run at a time per folder, streamed into the
 * "Coordinator Guardrails" channel, recorded in the task file and a run log. Nothing runs in an
 * untrusted workspace.
 */
export class GuardrailController extends Disposable {
  readonly output: GuardrailOutput;
  private readonly runs = new Map<string, FolderRuns>();
  private readonly changed = this.register(new vscode.EventEmitter<FolderSession>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly services: CoordinatorServices,
    /** Every question and refusal of the feature, injected at composition. */
    readonly prompts: GuardrailPrompts,
    /** Where the output of runs is shown; the controller disposes it. */
    channel: GuardrailChannel,
  ) {
    super();
    this.output = this.register(new GuardrailOutput(channel));
    this.register(services.sessions.onDidChange(() => this.fireAll()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.fireAll()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('coordinator.guardrails')) {
          this.fireAll();
        }
      }),
    );
    this.register({ dispose: () => this.cancelAll() });
  }

  settings(session: FolderSession): GuardrailSettings {
    return readGuardrailSettings(session.folder.uri);
  }

  /** The task file's guardrails merged with the `coordinator.guardrails.definitions` setting. */
  definitions(session: FolderSession): { definitions: GuardrailDefinition[]; problems: string[] } {
    const settings = this.settings(session);
    const merged = guardrailsWithSettings(session.state?.model?.guardrails ?? [], settings);
    return {
      definitions: merged.definitions,
      problems: [...settings.problems, ...merged.problems],
    };
  }

  /** The folder guardrails run in by default: the workspace folder, or the `cwd` setting read against it. */
  defaultCwd(session: FolderSession): string {
    return runFolder(session.folder.uri.fsPath, this.settings(session));
  }

  /** Each guardrail with its latest verdict in the default folder (this window's runs, run logs, else the file). */
  states(session: FolderSession): GuardrailState[] {
    const cwd = this.defaultCwd(session);
    const runs = this.runsOf(session);
    this.readLogsOnce(session, cwd);
    return guardrailStates(this.definitions(session).definitions, runs.latest(cwd), runs.running);
  }

  /** The newest result per key in `cwd`: this window's runs and the run logs written there. */
  async latestIn(session: FolderSession, cwd: string): Promise<Map<string, GuardrailResult>> {
    const logs = await readRunLogs(logFolderFor(cwd, this.settings(session))).catch(() => []);
    const latest = latestResults(logs);
    for (const result of this.runsOf(session).latest(cwd).values()) {
      const known = latest.get(result.key);
      if (!known || Date.parse(known.finishedAt) < Date.parse(result.finishedAt)) {
        latest.set(result.key, result);
      }
    }
    return latest;
  }

  isRunning(session?: FolderSession): boolean {
    return session ? this.runsOf(session).busy : [...this.runs.values()].some((runs) => runs.busy);
  }

  runningCount(session: FolderSession): number {
    return this.runsOf(session).running.size;
  }

  /** Cancels the runs under way (and queued) in `session`'s folder, or everywhere; false when nothing ran. */
  cancel(session?: FolderSession): boolean {
    if (!session) {
      return this.cancelAll();
    }
    const runs = this.runsOf(session);
    const any = runs.busy;
    runs.generation++;
    runs.active?.abort();
    return any;
  }

  /** Refuses (with the reason) in an untrusted workspace; true when guardrails may run. */
  async checkTrust(): Promise<boolean> {
    if (vscode.workspace.isTrusted) {
      return true;
    }
    this.services.log.warn('Guardrails not run: the workspace is not trusted.');
    await this.prompts.refuseUntrusted(UNTRUSTED_MESSAGE);
    return false;
  }

  /**
   * Runs guardrails and records their results. Undefined when nothing ran: untrusted workspace, no
   * guardrails, or the user declined to wait for a run under way.
   */
  async run(request: GuardrailRunRequest): Promise<GuardrailRunOutcome | undefined> {
    if (!(await this.checkTrust())) {
      return undefined;
    }
    const { session } = request;
    const runs = this.runsOf(session);
    if (runs.busy && !request.queue) {
      const choice = await this.prompts.whenBusy(session.folder.name);
      if (!choice) {
        return undefined;
      }
      if (choice === 'cancelRunning') {
        this.cancel(session);
      }
    }
    const generation = runs.generation;
    runs.waiting++;
    const run = runs.queue.then(() => {
      runs.waiting--;
      const cancelled = request.token?.isCancellationRequested || runs.generation !== generation;
      return cancelled ? undefined : this.execute(request, runs);
    });
    runs.queue = run.catch(() => undefined);
    return run;
  }

  private async execute(
    request: GuardrailRunRequest,
    runs: FolderRuns,
  ): Promise<GuardrailRunOutcome | undefined> {
    const { session } = request;
    const settings = this.settings(session);
    const abort = new AbortController();
    const tokenListener = request.token?.onCancellationRequested(() => abort.abort());
    const interactive = request.interactive !== false;
    let selected: readonly GuardrailDefinition[] = [];
    let report: GuardrailRunReport;
    try {
      report = await runGuardrails({
        trust: { trusted: vscode.workspace.isTrusted, refusal: UNTRUSTED_MESSAGE },
        configure: () => this.configure(session, settings),
        keys: request.keys,
        root: request.root ?? session.folder.uri.fsPath,
        model: session.state?.model,
        store: session,
        taskFile: session.taskFile?.fsPath,
        signal: abort.signal,
        ui: {
          sinkFor: (definition, run) =>
            this.sinkFor(
              definition,
              { prefixLines: run.parallelism > 1, limitChars: settings.channelLimitChars },
              request.echo,
              (result) => {
                runs.running.delete(result.key);
                if (result.verdict !== 'cancelled') {
                  runs.remember(result);
                }
                this.changed.fire(session);
              },
            ),
          progress: (definitions, work) => {
            selected = definitions;
            runs.active = abort;
            definitions.forEach((d) => runs.running.add(d.key));
            this.changed.fire(session);
            if (!interactive) {
              return work(() => undefined);
            }
            this.output.channel.show(true);
            return Promise.resolve(
              vscode.window.withProgress(
                {
                  location: vscode.ProgressLocation.Notification,
                  title: `Guardrails in ${session.folder.name}`,
                  cancellable: true,
                },
                (progress, token) => {
                  token.onCancellationRequested(() => abort.abort());
                  return work((message) => progress.report({ message }));
                },
              ),
            );
          },
        },
      });
    } catch (error) {
      if (CoordinatorError.is(error, 'untrusted')) {
        this.services.log.warn('Guardrails not run: the workspace is not trusted.');
        await this.prompts.refuseUntrusted(error.message);
        return undefined;
      }
      if (
        CoordinatorError.is(error, 'noGuardrails') ||
        CoordinatorError.is(error, 'unknownGuardrail')
      ) {
        void vscode.window.showWarningMessage(`${session.folder.name}: ${error.message}.`);
        return undefined;
      }
      throw error;
    } finally {
      tokenListener?.dispose();
      runs.active = undefined;
      selected.forEach((d) => runs.running.delete(d.key));
      this.changed.fire(session);
    }
    this.output.flush();
    if (report.logError) {
      this.services.log.error(`Guardrails: ${report.logError}`);
      void vscode.window.showWarningMessage(`Guardrails: ${report.logError}`);
    }
    if (report.recordError) {
      this.services.log.error(`Could not record guardrail results: ${report.recordError.message}`);
      void vscode.window.showErrorMessage(`Guardrails: ${report.recordError.message}`);
    } else {
      this.services.log.info(
        `Recorded ${report.recorded} guardrail result(s) in ${session.taskFile?.fsPath ?? 'the task file'}`,
      );
    }
    if (interactive) {
      reportRun(report.results, report.cancelled, () => this.output.show());
    }
    return report;
  }

  /** The guardrails and settings of a run; problems in the settings are told, not fatal. */
  private configure(session: FolderSession, settings: GuardrailSettings): GuardrailConfiguration {
    const merged = guardrailsWithSettings(session.state?.model?.guardrails ?? [], settings);
    const problems = [...settings.problems, ...merged.problems];
    for (const problem of problems) {
      this.services.log.warn(problem);
    }
    if (problems.length > 0) {
      void vscode.window.showWarningMessage(
        `Guardrail settings have problems; those entries were left out: ${problems.join('; ')}`,
      );
    }
    return { definitions: merged.definitions, settings };
  }

  private sinkFor(
    definition: GuardrailDefinition,
    channel: TextSinkOptions,
    echo: ((text: string) => void) | undefined,
    onEnd: (result: GuardrailResult) => void,
  ): GuardrailSink {
    const sinks = [textSink(definition, this.output.append, channel)];
    if (echo) {
      sinks.push(textSink(definition, echo));
    }
    return {
      onStart(header) {
        sinks.forEach((sink) => sink.onStart(header));
      },
      onOutput(text, stream) {
        sinks.forEach((sink) => sink.onOutput(text, stream));
      },
      onEnd(result) {
        sinks.forEach((sink) => sink.onEnd(result));
        onEnd(result);
      },
    };
  }

  private readLogsOnce(session: FolderSession, cwd: string): void {
    const runs = this.runsOf(session);
    if (runs.logsRead.has(cwd)) {
      return;
    }
    runs.logsRead.add(cwd);
    void readRunLogs(logFolderFor(cwd, this.settings(session)), 20)
      .then((logs) => {
        const latest = latestResults(logs, cwd);
        latest.forEach((result) => runs.remember(result));
        if (latest.size > 0) {
          this.changed.fire(session);
        }
      })
      .catch((error: unknown) =>
        this.services.log.warn(`Could not read guardrail run logs: ${String(error)}`),
      );
  }

  private runsOf(session: FolderSession): FolderRuns {
    const id = session.folder.uri.toString();
    let runs = this.runs.get(id);
    if (!runs) {
      runs = new FolderRuns();
      this.runs.set(id, runs);
    }
    return runs;
  }

  private cancelAll(): boolean {
    let any = false;
    for (const runs of this.runs.values()) {
      any ||= runs.busy;
      runs.generation++;
      runs.active?.abort();
    }
    return any;
  }

  private fireAll(): void {
    for (const session of this.services.sessions.all) {
      this.changed.fire(session);
    }
  }
}
