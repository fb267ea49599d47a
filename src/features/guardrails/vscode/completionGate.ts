import * as vscode from 'vscode';
import type { GateUi } from '../../tasks/gateUi';
import { refusalText } from '../../tasks/model/gates';
import type { CompletionCheck } from '../../tasks/vscode/commands/commandContext';
import { findTaskWorktree } from '../../worktrees/taskWorktree';
import { completionShortfalls } from '../completionShortfalls';
import type { GuardrailController } from './guardrailController';

/**
 * The completion gate as the editor asks it: the guardrails this feature knows (including runs
 * still only in memory) feed the shared gate, and the question offers to complete anyway or to
 * run the guardrails in the task's worktree first.
 */
export function createCompletionGate(
  controller: GuardrailController,
  log: vscode.LogOutputChannel,
): CompletionCheck {
  return {
    async shortfalls(session, task) {
      const model = session.state?.model;
      if (!model) {
        return [];
      }
      const settings = controller.settings(session);
      return completionShortfalls({
        folder: session.folder.uri.fsPath,
        model,
        task,
        definitions: controller.definitions(session).definitions,
        settings,
        latestIn: (cwd) => controller.latestIn(session, cwd),
        log: (line) => log.info(line),
      });
    },
    ui(session, task): GateUi {
      return {
        async confirmOverride(check) {
          const choice = await controller.prompts.confirmCompletion(
            refusalText(check),
            `${check.reasons.map((reason) => `• ${reason}`).join('\n')}\n\nCompleting anyway is recorded on the task.`,
          );
          if (choice === 'runInWorktree') {
            const location = await findTaskWorktree(session.folder.uri.fsPath, task);
            if ('path' in location) {
              void controller.run({ session, root: location.path });
            }
          }
          return choice === 'complete';
        },
      };
    },
  };
}
