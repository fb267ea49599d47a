import { basename } from 'node:path';
import * as vscode from 'vscode';
import {
  forgetWorktreeEdits,
  tasksRecordingWorktree,
  RemovalNeedsConfirmation,
  removeTaskWorktree,
  type RecordedWorktree,
  type RemoveWorktreeResult,
} from '../..';
import { Commands } from '../../../common/vscode/constants';
import type { FolderSession } from '../../../common/vscode/services';
import { clipLines, removalDetails } from '../removalDetails';
import { isWorktreeNode, type WorktreeNode } from '../worktreeTreeNodes';
import type { WorktreeUi } from '../worktreeUi';
import type { WorktreeCommandContext } from './worktreeCommandContext';

const REMOVE = 'Remove';
const REMOVE_AND_DELETE_BRANCH = 'Remove and Delete Branch if Merged';
const KEEP_WORKTREE = 'Keep Worktree';
const REMOVE_ANYWAY = 'Remove Anyway';

export type RemoveWorktreeOutcome =
  | { removed: false; refused?: 'dirty' | 'unpushed' }
  | ({ removed: true; forgotten: string[] } & RemoveWorktreeResult);

/**
 * Worktrees view: removes a linked worktree after a confirmation (optionally deleting its branch
 * when merged). With changes or unpushed commits the flow refuses; a second modal lists them and
 * only "Remove Anyway" forces the removal.
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
      const ui = worktrees.ui.current;
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
      const options = {
        cwd: repo.mainRoot,
        path: info.path,
        deleteMergedBranch: choice === REMOVE_AND_DELETE_BRANCH,
        base,
      };
      const taskState = repo.taskSession?.state;
      const recorded =
        taskState?.model && !taskState.broken
          ? tasksRecordingWorktree(taskState.model, repo.mainRoot, info.path)
          : [];
      try {
        let result: RemoveWorktreeResult;
        try {
          result = await removeTaskWorktree(options);
        } catch (error) {
          if (!(error instanceof RemovalNeedsConfirmation)) {
            throw error;
          }
          if (!(await confirmDataLoss(worktrees.ui.current, node, error))) {
            return { removed: false, refused: error.reason as 'dirty' | 'unpushed' };
          }
          result = await removeTaskWorktree({ ...options, force: true });
        }
        const forgotten = await clearRecordedPath(
          recorded,
          repo.taskSession,
          services.log,
          info.path,
        );
        services.log.info(
          `Removed worktree ${info.path}${result.branchDeleted ? ` and branch ${result.branch}` : ''}${result.branchKept ? ` (branch kept: ${result.branchKept})` : ''}.`,
        );
        void worktrees.ui.current.info(
          `Removed the worktree "${name}".${result.branchDeleted ? ` Deleted the merged branch ${result.branch}.` : ''}${result.branchKept ? ` Kept the branch ${result.branch}: ${result.branchKept}.` : ''}`,
        );
        return { removed: true, ...result, forgotten };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Remove worktree ${info.path}: ${message}`);
        void worktrees.ui.current.error(`Could not remove the worktree "${name}": ${message}`);
        return { removed: false };
      } finally {
        await repo.refresh();
      }
    },
  );
}

async function clearRecordedPath(
  recorded: readonly RecordedWorktree[],
  session: FolderSession | undefined,
  log: vscode.LogOutputChannel,
  removedPath: string,
): Promise<string[]> {
  const state = session?.state;
  const edits =
    recorded.length > 0 && state?.model && !state.broken
      ? forgetWorktreeEdits(state.model, recorded)
      : [];
  if (edits.length === 0 || !session) {
    return [];
  }
  const keys = [...new Set(edits.flatMap((edit) => ('taskKey' in edit ? [edit.taskKey] : [])))];
  try {
    await session.apply(edits);
    log.info(`Cleared the worktree path of ${keys.join(', ')}.`);
    return keys;
  } catch (error) {
    log.warn(
      `Removed ${removedPath}, but could not clear its path in the task file: ${String(error)}`,
    );
    return [];
  }
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
