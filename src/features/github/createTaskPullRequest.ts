import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { Task } from '../../kernel/model/types';
import type { TaskEdit } from '../../kernel/edits/types';
import {
  pullRequestDraftForTask,
  type PullRequestDraft,
  type PullRequestSettings,
} from './model/prRequest';

/** The created pull request, as the GitHub client returns it. */
export interface OpenedPullRequest {
  number: number;
  url: string;
  /** Label or reviewer requests that failed after the PR itself was created. */
  warnings: string[];
}

/** What the use case needs of git and GitHub; the editor loads the client lazily, so it is passed in. */
export interface PullRequestClient {
  push(branch: string, signal?: AbortSignal): Promise<void>;
  create(draft: PullRequestDraft): Promise<OpenedPullRequest>;
}

/** How a host takes part: it answers and renders, the use case decides. */
export interface PullRequestUi {
  /**
   * Asked once the draft is known: `push` pushes the branch first, `open` opens the PR without
   * pushing, `false` stops. The editor asks; the CLI answers with its `--push` flag.
   */
  confirm(draft: PullRequestDraft): Promise<'push' | 'open' | false>;
  /** Runs `work` under the host's progress; `report` says the step under way. */
  progress<T>(work: (report: (message: string) => void) => Promise<T>): Promise<T>;
}

export interface CreateTaskPullRequestRequest {
  task: Task;
  /** The task's open pull request GitHub already knows of, if any. */
  knownOpen?: { number: number; url?: string };
  settings: PullRequestSettings;
  base?: string;
  /** Where git pushing runs (the editor's Restricted Mode refuses it); no check when undefined. */
  trust?: { trusted: boolean; refusal: string };
  client: PullRequestClient;
  /** `pr_number` is written through it. */
  store: { apply(edits: TaskEdit | TaskEdit[]): Promise<unknown> };
  ui: PullRequestUi;
  signal?: AbortSignal;
}

export type CreateTaskPullRequestResult =
  | { outcome: 'existing'; number: number; url?: string }
  | { outcome: 'declined'; draft: PullRequestDraft }
  | {
      outcome: 'created';
      draft: PullRequestDraft;
      pushed: boolean;
      created: OpenedPullRequest;
      /** Why `pr_number` could not be written, one line; the pull request stands. */
      recordError?: string;
    };

/**
 * Opens a task's pull request for every host: refuses where pushing is not trusted or the task
 * has no branch, leaves a task that already has one alone, asks the UI whether to push, pushes,
 * creates the PR and writes `pr_number` back through the store.
 */
export async function createTaskPullRequest(
  request: CreateTaskPullRequestRequest,
): Promise<CreateTaskPullRequestResult> {
  if (request.trust && !request.trust.trusted) {
    throw new CoordinatorError('untrusted', request.trust.refusal);
  }
  const { task } = request;
  const existing = task.prNumber ?? request.knownOpen?.number;
  if (existing !== undefined) {
    return {
      outcome: 'existing',
      number: existing,
      ...(request.knownOpen?.url ? { url: request.knownOpen.url } : {}),
    };
  }
  const draft = pullRequestDraftForTask(task, request.settings, request.base);
  if ('error' in draft) {
    throw new CoordinatorError('noBranch', draft.error);
  }
  const answer = await request.ui.confirm(draft);
  if (answer === false) {
    return { outcome: 'declined', draft };
  }
  const pushed = answer === 'push';
  const created = await request.ui.progress(async (report) => {
    if (pushed) {
      report(`pushing ${draft.head}`);
      await request.client.push(draft.head, request.signal);
    }
    report('opening the pull request');
    return request.client.create(draft);
  });
  try {
    await request.store.apply({ kind: 'setPrNumber', taskKey: task.key, prNumber: created.number });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      outcome: 'created',
      draft,
      pushed,
      created,
      recordError: `Pull request #${created.number} was opened, but pr_number could not be written to the task file: ${message.split('\n')[0]}`,
    };
  }
  return { outcome: 'created', draft, pushed, created };
}
