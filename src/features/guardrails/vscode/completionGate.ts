import * as vscode from 'vscode';
import { Commands } from '../../common/vscode/constants';
import type { GateUi } from '../../tasks/gateUi';
import { refusalText } from '../../tasks/model/gates';
import type { CompletionCheck } from '../../tasks/vscode/commands/commandContext';
import { findTaskWorktree } from '../../tasks/taskWorktree';
import { completionShortfalls } from '../completionShortfalls';
import type { GuardrailController } from './guardrailController';

/**
 * The completion gate as the editor asks it: the guardrails this feature knows (including runs
 * still only in memory) feed the shared gate. Its question's focused button runs the missing
 * guardrails in the task's worktree and completes the task when they pass.
 */
export function createCompletionGate(
  controller: GuardrailController,
  log: vscode.LogOutputChannel,
): CompletionCheck {
  const shortfalls: CompletionCheck['shortfalls'] = async (session, task) => {
    const model = session.state?.model;
    if (!model) {
      return [];
    }
    return completionShortfalls({
      folder: session.folder.uri.fsPath,
      model,
      task,
      definitions: controller.definitions(session).definitions,
      settings: controller.settings(session),
      latestIn: (cwd) => controller.latestIn(session, cwd),
      log: (line) => log.info(line),
    });
  };
  return {
    shortfalls,
    ui(session, task): GateUi {
      return {
        async confirmOverride(check) {
          const missing = await shortfalls(session, task);
          const choice = await controller.prompts.confirmCompletion(
            refusalText(check),
            `${check.reasons.map((reason) => `• ${reason}`).join('\n')}\n\nCompleting anyway is recorded on the task.`,
            missing.length > 0,
          );
          if (choice === 'showTask') {
            void vscode.commands.executeCommand(Commands.openTask, {
              taskKey: task.key,
              folder: session.folder.uri.toString(),
            });
          }
          if (choice !== 'runThenComplete') {
            return choice === 'complete';
          }
          const location = await findTaskWorktree(session.folder.uri.fsPath, task);
          if ('problem' in location) {
            return false;
          }
          const run = await controller.run({
            session,
            root: location.path,
            keys: missing.map((shortfall) => shortfall.key),
          });
          if (!run) {
            return false;
          }
          const still = await shortfalls(session, task);
          if (still.length > 0) {
            const keys = still.map((shortfall) => shortfall.key).join(', ');
            log.info(`Completion gate: ${task.key} not completed; ${keys} did not pass.`);
            void vscode.window.showWarningMessage(
              `"${task.name}" was not marked completed: ${keys} did not pass.`,
            );
            return false;
          }
          return 'recheck';
        },
      };
    },
  };
}
