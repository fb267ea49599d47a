import { basename } from 'node:path';
import { AGENT_TASK_ENV } from '../../platform/identity/actor';
import type { PortAllocation } from './model/portBlocks';
import { taskEnvironment } from './model/taskEnvironment';
import { allocatePorts } from './portAllocation';

export interface TaskEnvRequest {
  /** The main worktree's root (names `${repo}`, finds the ledger). */
  mainRoot: string;
  task: { key: string; id: string };
  worktreePath?: string;
  settings: { portBase: number; portBlockSize: number; taskEnv: Readonly<Record<string, string>> };
  now?: Date;
}

export interface TaskEnv {
  /** `COORD_TASK`, `COORD_PORT`, `COORD_PORT_1`…, then the template's names. */
  env: Record<string, string>;
  block?: PortAllocation;
  /** Template entries left out or kept as written, one line each. */
  problems: string[];
}

/**
 * What a task's terminals, setup command and brief are given: its port block (allocated on first
 * use, the same one afterwards) and the per-task names of `coordinator.worktrees.taskEnv`.
 */
export async function taskEnvFor(request: TaskEnvRequest): Promise<TaskEnv> {
  const block = await allocatePorts({
    cwd: request.mainRoot,
    taskKey: request.task.key,
    worktreePath: request.worktreePath,
    base: request.settings.portBase,
    size: request.settings.portBlockSize,
    now: request.now,
  });
  const { env, problems } = taskEnvironment({
    taskKey: request.task.key,
    taskId: request.task.id,
    repo: basename(request.mainRoot),
    block,
    template: request.settings.taskEnv,
  });
  return { env: { [AGENT_TASK_ENV]: request.task.key, ...env }, block, problems };
}
