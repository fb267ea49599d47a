import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { TaskEdit } from '../../../kernel/edits/types';
import { TASK_STATUSES, type TaskStatus } from '../../../kernel/model/types';
import { completionShortfalls } from '../../guardrails/completionShortfalls';
import { guardrailsWithSettings, readGuardrailSettings } from '../../guardrails/model/settings';
import { readRepositorySettings } from '../../../platform/settings/repositorySettings';
import { trustOf } from '../../../platform/trust/trustStore';
import { claimTask } from '../../tasks/claimTask';
import { forcedOnly } from '../../tasks/gateUi';
import { updateTask } from '../../tasks/updateTask';
import { startGatedTask } from '../../worktrees/startGatedTask';
import { currentCoordLauncher } from '../../common/cli/launcher';
import { reviewShortfalls } from '../../reviews/reviewShortfalls';
import { linkedWorktreeBranch } from './linkedWorktreeBranch';
import { mcpPullRequestReviews } from './mcpPullRequestReviews';
import { editableTask, readPlan, type McpSession } from './session';
import { jsonResult, runTool } from './toolResult';
import { taskDetails } from './planViews';

const TASK = z.string().min(1).optional().describe("Task key or id; the agent's own by default");
const FORCE = z
  .boolean()
  .optional()
  .describe('Go ahead although a gate refuses; recorded on the task with who and how');

export function registerEditTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    'claim_task',
    {
      title: 'Claim a task',
      description:
        "Marks the agent's task in progress where it already works (no new worktree), recording that worktree's branch when the task has none. Passes the start gate: a blocked or waiting task is refused with the reasons unless force is true.",
      inputSchema: { task: TASK, force: FORCE },
    },
    ({ task, force }) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = editableTask(model, session, task);
        await claimTask({
          store: session.store,
          taskKey: target.key,
          actor: await session.actor(),
          ui: forcedOnly(force === true),
          branch: await linkedWorktreeBranch(session.cwd),
        });
        const plan = await readPlan(session);
        return jsonResult(taskDetails(plan, plan.model.byKey.get(target.key)!));
      }),
  );

  server.registerTool(
    'start_task',
    {
      title: 'Start a task in a new worktree',
      description:
        "Creates the task's branch and git worktree with its brief, and marks it in progress. Passes the start gate (force overrides it, recorded). Setup commands never run from here.",
      inputSchema: { task: TASK, force: FORCE },
    },
    ({ task, force }) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = editableTask(model, session, task);
        const settings = session.worktreeSettings;
        const result = await startGatedTask({
          ui: forcedOnly(force === true),
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
        return jsonResult({
          task: result.task.key,
          outcome: result.outcome,
          branch: result.branch,
          path: result.path,
          briefPath: result.briefPath ?? null,
          agentFlags: result.agentSetup?.flags ?? null,
          notes: result.notes,
        });
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
    (args) =>
      runTool(async () => {
        const { model } = await readPlan(session);
        const target = editableTask(model, session, args.task);
        const edits = taskEdits(target.key, args);
        if (edits.length === 0) {
          return {
            isError: true,
            content: [
              {
                type: 'text',
                text: 'Nothing to change: give status, progress, pr, note, blocker or unblock.',
              },
            ],
          };
        }
        const folder = dirname(session.taskFilePath);
        // The repository's guardrail settings, restricted ones only where it is trusted.
        const trusted =
          (await trustOf(session.cwd, { flag: false, env: process.env })) !== undefined;
        const repository = await readRepositorySettings({ folder: session.cwd, trusted });
        const guardrailSettings = readGuardrailSettings(repository.get);
        const definitions = guardrailsWithSettings(model.guardrails, guardrailSettings);
        const loaded = await updateTask({
          store: session.store,
          taskKey: target.key,
          edits,
          actor: await session.actor(),
          ui: forcedOnly(args.force === true),
          guardrailShortfalls: (task) =>
            completionShortfalls({
              folder,
              model,
              task,
              definitions: definitions.definitions,
              settings: guardrailSettings,
            }),
          reviewShortfalls: async (task) =>
            reviewShortfalls({
              folder,
              model,
              task,
              pullRequestReviews: await mcpPullRequestReviews(session),
            }),
        });
        const plan = { loaded, model: loaded.model!, graph: loaded.graph! };
        return jsonResult(taskDetails(plan, plan.model.byKey.get(target.key)!));
      }),
  );
}

interface UpdateArgs {
  status?: TaskStatus;
  progress?: { done: number; total?: number };
  pr?: number | null;
  note?: string;
  blocker?: string;
  unblock?: string;
}

function taskEdits(taskKey: string, args: UpdateArgs): TaskEdit[] {
  const edits: TaskEdit[] = [];
  if (args.status !== undefined) {
    edits.push({ kind: 'setStatus', taskKey, status: args.status });
  }
  if (args.progress !== undefined) {
    edits.push(
      args.progress.total === undefined
        ? { kind: 'setProgress', taskKey, completedSteps: args.progress.done }
        : {
            kind: 'setProgress',
            taskKey,
            completedSteps: args.progress.done,
            totalSteps: args.progress.total,
          },
    );
  }
  if (args.pr !== undefined) {
    edits.push({ kind: 'setPrNumber', taskKey, prNumber: args.pr });
  }
  if (args.blocker !== undefined) {
    edits.push({ kind: 'appendBlocker', taskKey, text: args.blocker });
  }
  if (args.unblock !== undefined) {
    edits.push({ kind: 'removeBlocker', taskKey, text: args.unblock });
  }
  if (args.note !== undefined) {
    edits.push({ kind: 'appendNote', taskKey, text: args.note });
  }
  return edits;
}
