import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../../../tasks/vscode/resolveTask';
import { isTaskNode, isTaskReference } from '../../../tasks/vscode/taskTreeNodes';
import { runStartFlow, type StartFlowOutcome } from '../startTaskFlow';
import { candidateFor, pickTaskToStart } from '../startTaskPick';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/**
 * "Start Task in Worktree": from the palette a quick pick (ready first); from the tree or the
 * dashboard with the task chosen. A blocked task starts only after a confirmation.
 */
export function registerStartTaskInWorktree({
  services,
  worktrees,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.startTaskInWorktree,
    async (arg?: unknown): Promise<StartFlowOutcome | undefined> => {
      let target;
      if (isTaskNode(arg) || isTaskReference(arg)) {
        const resolved = await resolveTask(
          services.sessions,
          arg,
          'Start which task in a worktree?',
        );
        target = resolved
          ? { session: resolved.session, candidate: candidateFor(resolved.session, resolved.task) }
          : undefined;
      } else {
        target = await pickTaskToStart(services.sessions);
      }
      if (!target) {
        return undefined;
      }
      return runStartFlow(worktrees.startDeps, target.session, target.candidate.task);
    },
  );
}
