import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { dirname } from 'node:path';
import { z } from 'zod';
import { REVIEW_VERDICTS } from '../../../kernel/model/reviews';
import { reviewLines } from '../../reviews/model/reviewLines';
import { recordReview, reviewerChecklist } from '../../reviews/recordReview';
import { requestReview } from '../../reviews/requestReview';
import { taskReviewState } from '../../reviews/taskReviewState';
import { mcpPullRequestReviews } from './mcpPullRequestReviews';
import { editableTask, findTaskIn, readPlan, type McpSession } from './session';
import { jsonResult, runTool } from './toolResult';

const TASK = z.string().min(1).optional().describe("Task key or id; the agent's own by default");

/**
 * `review_task` records a review (the same use case as `coord review`); `request_review` asks
 * for one on the agent's own task, starting the review SLA.
 */
export function registerReviewTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'review_task',
    {
      title: 'Review a task',
      description:
        "Records a review of a task's branch head: approve or request_changes, the checklist items checked (1-based), and a note. An approval must check every item of the reviewer's checklist; the task's owner, its starter and its commits' authors cannot approve it. A later commit makes the review stale. Any task may be reviewed.",
      inputSchema: {
        task: TASK,
        verdict: z.enum(REVIEW_VERDICTS),
        checked: z
          .array(z.number().int().min(1))
          .optional()
          .describe("Numbers of the reviewer's checklist items that hold (see show_review)"),
        note: z.string().min(1).max(4000).optional(),
      },
    },
    ({ task, verdict, checked, note }) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = findTaskIn(model, session, task);
        const recorded = await recordReview({
          store: session.store,
          folder: dirname(session.taskFilePath),
          taskKey: target.key,
          verdict,
          checked: checked ?? [],
          note,
          actor: await session.actor(),
        });
        return jsonResult({
          task: target.key,
          review: { ...recorded.review },
          checklist: recorded.checklist,
          counts: recorded.counts,
        });
      }),
  );

  server.registerTool(
    'show_review',
    {
      title: 'Show the reviews a task needs',
      description:
        "Which reviews the task needs (review rules matched by its branch's changes, and critical_review), where each stands, and the checklist the calling agent answers when it reviews.",
      inputSchema: { task: TASK },
    },
    ({ task }) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = findTaskIn(model, session, task);
        const state = await taskReviewState({
          folder: dirname(session.taskFilePath),
          model,
          task: target,
          pullRequestReviews: await mcpPullRequestReviews(session),
        });
        const actor = await session.actor();
        return jsonResult({
          task: target.key,
          head: state.head ?? null,
          required: reviewLines(state.standing, state.pathsUnjudged),
          yourChecklist: reviewerChecklist(state, actor.name).checklist,
        });
      }),
  );

  server.registerTool(
    'request_review',
    {
      title: 'Request a review',
      description:
        "Asks for the reviews the agent's task needs, of its branch head; recorded on the task (review_requests) with who and when, and the review SLA runs from then. Answers which reviews are needed.",
      inputSchema: {
        task: TASK,
        note: z.string().min(1).max(4000).optional().describe('What the reviewer should look at'),
      },
    },
    ({ task, note }) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = editableTask(model, session, task);
        const requested = await requestReview({
          store: session.store,
          folder: dirname(session.taskFilePath),
          taskKey: target.key,
          note,
          actor: await session.actor(),
        });
        return jsonResult({
          task: target.key,
          request: { ...requested.request },
          required: reviewLines(requested.state.standing, requested.state.pathsUnjudged),
        });
      }),
  );
}
