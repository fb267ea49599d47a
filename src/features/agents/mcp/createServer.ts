import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerAgentStateTool } from './agentStateTool';
import { registerEditTools } from './editTools';
import { registerPlanTools } from './planTools';
import { registerPlanResources } from './resources';
import { registerReviewTools } from './reviewTools';
import type { McpSession } from './session';

/** The coordinator's MCP server: plan tools, edit tools, agent state and plan resources. */
export function createCoordinatorServer(session: McpSession, version: string): McpServer {
  const server = new McpServer(
    { name: 'agent-coordinator', version },
    {
      instructions:
        "Tools for the team's task plan (task_status.json). Read with plan_overview, next_tasks and show_task; change your task with claim_task, update_task and report_agent_state. Completing a task passes its gates, required reviews included: ask for them with request_review; review others' tasks with show_review and review_task.",
    },
  );
  registerPlanTools(server, session);
  registerEditTools(server, session);
  registerAgentStateTool(server, session);
  registerReviewTools(server, session);
  registerPlanResources(server, session);
  return server;
}
