import { dirname } from 'node:path';
import { settingsReader, type SettingsReader } from '../../kernel/config/readSettings';
import type { TaskModel } from '../../kernel/model/types';
import { currentBranch, worktreeTopLevel } from '../../platform/git';
import { readRepositorySettings } from '../../platform/settings/repositorySettings';
import { trustOf } from '../../platform/trust/trustStore';
import { TaskFileStore } from '../../platform/taskfile/store';
import { commitPlan } from './commitPlan';
import {
  offCoordinatorBranch,
  planAutoCommitSkip,
  readPlanAutoCommitSettings,
  statusesChanged,
  type PlanAutoCommitSkip,
} from './model/planAutoCommit';
import { planFileInRepo } from './planFileInRepo';

export interface PlanAutoCommitRequest {
  taskFilePath: string;
  /** The plan before and after the change. */
  before: TaskModel | undefined;
  after: TaskModel | undefined;
  settings: SettingsReader;
  trusted: boolean;
  signal?: AbortSignal;
}

export type PlanAutoCommitOutcome =
  | { kind: 'skipped'; why: PlanAutoCommitSkip }
  /** The plan is already as the branch's HEAD has it (another writer committed it). */
  | { kind: 'nothing'; branch: string }
  | {
      kind: 'committed';
      branch: string;
      commit: string;
      /** The first line of the commit message. */
      subject: string;
      stagedLeftAlone: string[];
    }
  | { kind: 'failed'; reason: string };

/**
 * After a host changed the plan: commits the task file alone (`commitPlan`: a temporary index and
 * a checked ref update, the user's index untouched) when `planAutoCommitSkip` says so. Never
 * throws: a failed commit is an outcome, so the status change itself always stands.
 */
export async function commitPlanOnStatusChange(
  request: PlanAutoCommitRequest,
): Promise<PlanAutoCommitOutcome> {
  try {
    const settings = readPlanAutoCommitSettings(request.settings);
    const skip = planAutoCommitSkip({
      settings,
      trusted: request.trusted,
      statusChanged: statusesChanged(request.before, request.after),
    });
    if (skip) {
      return { kind: 'skipped', why: skip };
    }
    const { root } = await planFileInRepo(request.taskFilePath);
    const branch = await currentBranch(root, request.signal);
    if (branch === undefined || offCoordinatorBranch(settings, branch)) {
      return { kind: 'skipped', why: 'otherBranch' };
    }
    const result = await commitPlan({
      store: new TaskFileStore(request.taskFilePath),
      signal: request.signal,
    });
    if (result.kind === 'nothing') {
      return { kind: 'nothing', branch };
    }
    return {
      kind: 'committed',
      branch,
      commit: result.commit,
      subject: result.message.split('\n')[0],
      stagedLeftAlone: result.stagedLeftAlone,
    };
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The one line every host shows for an outcome worth a line (a commit or a failure). */
export function planAutoCommitLine(outcome: PlanAutoCommitOutcome): string | undefined {
  switch (outcome.kind) {
    case 'committed':
      return `committed the plan on ${outcome.branch} (${outcome.commit.slice(0, 12)}): ${outcome.subject}`;
    case 'failed':
      return `the change is saved, but committing the plan failed: ${outcome.reason}`;
    default:
      return undefined;
  }
}

/**
 * `commitPlanOnStatusChange` for a host without settings of its own (`coord mcp`): the settings
 * of the checkout holding the task file, trusted as `coord trust` or COORD_TRUSTED=1 say.
 */
export async function commitPlanWithRepositorySettings(
  request: Omit<PlanAutoCommitRequest, 'settings' | 'trusted'> & {
    env: Readonly<Record<string, string | undefined>>;
  },
): Promise<PlanAutoCommitOutcome> {
  if (!statusesChanged(request.before, request.after)) {
    return { kind: 'skipped', why: 'noStatusChange' };
  }
  try {
    const from = dirname(request.taskFilePath);
    const folder = (await worktreeTopLevel(from).catch(() => undefined)) ?? from;
    const trusted = (await trustOf(folder, { flag: false, env: request.env })) !== undefined;
    const repository = await readRepositorySettings({ folder, trusted });
    return await commitPlanOnStatusChange({
      ...request,
      settings: settingsReader(repository.get),
      trusted,
    });
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
