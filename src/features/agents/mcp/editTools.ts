import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { TASK_STATUSES } from '../../../kernel/model/types';
import { forcedOnly } from '../../tasks/gateUi';
import { WAITS_FOR_FIELD } from '../../conflicts/model/softDependencies';
import { startGatedTask } from '../../worktrees/startGatedTask';
import { sharingLine } from '../../worktrees/model/sharedDependencies';
import { currentCoordLauncher } from '../../common/cli/launcher';
import { claimOperation, updateOperation, withPlanCommit } from '../tools/planOperations';
import { editableTask, readPlan, type ToolSession } from '../tools/toolSession';
import { jsonResult, runTool } from './toolResult';

const TASK = z.string().min(1).optional().describe("Task key or id; the agent's own by default");
const FORCE = z
  .boolean()
  .optional()
  .describe('Go ahead although a gate refuses; recorded on the task with who and how');
const WAIT = z
  .boolean()
  .optional()
  .describe(
    `When the task collides with tasks in progress, start nothing and record that it waits for them (${WAITS_FOR_FIELD})`,
  );

export function registerEditTools(server: McpServer, session: ToolSession): void {
  server.registerTool(
    'claim_task',
    {
      title: 'Claim a task',
      description:
        "Marks the agent's task in progress where it already works (no new worktree), recording that worktree's branch when the task has none. Passes the start gate: a blocked or waiting task is refused with the reasons unless force is true.",
      inputSchema: { task: TASK, force: FORCE },
    },
    (args) => runTool(async () => jsonResult(await claimOperation(session, args))),
  );

  server.registerTool(
    'start_task',
    {
      title: 'Start a task in a new worktree',
      description:
        "Creates the task's branch and git worktree with its brief, and marks it in progress. Passes the start gate (force overrides it, recorded; wait records a soft dependency on the tasks it collides with instead of starting). Setup commands never run from here.",
      inputSchema: { task: TASK, force: FORCE, wait: WAIT },
    },
    ({ task, force, wait }) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = editableTask(model, session, task);
        const settings = session.worktreeSettings;
        const result = await startGatedTask({
          ui: forcedOnly(force === true, wait === true),
          actor: await session.actor(),
          taskKey: target.key,
          taskFilePath: session.taskFilePath,
          store: session.store,
          ...(settings
            ? {
                baseBranch: settings.baseBranch || undefined,
                branchTemplate: settings.branchTemplate,
                pathTemplate: settings.pathTemplate,
                copyGlobs: settings.copyGlobs,
                sharedDependencies: settings.sharedDependencies,
                briefFileName: settings.briefFileName,
                portBase: settings.portBase,
                portBlockSize: settings.portBlockSize,
                taskEnv: settings.taskEnv,
              }
            : {}),
          isTrusted: () => false,
          // The new worktree's agent reaches this coord through the repository's launcher.
          coord: { command: currentCoordLauncher().command, replace: false },
        });
        if (result.outcome === 'waiting') {
          return jsonResult({
            task: result.task.key,
            outcome: result.outcome,
            waitsFor: result.waitsFor,
            message: result.message,
          });
        }
        const after = await session.store.read().catch(() => undefined);
        const planCommit = await session.afterPlanChange?.(model, after?.model);
        return jsonResult(
          withPlanCommit(
            {
              task: result.task.key,
              outcome: result.outcome,
              branch: result.branch,
              path: result.path,
              briefPath: result.briefPath ?? null,
              agentFlags: result.agentSetup?.flags ?? null,
              // No setup command runs from MCP, so a folder left to it is installed by the agent.
              sharedDependencies: result.sharedDependencies.map((shared) => ({
                ...shared,
                said: sharingLine(shared, false),
              })),
              notes: result.notes,
            },
            planCommit,
          ),
        );
      }),
  );

  server.registerTool(
    'update_task',
    {
      title: 'Update a task',
      description:
        'Changes status, progress, PR, blockers or notes of a task. Marking it completed passes the completion gate (dependencies completed, every step done, required guardrails passed, required reviews approved at the branch head); a refusal gives the reasons, and force: true overrides it, recorded on the task.',
      inputSchema: {
        task: TASK,
        status: z.enum(TASK_STATUSES).optional(),
        progress: z
          .object({
            done: z.number().int().min(0),
            total: z.number().int().min(0).optional(),
          })
          .refine((p) => p.total === undefined || p.done <= p.total, {
            message: 'done steps exceed the total',
          })
          .optional()
          .describe('Steps done, and optionally the total'),
        pr: z.number().int().positive().nullable().optional().describe('PR number; null clears it'),
        note: z.string().min(1).optional().describe('A note to append'),
        blocker: z.string().min(1).optional().describe('A blocker to add'),
        unblock: z.string().min(1).optional().describe('A blocker to remove (its text)'),
        force: FORCE,
      },
    },
    (args) => runTool(async () => jsonResult(await updateOperation(session, args))),
  );
}
