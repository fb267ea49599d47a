import type * as vscode from 'vscode';
import type { WorktreeInfo } from '../../worktrees';
import type { FolderSession } from '../../common/vscode/services';
import type { WorktreeItemDecorator } from '../../worktrees/vscode/worktreeItemDecorator';
import { conflictsOfTask } from '../model/taskConflicts';
import { markConflicts } from './conflictMark';
import type { ConflictRadar } from './conflictRadar';

/**
 * Marks worktree rows whose branch (with the worktree's uncommitted work) would conflict with
 * another live branch, as the Tasks view marks tasks. The radar names the branch by its task when
 * one owns it, else by the branch; the base branch's row is not marked.
 */
export class ConflictWorktreeDecorator implements WorktreeItemDecorator {
  readonly onDidChange: vscode.Event<unknown>;

  constructor(private readonly radar: ConflictRadar) {
    this.onDidChange = radar.onDidChange;
  }

  decorate(item: vscode.TreeItem, session: FolderSession, info: WorktreeInfo): void {
    const forecast = info.branch ? this.radar.forecastFor(session) : undefined;
    const live = forecast?.branches.find((branch) => branch.branch === info.branch);
    const conflicts = live && forecast && conflictsOfTask(forecast, live.label);
    if (conflicts) {
      markConflicts(item, conflicts);
    }
  }
}
