import type { ReviewShortfall } from '../tasks/model/gates';
import { reviewerLabel, standingText } from './model/reviewStanding';
import { taskReviewState, type TaskReviewRequest } from './taskReviewState';

/** The required reviews a task lacks (missing, stale or asking for changes), for the completion gate. */
export async function reviewShortfalls(request: TaskReviewRequest): Promise<ReviewShortfall[]> {
  const state = await taskReviewState(request);
  return state.standing
    .filter((standing) => standing.state !== 'approved')
    .map((standing) => ({
      reviewer: reviewerLabel(standing.gate),
      state: `${standingText(standing)} (${standing.gate.because})`,
    }));
}
