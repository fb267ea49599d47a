import type { Actor } from '../../kernel/edits/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { ReviewRecord, ReviewVerdict } from '../../kernel/model/reviews';
import type { TaskStoreLike } from '../tasks/updateTask';
import { isWorker, sameActor } from './model/reviewStanding';
import type { ReviewGate } from './model/reviewGates';
import { taskReviewState, type TaskReviewState } from './taskReviewState';

export interface RecordReviewRequest {
  store: TaskStoreLike;
  /** Any folder of the repository. */
  folder: string;
  taskKey: string;
  verdict: ReviewVerdict;
  /** 1-based checklist item numbers the reviewer checked. */
  checked: readonly number[];
  note?: string;
  actor: Actor;
  now?: () => Date;
  signal?: AbortSignal;
}

export interface RecordedReview {
  review: ReviewRecord;
  /** The checklist the reviewer answered: every gate they can sign, items joined. */
  checklist: string[];
  /** False when no required review is the reviewer's to give: kept, but it opens no gate. */
  counts: boolean;
  before: TaskReviewState;
}

/**
 * Records a review of the task's branch head on the task. Refuses an approval by someone who did
 * the work, or one that leaves an item of the reviewer's checklist unchecked.
 */
export async function recordReview(request: RecordReviewRequest): Promise<RecordedReview> {
  const loaded = await request.store.read();
  const model = loaded.model;
  const task = model?.byKey.get(request.taskKey);
  if (!model || !task) {
    throw new CoordinatorError('unknownTask', `No task ${request.taskKey} in the task file.`);
  }
  const state = await taskReviewState({
    folder: request.folder,
    model,
    task,
    signal: request.signal,
  });
  const reviewer = request.actor.name;
  if (request.verdict === 'approve' && isWorker(reviewer, state.workers)) {
    throw new CoordinatorError(
      'selfApproval',
      `${reviewer} cannot approve ${task.key}: they own it or did its work (${state.workers.join(', ')}).`,
    );
  }
  const { checklist, counts } = reviewerChecklist(state, reviewer);
  const checked = [...new Set(request.checked)].sort((a, b) => a - b);
  const outside = checked.filter((n) => !Number.isInteger(n) || n < 1 || n > checklist.length);
  if (outside.length > 0) {
    throw new CoordinatorError(
      'badInput',
      checklist.length === 0
        ? `${task.key} has no checklist for ${reviewer}; drop --check.`
        : `checklist items are numbered 1 to ${checklist.length}, not ${outside.join(', ')}.`,
    );
  }
  const unchecked = checklist.map((_, i) => i + 1).filter((n) => !checked.includes(n));
  if (request.verdict === 'approve' && unchecked.length > 0) {
    throw new CoordinatorError(
      'badInput',
      `approving ${task.key} needs every checklist item checked; unchecked: ${unchecked
        .map((n) => `${n} (${checklist[n - 1]})`)
        .join(', ')}.`,
    );
  }
  const review: ReviewRecord = {
    reviewer,
    verdict: request.verdict,
    checked,
    at: (request.now ?? (() => new Date()))().toISOString(),
    host: request.actor.host,
  };
  if (request.note?.trim()) {
    review.note = request.note.trim();
  }
  if (state.head) {
    review.commit = state.head;
  }
  await request.store.apply([{ kind: 'appendReview', taskKey: task.key, review }]);
  return { review, checklist, counts, before: state };
}

/**
 * The checklist `reviewer` answers (the items of every gate they can sign, in gate order), and
 * whether any required review is theirs to give. Hosts ask it before asking for the checks.
 */
export function reviewerChecklist(
  state: TaskReviewState,
  reviewer: string,
): { checklist: string[]; counts: boolean } {
  const theirs = state.gates.filter((gate) => canSign(gate, reviewer));
  return {
    checklist: [...new Set(theirs.flatMap((gate) => gate.checklist))],
    counts: theirs.length > 0,
  };
}

function canSign(gate: ReviewGate, reviewer: string): boolean {
  return gate.reviewer === undefined || sameActor(gate.reviewer, reviewer);
}
