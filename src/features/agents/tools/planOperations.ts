import { dirname } from 'node:path';
import type { TaskEdit } from '../../../kernel/edits/types';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import type { TaskStatus } from '../../../kernel/model/types';
import { readRepositorySettings } from '../../../platform/settings/repositorySettings';
import { trustOf } from '../../../platform/trust/trustStore';
import { taskJson } from '../../tasks/model/taskJson';
import { whyLater } from '../../conflicts/model/rankByOverlap';
import { nextReadyTasks } from '../../conflicts/model/nextReady';
import { reviewShortfalls } from '../../reviews/reviewShortfalls';
import { completionShortfalls } from '../../guardrails/completionShortfalls';
import { guardrailsWithSettings, readGuardrailSettings } from '../../guardrails/model/settings';
import { claimTask } from '../../tasks/claimTask';
import { forcedOnly } from '../../tasks/gateUi';
import { updateTask } from '../../tasks/updateTask';
import { linkedWorktreeBranch } from './linkedWorktreeBranch';
import { planOverview, taskDetails } from './planViews';
import { editableTask, findTaskIn, readPlan, type ToolSession } from './toolSession';

/**
 * The plan tools an agent is given, whichever host serves them (`coord mcp`, the editor's
 * language model tools): each reads or edits through the shared use cases, so every gate holds
 * the same, and returns plain JSON or throws a `CoordinatorError` with one clear sentence.
 */

export async function overviewOperation(session: ToolSession): Promise<Record<string, unknown>> {
  return planOverview(await readPlan(session), session);
}

export interface NextTasksArgs {
  owner?: string;
  limit?: number;
}

export async function nextTasksOperation(
  session: ToolSession,
  { owner, limit }: NextTasksArgs,
): Promise<Record<string, unknown>> {
  const { model, graph } = await readPlan(session);
  const ranked = nextReadyTasks(model, graph, owner);
  return {
    ready: ranked.length,
    tasks: ranked.slice(0, limit ?? 20).map((entry) => ({
      ...taskJson(model, graph, entry.task),
      ...(entry.overlaps.length > 0 ? { overlaps: entry.overlaps } : {}),
      ...(entry.waitsFor.length > 0 ? { waitsFor: entry.waitsFor } : {}),
      ...(whyLater(entry) !== '' ? { why: whyLater(entry) } : {}),
    })),
  };
}

export async function showTaskOperation(
  session: ToolSession,
  { task }: { task?: string },
): Promise<Record<string, unknown>> {
  const plan = await readPlan(session);
  return taskDetails(plan, findTaskIn(plan.model, session, task));
}

export interface ClaimArgs {
  task?: string;
  force?: boolean;
}

export async function claimOperation(
  session: ToolSession,
  { task, force }: ClaimArgs,
): Promise<Record<string, unknown>> {
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
  return withPlanCommit(
    taskDetails(plan, plan.model.byKey.get(target.key)!),
    await session.afterPlanChange?.(model, plan.model),
  );
}

export interface UpdateArgs {
  task?: string;
  status?: TaskStatus;
  progress?: { done: number; total?: number };
  pr?: number | null;
  note?: string;
  blocker?: string;
  unblock?: string;
  force?: boolean;
}

export async function updateOperation(
  session: ToolSession,
  args: UpdateArgs,
): Promise<Record<string, unknown>> {
  const { model } = await readPlan(session);
  const target = editableTask(model, session, args.task);
  const edits = taskEdits(target.key, args);
  if (edits.length === 0) {
    throw new CoordinatorError(
      'badInput',
      'Nothing to change: give status, progress, pr, note, blocker or unblock.',
    );
  }
  const folder = dirname(session.taskFilePath);
  // The repository's guardrail settings, restricted ones only where it is trusted.
  const trusted = (await trustOf(session.cwd, { flag: false, env: process.env })) !== undefined;
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
        pullRequestReviews: await session.pullRequestReviews?.(),
      }),
  });
  const plan = { loaded, model: loaded.model!, graph: loaded.graph! };
  return withPlanCommit(
    taskDetails(plan, plan.model.byKey.get(target.key)!),
    await session.afterPlanChange?.(model, plan.model),
  );
}

/** A tool's answer with the line about committing the plan after it, when there is one. */
export function withPlanCommit(
  answer: Record<string, unknown>,
  planCommit: string | undefined,
): Record<string, unknown> {
  return planCommit ? { ...answer, planCommit } : answer;
}

/** The edits an update asks for, in the order the store applies them. */
export function taskEdits(taskKey: string, args: UpdateArgs): TaskEdit[] {
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
