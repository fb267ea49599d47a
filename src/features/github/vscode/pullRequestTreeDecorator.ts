import * as vscode from 'vscode';
import {
  describeWithPullRequest,
  presentTaskPullRequest,
  type TaskPullRequestPresentation,
} from '../model/presentation';
import { hasPullRequestRef } from '../model/taskRefs';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession } from '../../common/vscode/services';
import type { TaskItemDecorator } from '../../tasks/vscode/taskItemDecorator';
import type { PullRequestStatus } from './pullRequestStatus';

/** Scheme of the resource URIs that carry a task row's CI badge. */
export const PULL_REQUEST_BADGE_SCHEME = 'coordinator-pr';

/** Flag added to a task row's contextValue while GitHub knows an open PR for it. */
export const OPEN_PR_FLAG = 'githubPr';

/**
 * Shows each task's PR in the Tasks view: `#410 ✓` in the description, a CI badge (✓ ✗ ●) through
 * a file decoration, and the PR, its checks and the data's age (or why it is stale) in the tooltip.
 * Asking about a task with a branch or PR is what first starts the GitHub feature.
 */
export class PullRequestTreeDecorator
  implements TaskItemDecorator, vscode.FileDecorationProvider, vscode.Disposable
{
  readonly onDidChange: vscode.Event<unknown>;
  private readonly registration: vscode.Disposable;

  constructor(private readonly status: PullRequestStatus) {
    this.onDidChange = status.onDidChange;
    this.registration = vscode.window.registerFileDecorationProvider(this);
  }

  decorate(item: vscode.TreeItem, session: FolderSession, task: Task): void {
    if (!hasPullRequestRef(task)) {
      return;
    }
    this.status.want(session);
    const github = this.status.statusFor(session);
    const presentation =
      github && presentTaskPullRequest(github.tasks[task.key], github, new Date());
    if (!presentation) {
      return;
    }
    item.description = describeWithPullRequest(
      typeof item.description === 'string' ? item.description : '',
      presentation,
    );
    if (item.tooltip instanceof vscode.MarkdownString) {
      item.tooltip.appendMarkdown(`\n\n---\n\n${presentation.tooltip}`);
    } else {
      item.tooltip = new vscode.MarkdownString(presentation.tooltip);
    }
    if (
      presentation.state === 'open' &&
      typeof item.contextValue === 'string' &&
      item.contextValue.startsWith('task;')
    ) {
      item.contextValue = `task;${OPEN_PR_FLAG};${item.contextValue.slice('task;'.length)}`;
    }
    if (presentation.badge) {
      item.resourceUri = badgeUri(task.key, presentation);
    }
  }

  pullRequestUrl(session: FolderSession, task: Task): string | undefined {
    return this.status.taskStatus(session, task.key)?.pr.url;
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== PULL_REQUEST_BADGE_SCHEME) {
      return undefined;
    }
    const query = new URLSearchParams(uri.query);
    const badge = query.get('badge') ?? '';
    const decoration = new vscode.FileDecoration(badge, query.get('tooltip') ?? undefined);
    if (query.get('ci') === 'failure') {
      decoration.color = new vscode.ThemeColor('testing.iconFailed');
    }
    return decoration;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function badgeUri(taskKey: string, presentation: TaskPullRequestPresentation): vscode.Uri {
  const query = new URLSearchParams({
    ci: presentation.ci,
    badge: presentation.badge,
    tooltip: presentation.badgeTooltip,
  });
  return vscode.Uri.from({
    scheme: PULL_REQUEST_BADGE_SCHEME,
    path: `/${encodeURIComponent(taskKey)}/${presentation.prNumber}`,
    query: query.toString(),
  });
}
