import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import { agentCommandTemplate, expandAgentCommand } from '../../agents/model/agentCommand';
import { shellSyntaxFor } from '../../agents/model/shellQuoting';
import { agentLaunchLine } from '../../agents/model/agentLaunchLine';
import type { AgentKind } from '../../agents/model/agentKinds';
import { recordAgentLaunch } from '../../agents/recordAgentLaunch';
import { extensionCoordLauncher } from '../../plan-merge/vscode/extensionLauncher';
import { TaskFileStore } from '../../../platform/taskfile/store';
import { StartTaskError, type StartTaskResult } from '..';
import { startGatedTask } from '../startGatedTask';
import { sharingLine } from '../model/sharedDependencies';
import { Commands } from '../../common/vscode/constants';
import type { GateUi } from '../../tasks/gateUi';
import { waitTargets } from '../../conflicts/model/softDependencies';
import { refusalText } from '../../tasks/model/gates';
import { resolveActor } from '../../../platform/identity/actor';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { existingTaskTerminal, openTaskTerminal } from '../../agents/vscode/agentTerminal';
import { worktreeSettingsFor } from './worktreeSettings';
import type { WorktreeUi } from './worktreeUi';
import { errorLine } from '../../../kernel/errors/errorLine';

export interface StartFlowDeps {
  readonly services: CoordinatorServices;
  readonly ui: WorktreeUi;
  /** Called after a worktree was made or found, so the view lists it right away. */
  readonly onStarted: (result: StartTaskResult) => Promise<void>;
}

/** What one run did, returned by the command (the host tests read it). */
export interface StartFlowOutcome {
  result: StartTaskResult;
  terminal?: vscode.Terminal;
  /** Whether the agent command line was typed into the terminal. */
  agentLaunched: boolean;
  /** Which agent that line starts, when one was typed. */
  agentKind?: AgentKind;
  openedWindow: boolean;
  /** Sentences shown to the user as a warning: what was refused (untrusted workspace). */
  notices: string[];
  /** Sentences added to the success message (e.g. no agent command configured for the owner). */
  notes: string[];
}

const SHOW_LOG = 'Show Log';
export const SHOW_DEPENDENCIES = 'Show Dependencies';
export const START_ANYWAY = 'Start Anyway';
export const PICK_ANOTHER = 'Pick Another Task';
export const WAIT = 'Wait';
const MANAGE_TRUST = 'Manage Workspace Trust';
const inFlight = new Set<string>();

/**
 * Runs the start flow for one task under a cancellable progress notification naming each step,
 * then opens the worktree's terminal (running the owner's agent) and/or a new window, per settings.
 * Creating the worktree runs git only and is allowed in an untrusted workspace; the setup command and
 * the agent are the repository's shell code and are refused there.
 */
export async function runStartFlow(
  deps: StartFlowDeps,
  session: FolderSession,
  task: Task,
): Promise<StartFlowOutcome | undefined> {
  const { services } = deps;
  const { ui } = deps;
  const taskFile = session.taskFile?.fsPath;
  if (!taskFile) {
    void ui.warn(`No task file in ${session.folder.name}: nothing to start.`);
    return undefined;
  }
  const runKey = `${taskFile}#${task.key}`;
  if (inFlight.has(runKey)) {
    void ui.info(`"${task.name}" is already being started.`);
    return undefined;
  }
  inFlight.add(runKey);
  const settings = worktreeSettingsFor(session.folder);
  const actor = await resolveActor('editor', session.folder.uri.fsPath);
  // The first button is the focused one, so Enter shows what the task waits for, or, when the
  // task only collides with work in progress, offers another task. Wait is offered on collisions.
  const gateUi: GateUi = {
    async confirmOverride(check) {
      const others = waitTargets(check.overlaps ?? []);
      const onlyCollides = check.overlaps?.length === check.reasons.length;
      const waitNote =
        others.length > 0
          ? ` Wait starts nothing: it records that the task waits for ${others.join(', ')} and tells you when they finish.`
          : '';
      const answer = await ui.confirm(
        refusalText(check),
        `${check.reasons.map((reason) => `• ${reason}`).join('\n')}\n\nStarting anyway is recorded on the task.${waitNote}`,
        onlyCollides ? PICK_ANOTHER : SHOW_DEPENDENCIES,
        START_ANYWAY,
        ...(others.length > 0 ? [WAIT] : []),
      );
      if (answer === WAIT) {
        return 'wait';
      }
      if (answer === PICK_ANOTHER) {
        void vscode.commands.executeCommand(Commands.startTaskInWorktree);
      }
      if (answer === SHOW_DEPENDENCIES) {
        void vscode.commands.executeCommand(Commands.showTaskDependencies, {
          taskKey: task.key,
          folder: session.folder.uri.toString(),
        });
      }
      return answer === START_ANYWAY;
    },
  };
  try {
    const gated = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Starting ${task.id} in a worktree`,
        cancellable: true,
      },
      (progress, token) => {
        const abort = new AbortController();
        const cancelled = token.onCancellationRequested(() => abort.abort());
        return startGatedTask({
          ui: gateUi,
          actor,
          taskKey: task.key,
          taskFilePath: taskFile,
          store: {
            read: () => new TaskFileStore(taskFile).read(),
            apply: (edits) => session.apply(edits),
          },
          branchTemplate: settings.branchTemplate,
          pathTemplate: settings.pathTemplate,
          baseBranch: settings.baseBranch,
          copyGlobs: settings.copyGlobs,
          sharedDependencies: settings.sharedDependencies,
          briefFileName: settings.briefFileName,
          setupCommand: settings.setupCommand,
          portBase: settings.portBase,
          portBlockSize: settings.portBlockSize,
          taskEnv: settings.taskEnv,
          isTrusted: () => vscode.workspace.isTrusted,
          onOutput: (chunk) => services.log.append(chunk),
          onStep: (step) => {
            progress.report({ message: step });
            services.log.info(`Start ${task.key}: ${step}`);
          },
          // The editor's own coord, made current in the repository's launcher on every start.
          coord: { command: extensionCoordLauncher(services.context).command, replace: true },
          signal: abort.signal,
        }).finally(() => cancelled.dispose());
      },
    );
    if (gated.outcome === 'waiting') {
      services.log.info(`Start ${task.key}: ${gated.message}`);
      void ui.info(`${gated.message} You will be told when they finish.`);
      return undefined;
    }
    const result = gated;
    logResult(services, result, settings.setupCommand.trim() !== '');
    await deps.onStarted(result);
    return await afterStart(deps, settings, result);
  } catch (error) {
    reportFailure(services, deps.ui, task, error);
    return undefined;
  } finally {
    inFlight.delete(runKey);
  }
}

async function afterStart(
  deps: StartFlowDeps,
  settings: ReturnType<typeof worktreeSettingsFor>,
  result: StartTaskResult,
): Promise<StartFlowOutcome> {
  const { ui } = deps;
  const outcome: StartFlowOutcome = {
    result,
    agentLaunched: false,
    openedWindow: false,
    notices: [],
    notes: [],
  };
  const trusted = vscode.workspace.isTrusted;
  if (result.setup === 'skippedUntrusted') {
    outcome.notices.push(
      `The setup command (coordinator.worktrees.setupCommand) did not run: this workspace is not trusted.`,
    );
  }
  if (settings.openTerminal) {
    const line = agentCommandTemplate(settings.agents, result.task);
    const running = existingTaskTerminal(result.task.key);
    if (running) {
      running.show();
      outcome.terminal = running;
    } else if (line && !trusted) {
      outcome.notices.push(
        `The agent for "${result.task.owner}" was not launched: this workspace is not trusted, and the agent command runs code from it.`,
      );
    } else {
      const syntax = shellSyntaxFor(vscode.env.shell);
      const launch = line
        ? agentLaunchLine(
            expandAgentCommand(
              line,
              {
                brief: result.briefPath ?? join(result.path, settings.briefFileName),
                taskId: result.task.id,
                branch: result.branch,
              },
              syntax,
            ),
            result.agentSetup,
            syntax,
          )
        : undefined;
      const commandLine = launch?.line;
      outcome.terminal = openTaskTerminal(result.task, result.path, commandLine, result.env, {
        kind: launch?.kind,
        launcherDir: result.agentSetup?.launcherDir,
      });
      outcome.agentLaunched = commandLine !== undefined;
      outcome.agentKind = launch?.kind;
      if (launch) {
        await recordAgentLaunch(result.path, result.task.key, launch.kind).catch((error: unknown) =>
          deps.services.log.warn(
            `Start ${result.task.key}: agent state not recorded: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
      if (commandLine) {
        deps.services.log.info(
          `Start ${result.task.key}: agent terminal in ${result.path} runs: ${commandLine}`,
        );
      } else {
        outcome.notes.push(
          `No agent command for "${result.task.owner}" in coordinator.agents: the terminal opened without one.`,
        );
      }
    }
  }
  if (settings.openInNewWindow) {
    await ui.openFolderInNewWindow(result.path);
    outcome.openedWindow = true;
  }
  const headline =
    result.outcome === 'existing'
      ? `"${result.task.name}" already has its worktree: ${result.path}`
      : result.outcome === 'adopted'
        ? `Started "${result.task.name}" in the worktree already on ${result.branch}: ${result.path}`
        : `Started "${result.task.name}" on ${result.branch} in ${result.path}`;
  const skipped = result.skippedCopies.map(
    ({ path, reason }) => `Not copied: ${path} (${reason}).`,
  );
  const message = [
    `${headline}.`,
    ...result.notes,
    ...skipped,
    ...outcome.notices,
    ...outcome.notes,
  ].join(' ');
  void (outcome.notices.length > 0 ? ui.warn(message, MANAGE_TRUST) : ui.info(message)).then(
    (choice) => {
      if (choice === MANAGE_TRUST) {
        void vscode.commands.executeCommand('workbench.trust.manage');
      }
    },
  );
  return outcome;
}

function logResult(
  services: CoordinatorServices,
  result: StartTaskResult,
  hasSetupCommand: boolean,
): void {
  const { task } = result;
  for (const note of result.notes) {
    services.log.info(`Start ${task.key}: ${note}`);
  }
  for (const shared of result.sharedDependencies) {
    services.log.info(`Start ${task.key}: ${sharingLine(shared, hasSetupCommand)}.`);
  }
  for (const { path, reason } of result.skippedCopies) {
    services.log.warn(`Start ${task.key}: not copied: ${path} (${reason}).`);
  }
  if (result.outcome === 'existing') {
    services.log.info(
      `Start ${task.key}: the worktree already exists at ${result.path} (${result.branch}); opened it instead.`,
    );
    return;
  }
  services.log.info(
    `Start ${task.key}: ${result.createdBranch ? 'created' : 'reused'} branch ${result.branch}${result.base ? ` from ${result.base}` : ''}, worktree ${result.path}` +
      `, copied ${result.copiedFiles.length} file(s), brief ${result.briefPath ?? '-'}, lock ${result.lockFile ?? '-'}, setup ${result.setup}.`,
  );
}

function reportFailure(
  services: CoordinatorServices,
  ui: WorktreeUi,
  task: Task,
  error: unknown,
): void {
  const cause = error instanceof StartTaskError ? error.cause : error;
  const cancelled =
    cause instanceof Error && (cause.name === 'AbortError' || /cancel/i.test(cause.message));
  const message = errorLine(error);
  services.log.error(`Start ${task.key}: ${message}`);
  if (cancelled) {
    void ui.info(
      `Starting "${task.name}" was cancelled.${error instanceof StartTaskError && error.rolledBack.length > 0 ? ` Undone: ${error.rolledBack.join('; ')}.` : ''}`,
    );
    return;
  }
  void ui.error(message, SHOW_LOG).then((choice) => {
    if (choice === SHOW_LOG) {
      services.log.show(true);
    }
  });
}
