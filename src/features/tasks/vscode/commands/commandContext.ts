import type { ReviewRecord } from '../../../../kernel/model/reviews';
import type { Task } from '../../../../kernel/model/types';
import type { CoordinatorServices, FolderSession } from '../../../common/vscode/services';
import type { GateUi } from '../../gateUi';
import type { GuardrailShortfall } from '../../model/gates';
import type { TasksFeature } from '../registerTasksView';

/** The guardrail part of the completion gate and its question; the guardrails feature provides it. */
export interface CompletionCheck {
  shortfalls(session: FolderSession, task: Task): Promise<GuardrailShortfall[]>;
  ui(session: FolderSession, task: Task): GateUi;
}

/** What a command file receives when it registers. */
export interface CommandContext {
  readonly services: CoordinatorServices;
  readonly tasks: TasksFeature;
  /** The completion gate; absent where guardrails are not wired (component tests). */
  readonly completionCheck?: CompletionCheck;
  /** Approvals on a task's PR by mapped logins, for the review gates; the reviews feature provides it. */
  readonly pullRequestReviews?: (
    session: FolderSession,
  ) => ((task: Task) => Promise<ReviewRecord[]>) | undefined;
}
