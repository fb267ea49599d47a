import { basename } from 'node:path';
import * as vscode from 'vscode';
import { CoordinatorError } from '../../../../kernel/errors/coordinatorError';
import { RemovalNeedsConfirmation, removeTaskWorktree, type RemoveWorktreeResult } from '../..';
import { Commands } from '../../../common/vscode/constants';
import { editorRemoval } from '../removalEffects';
import { clipLines, removalDetails } from '../removalDetails';
import { isWorktreeNode, type WorktreeNode } from '../worktreeTreeNodes';
import type { WorktreeUi } from '../worktreeUi';
import type { WorktreeCommandContext } from './worktreeCommandContext';

const REMOVE = 'Remove';
const REMOVE_AND_DELETE_BRANCH = 'Remove and Delete Branch if Merged';
const KEEP_WORKTREE = 'Keep Worktree';
const REMOVE_ANYWAY = 'Remove Anyway';

export type RemoveWorktreeOutcome =
  | { removed: false; refused?: 'dirty' | 'unpushed' | 'teardown' }
  | ({ removed: true; forgotten: string[] } & RemoveWorktreeResult);

/**
 * Worktrees view: removes a linked worktree after a confirmation (optionally deleting its branch
 * when merged), through the one removal every host uses (teardown, lock, task fields and
 * status). With changes or unpushed commits, or a failing teardown, the flow refuses; a second
 * modal says why and only "Remove Anyway" forces the removal.
 */
export function registerRemoveWorktree({
  services,
  worktrees,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.removeWorktree,
    async (node: unknown): Promise<RemoveWorktreeOutcome | undefined> => {
      if (!isWorktreeNode(node)) {
        return undefined;
      }
      const ui = worktrees.ui;
      const { info, repo } = node;
      if (info.main) {
        void ui.warn('The main worktree is never removed.');
        return { removed: false };
      }
      const name = basename(info.path);
      const base = repo.base;
      const keepNote = info.branch
        ? `The branch ${info.branch} is kept unless you also delete it, which happens only when it is merged into ${base ?? 'the base branch'}.`
        : '';
      const choice = await ui.confirm(
        `Remove the worktree "${name}"?`,
        `${info.path}\n${keepNote}`.trim(),
        REMOVE,
        ...(info.branch ? [REMOVE_AND_DELETE_BRANCH] : []),
      );
      if (!choice) {
        return { removed: false };
      }
      const effects = await editorRemoval(services, repo.taskSession, worktrees.ui);
      const options = {
        cwd: repo.mainRoot,
        path: info.path,
        deleteMergedBranch: choice === REMOVE_AND_DELETE_BRANCH,
        base,
        teardown: effects.teardown,
        tasks: effects.tasks,
      };
      try {
        let result: RemoveWorktreeResult;
        try {
          result = await removeTaskWorktree(options);
        } catch (error) {
          if (error instanceof RemovalNeedsConfirmation) {
            if (!(await confirmDataLoss(worktrees.ui, node, error))) {
              return { removed: false, refused: error.reason as 'dirty' | 'unpushed' };
            }
          } else if (CoordinatorError.is(error, 'teardownFailed')) {
            services.log.warn(error.message);
            const answer = await worktrees.ui.confirm(
              `The teardown command failed, so "${name}" was kept. Remove it anyway?`,
              `${error.message}\n\nThe output is in the Coordinator output channel.`,
              KEEP_WORKTREE,
              REMOVE_ANYWAY,
            );
            if (answer !== REMOVE_ANYWAY) {
              return { removed: false, refused: 'teardown' };
            }
          } else {
            throw error;
          }
          result = await removeTaskWorktree({ ...options, force: true });
        }
        const forgotten = result.tasks
          .filter(
            (task) => task.cleared.includes('worktree_path') || task.cleared.includes('worktree'),
          )
          .map((task) => task.taskKey);
        for (const task of result.tasks) {
          services.log.info(
            `${task.taskKey}: cleared ${task.cleared.join(', ') || 'nothing'}${task.status ? `; status ${task.status}` : ''}${task.notCompleted ? `; not completed: ${task.notCompleted}` : ''}.`,
          );
        }
        services.log.info(
          `Removed worktree ${info.path}${result.branchDeleted ? ` and branch ${result.branch}` : ''}${result.branchKept ? ` (branch kept: ${result.branchKept})` : ''}.`,
        );
        void worktrees.ui.info(
          `Removed the worktree "${name}".${result.branchDeleted ? ` Deleted the merged branch ${result.branch}.` : ''}${result.branchKept ? ` Kept the branch ${result.branch}: ${result.branchKept}.` : ''}`,
        );
        return { removed: true, ...result, forgotten };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Remove worktree ${info.path}: ${message}`);
        void worktrees.ui.error(`Could not remove the worktree "${name}": ${message}`);
        return { removed: false };
      } finally {
        await repo.refresh();
      }
    },
  );
}

async function confirmDataLoss(
  ui: WorktreeUi,
  node: WorktreeNode,
  refusal: RemovalNeedsConfirmation,
): Promise<boolean> {
  const details = await removalDetails(node.info.path, node.repo.base).catch(() => ({
    changed: [],
    unpushed: [],
  }));
  const parts: string[] = [];
  if (refusal.dirtyCount > 0) {
    parts.push(
      `${refusal.dirtyCount} changed or untracked file(s):\n${clipLines(details.changed).join('\n')}`,
    );
  }
  if (refusal.unpushed > 0) {
    parts.push(
      `${refusal.unpushed} commit(s) neither on ${node.repo.base ?? 'the base'} nor pushed:\n${clipLines(details.unpushed).join('\n')}`,
    );
  }
  const answer = await ui.confirm(
    `"${basename(node.info.path)}" has work that removing it would lose. Remove it anyway?`,
    `${parts.join('\n\n')}\n\nThis cannot be undone.`,
    // First, so the focused button keeps the work.
    KEEP_WORKTREE,
    REMOVE_ANYWAY,
  );
  return answer === REMOVE_ANYWAY;
}
