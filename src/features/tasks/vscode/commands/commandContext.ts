import type { Task } from '../../../../kernel/model/types';
import type { CoordinatorServices, FolderSession } from '../../../common/vscode/services';
import type { TasksFeature } from '../registerTasksView';

/** Asked before a task is marked completed; the guardrails feature provides it. */
export interface CompletionCheck {
  mayComplete(session: FolderSession, task: Task): Promise<boolean>;
}

/** What a command file receives when it registers. */
export interface CommandContext {
  readonly services: CoordinatorServices;
  readonly tasks: TasksFeature;
  /** The completion gate; absent where guardrails are not wired (component tests). */
  readonly completionCheck?: CompletionCheck;
}
