import type * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession } from '../../common/vscode/services';
import type { TaskItemDecorator } from '../../tasks/vscode/taskItemDecorator';
import { conflictsOfTask } from '../model/taskConflicts';
import { markConflicts } from './conflictMark';
import type { ConflictRadar } from './conflictRadar';

/**
 * Marks task rows whose branch would conflict with another live branch: a warning in the
 * description, and the other task and the files in the tooltip.
 */
export class ConflictTreeDecorator implements TaskItemDecorator {
  readonly onDidChange: vscode.Event<unknown>;

  constructor(private readonly radar: ConflictRadar) {
    this.onDidChange = radar.onDidChange;
  }

  decorate(item: vscode.TreeItem, session: FolderSession, task: Task): void {
    if (task.status !== 'in_progress' && !task.branch) {
      return;
    }
    const forecast = this.radar.forecastFor(session);
    const conflicts = forecast && conflictsOfTask(forecast, task.key);
    if (conflicts) {
      markConflicts(item, conflicts);
    }
  }
}
