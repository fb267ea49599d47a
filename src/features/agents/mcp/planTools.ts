import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { nextTasksOperation, overviewOperation, showTaskOperation } from '../tools/planOperations';
import type { ToolSession } from '../tools/toolSession';
import { jsonResult, runTool } from './toolResult';

export function registerPlanTools(server: McpServer, session: ToolSession): void {
  server.registerTool(
    'plan_overview',
    {
      title: 'Plan overview',
      description:
        'Counts of the plan by status, how many tasks are ready, and the task this agent works on.',
      annotations: { readOnlyHint: true },
    },
    () => runTool(async () => jsonResult(await overviewOperation(session))),
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
    (args) => runTool(async () => jsonResult(await nextTasksOperation(session, args))),
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
    (args) => runTool(async () => jsonResult(await showTaskOperation(session, args))),
  );
}
