import * as path from 'node:path';
import type { GuardrailDefinition, Task, TaskModel } from '../../kernel/model/types';
import { lastCommit } from '../../platform/git';
import type { GuardrailShortfall } from '../tasks/model/gates';
import { findTaskWorktree } from '../tasks/taskWorktree';
import { reasonWithCause } from './model/format';
import { requiredNotPassedSince } from './model/gate';
import { latestResults } from './model/runLog';
import { skipReason } from './model/skip';
import type { GuardrailResult } from './model/types';
import { readRunLogs } from './runLogFiles';

export interface ShortfallSettings {
  /** `coordinator.guardrails.requirePassBeforeComplete`. */
  requirePassBeforeComplete: boolean;
  /** `coordinator.guardrails.cwd`, relative to the worktree. */
  cwd: string;
  /** `coordinator.guardrails.logFolder`, relative to where the guardrails ran. */
  logFolder: string;
}

export interface ShortfallRequest {
  /** Any folder of the repository (the main checkout or a worktree). */
  folder: string;
  model: TaskModel;
  task: Task;
  definitions: readonly GuardrailDefinition[];
  settings: ShortfallSettings;
  /** The latest results known for guardrails run in `cwd`; default: the run logs there. */
  latestIn?: (cwd: string) => Promise<Map<string, GuardrailResult>>;
  log?: (line: string) => void;
}

/**
 * The required guardrails that have not passed in the task's worktree since its last commit,
 * for the completion gate. Guardrails waiting for an unfinished `depends_on` task do not count;
 * a task without a worktree on disk is not gated on guardrails.
 */
export async function completionShortfalls(
  request: ShortfallRequest,
): Promise<GuardrailShortfall[]> {
  const { settings, model, task } = request;
  if (!settings.requirePassBeforeComplete) {
    return [];
  }
  const definitions = request.definitions.filter((d) => d.required && !skipReason(d, model));
  if (definitions.length === 0) {
    return [];
  }
  const location = await findTaskWorktree(request.folder, task);
  if ('problem' in location) {
    request.log?.(`Completion gate: ${task.key} has no worktree on disk; guardrails not gated.`);
    return [];
  }
  const cwd = settings.cwd ? path.resolve(location.path, settings.cwd) : location.path;
  const latestIn =
    request.latestIn ??
    (async (folder: string) =>
      latestResults(await readRunLogs(path.resolve(folder, settings.logFolder)).catch(() => [])));
  const [commit, latest] = await Promise.all([
    lastCommit(location.path).catch(() => undefined),
    latestIn(cwd),
  ]);
  return requiredNotPassedSince(definitions, latest, commit ? commit.time * 1000 : 0).map((d) => {
    const result = latest.get(d.key);
    return {
      key: d.key,
      state: result
        ? `${result.verdict} (${reasonWithCause(result)}) at ${result.finishedAt}`
        : 'not run in its worktree',
    };
  });
}
