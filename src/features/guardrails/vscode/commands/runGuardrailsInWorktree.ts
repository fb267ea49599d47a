import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { GuardrailController } from '../guardrailController';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { resolveTask, type TaskTarget } from '../../../tasks/vscode/resolveTask';
import { isTaskNode, isTaskReference } from '../../../tasks/vscode/taskTreeNodes';
import { worktreeLocation } from '../../../tasks/vscode/worktreeLocation';
import { isWorktreeNode } from '../../../worktrees/vscode/worktreeTreeNodes';

/**
 * Runs all guardrails in a task's worktree (before review): from a task row, a Worktrees row, a
 * `{ taskKey }` reference, or a pick among tasks with a worktree.
 */
export function registerRunGuardrailsInWorktree(
  services: CoordinatorServices,
  controller: GuardrailController,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.runGuardrailsInWorktree,
    async (arg?: unknown) => {
      if (!(await controller.checkTrust())) {
        return undefined;
      }
      if (isWorktreeNode(arg)) {
        const session = arg.repo.taskSession;
        return session ? controller.run({ session, root: arg.info.path }) : undefined;
      }
      const target =
        isTaskNode(arg) || isTaskReference(arg)
          ? await resolveTask(
              services.sessions,
              arg,
              'Run guardrails in the worktree of which task?',
            )
          : await pickTaskWithWorktree(services);
      if (!target) {
        return undefined;
      }
      const location = await worktreeLocation(target.session, target.task);
      if ('problem' in location) {
        void vscode.window.showWarningMessage(location.problem);
        return undefined;
      }
      return controller.run({ session: target.session, root: location.path });
    },
  );
}

async function pickTaskWithWorktree(
  services: CoordinatorServices,
): Promise<TaskTarget | undefined> {
  const session = await services.sessions.pickSession(
    'Run guardrails in a worktree of which folder?',
  );
  const tasks = session?.state?.model?.tasks.filter((task) => task.worktreePath) ?? [];
  if (!session || tasks.length === 0) {
    void vscode.window.showWarningMessage(
      'No task has a worktree yet: start a task in a worktree first.',
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    tasks.map((task) => ({
      label: task.name,
      description: `${task.id} · ${task.status}`,
      detail: task.worktreePath,
      task,
    })),
    {
      placeHolder: 'Run guardrails in the worktree of which task?',
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  return picked ? { session, task: picked.task } : undefined;
}
