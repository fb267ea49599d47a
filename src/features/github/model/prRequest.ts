import type { Task } from '../../../kernel/model/types';
import { DEFAULT_PR_BODY_TEMPLATE, pullRequestTitle, renderPrBody } from './prBody';

/** Settings that shape a new PR (`coordinator.github.*`). */
export interface PullRequestSettings {
  bodyTemplate?: string;
  draft: boolean;
  /** Added only to PRs of tasks with `critical_review: true`. */
  criticalReviewLabels: string[];
  criticalReviewReviewers: string[];
}

export interface PullRequestDraft {
  head: string;
  base?: string;
  title: string;
  body: string;
  draft: boolean;
  labels: string[];
  reviewers: string[];
}

/** Everything needed to open the task's PR, or a message saying why it cannot be opened. */
export function pullRequestDraftForTask(
  task: Task,
  settings: PullRequestSettings,
  base?: string,
): PullRequestDraft | { error: string } {
  if (!task.branch) {
    return { error: `Task ${task.id} has no branch; start it in a worktree first.` };
  }
  const critical = task.criticalReview;
  return {
    head: task.branch,
    ...(base ? { base } : {}),
    title: pullRequestTitle(task),
    body: renderPrBody(
      task,
      settings.bodyTemplate?.trim() ? settings.bodyTemplate : DEFAULT_PR_BODY_TEMPLATE,
    ),
    draft: settings.draft,
    labels: critical ? [...settings.criticalReviewLabels] : [],
    reviewers: critical ? [...settings.criticalReviewReviewers] : [],
  };
}
