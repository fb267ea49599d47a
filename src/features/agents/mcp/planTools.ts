import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { overlapNote } from '../../conflicts/model/rankByOverlap';
import { nextReadyTasks } from '../../conflicts/model/nextReady';
import { taskJson } from '../../common/cli/print/taskJson';
import { findTaskIn, readPlan, type McpSession } from './session';
import { jsonResult, runTool } from './toolResult';
import { planOverview, taskDetails } from './planViews';

export function registerPlanTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'plan_overview',
    {
      title: 'Plan overview',
      description:
        'Counts of the plan by status, how many tasks are ready, and the task this agent works on.',
      annotations: { readOnlyHint: true },
    },
    () => runTool(async () => jsonResult(planOverview(await readPlan(session), session))),
  );

  server.registerTool(
    'next_tasks',
    {
      title: 'Next ready tasks',
      description:
        'Tasks ready to start (not started, every task dependency completed), by priority and phase; those whose declared files overlap a task in progress come last, with the overlap named.',
      inputSchema: {
        owner: z.string().min(1).optional().describe('Only tasks with this owner'),
        limit: z.number().int().min(1).max(200).optional().describe('At most this many (20)'),
      },
      annotations: { readOnlyHint: true },
    },
    ({ owner, limit }) =>
      runTool(async () => {
        const { model, graph } = await readPlan(session);
        const ranked = nextReadyTasks(model, graph, owner);
        return jsonResult({
          ready: ranked.length,
          tasks: ranked.slice(0, limit ?? 20).map(({ task, overlaps }) => ({
            ...taskJson(model, graph, task),
            ...(overlaps.length > 0 ? { overlaps, why: overlapNote(overlaps) } : {}),
          })),
        });
      }),
  );

  server.registerTool(
    'show_task',
    {
      title: 'Show a task',
      description:
        "One task with its dependencies, what blocks it, acceptance criteria, notes, blockers and PR. Without a task, the agent's own.",
      inputSchema: { task: z.string().min(1).optional().describe('Task key or id') },
      annotations: { readOnlyHint: true },
    },
    ({ task }) =>
      runTool(async () => {
        const plan = await readPlan(session);
        return jsonResult(taskDetails(plan, findTaskIn(plan.model, session, task)));
      }),
  );
}
