import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { findTaskIn, readPlan, type ToolSession } from '../tools/toolSession';
import { planOverview, taskDetails } from '../tools/planViews';

export const PLAN_URI = 'coord://plan';
const TASK_URI = 'coord://task/{key}';

/** The plan and each task as JSON resources. */
export function registerPlanResources(server: McpServer, session: ToolSession): void {
  server.registerResource(
    'plan',
    PLAN_URI,
    { title: 'Task plan', description: 'The plan overview', mimeType: 'application/json' },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: 'application/json',
          text: JSON.stringify(planOverview(await readPlan(session), session), null, 2),
        },
      ],
    }),
  );
  server.registerResource(
    'task',
    new ResourceTemplate(TASK_URI, {
      list: async () => {
        const { model } = await readPlan(session);
        return {
          resources: model.tasks.map((task) => ({
            uri: `coord://task/${encodeURIComponent(task.key)}`,
            name: task.key,
            title: task.name,
            mimeType: 'application/json',
          })),
        };
      },
    }),
    { title: 'Task', description: 'One task with its dependencies', mimeType: 'application/json' },
    async (uri, variables) => {
      const key = variables.key;
      if (typeof key !== 'string') {
        throw new CoordinatorError('badInput', `${uri.href} names no single task.`);
      }
      const plan = await readPlan(session);
      const task = findTaskIn(plan.model, session, decodeURIComponent(key));
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: 'application/json',
            text: JSON.stringify(taskDetails(plan, task), null, 2),
          },
        ],
      };
    },
  );
}
