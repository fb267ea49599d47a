import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { REPORTED_AGENT_STATES } from '../model/agentState';
import { reportAgentState } from '../agentStateStore';
import { editableTask, readPlan, type ToolSession } from '../tools/toolSession';
import { jsonResult, runTool } from './toolResult';

export function registerAgentStateTool(server: McpServer, session: ToolSession): void {
  server.registerTool(
    'report_agent_state',
    {
      title: 'Report agent state',
      description:
        'Says what the agent is doing: working, needs_input (with the question in message), idle (turn finished), finished, or failed (with exitCode). Kept in the local state folder, never in the plan.',
      inputSchema: {
        state: z.enum(REPORTED_AGENT_STATES),
        message: z.string().max(2000).optional(),
        exitCode: z.number().int().optional(),
        task: z.string().min(1).optional().describe("Task key or id; the agent's own by default"),
      },
    },
    ({ state, message, exitCode, task }) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = editableTask(model, session, task);
        const record = await reportAgentState(session.cwd, {
          task: target.key,
          state,
          message,
          exitCode,
          agent: (await session.actor()).name,
        });
        return jsonResult({ ...record });
      }),
  );
}
