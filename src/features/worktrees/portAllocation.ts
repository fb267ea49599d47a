import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { writeFileAtomic } from '../../platform/files/atomicWrite';
import { acquireLock } from '../../platform/files/lock';
import { gitCommonDir, isGitError } from '../../platform/git';
import { portsInUse } from '../../platform/net/portProbe';
import {
  blockFits,
  candidateBlocks,
  parsePortLedger,
  portsOf,
  serializePortLedger,
  type PortAllocation,
} from './model/portBlocks';

export interface PortRequest {
  /** Any folder of the repository. */
  cwd: string;
  taskKey: string;
  /** The task's worktree; its block is released when this folder is gone. */
  worktreePath?: string;
  /** `coordinator.worktrees.ports.base`. */
  base: number;
  /** `coordinator.worktrees.ports.blockSize`; 0 allocates nothing. */
  size: number;
  now?: Date;
}

/** Many starts at once queue on the ledger's lock; each holds it for a few binds. */
const LEDGER_LOCK_TIMEOUT_MS = 120_000;

/**
 * The ledger of port blocks: local state in the repository's git common dir, shared by every
 * worktree of this clone and never committed.
 */
export async function portLedgerPath(cwd: string): Promise<string> {
  try {
    return join(await gitCommonDir(cwd), 'coordinator', 'ports.json');
  } catch (error) {
    if (isGitError(error, 'notARepository')) {
      throw new CoordinatorError(
        'badInput',
        `${cwd} is not in a git repository: port blocks are kept in the repository's git dir.`,
      );
    }
    throw error;
  }
}

/** The blocks recorded now, by task key (read without the lock: the ledger is replaced whole). */
export async function readPortLedger(cwd: string): Promise<Map<string, PortAllocation>> {
  return parsePortLedger(await readText(await portLedgerPath(cwd)));
}

/**
 * The task's port block: the one it already has when it still fits the settings, else the lowest
 * free block from the base whose ports nothing on this machine holds. Under the ledger's lock,
 * so concurrent starts (any process) get different blocks; blocks of worktrees that no longer
 * exist are given back first.
 */
export async function allocatePorts(request: PortRequest): Promise<PortAllocation | undefined> {
  if (request.size < 1) {
    return undefined;
  }
  const file = await portLedgerPath(request.cwd);
  const worktreePath = request.worktreePath ? resolve(request.worktreePath) : undefined;
  const kept = (ledger: ReadonlyMap<string, PortAllocation>) => {
    const current = ledger.get(request.taskKey);
    return current &&
      blockFits(current, request.base, request.size) &&
      (!worktreePath || current.worktreePath === worktreePath)
      ? current
      : undefined;
  };
  // The usual case, a task asking again for its block, needs no lock: the ledger is replaced whole.
  const known = kept(parsePortLedger(await readText(file)));
  if (known) {
    return known;
  }
  return underLedgerLock(file, async (ledger) => {
    const current = ledger.get(request.taskKey);
    if (current && blockFits(current, request.base, request.size)) {
      if (!worktreePath || current.worktreePath === worktreePath) {
        return { result: current, changed: false };
      }
      const moved = { ...current, worktreePath };
      ledger.set(request.taskKey, moved);
      return { result: moved, changed: true };
    }
    ledger.delete(request.taskKey);
    for (const gone of await allocationsOfMissingWorktrees(ledger)) {
      ledger.delete(gone.taskKey);
    }
    for (const candidate of candidateBlocks(request.base, request.size, [...ledger.values()])) {
      if ((await portsInUse(portsOf(candidate))).length === 0) {
        const allocation: PortAllocation = {
          taskKey: request.taskKey,
          ...candidate,
          worktreePath,
          allocatedAt: (request.now ?? new Date()).toISOString(),
        };
        ledger.set(request.taskKey, allocation);
        return { result: allocation, changed: true };
      }
    }
    throw new CoordinatorError(
      'badInput',
      `No free block of ${request.size} port(s) from ${request.base} to 65535 for ${request.taskKey}; lower coordinator.worktrees.ports.blockSize or change coordinator.worktrees.ports.base.`,
    );
  });
}

/** Gives back the blocks of a task, or of whatever task had the worktree at `worktreePath`. */
export async function releasePorts(
  cwd: string,
  which: { taskKey?: string; worktreePath?: string },
): Promise<PortAllocation[]> {
  const file = await portLedgerPath(cwd);
  if ((await readText(file)) === '') {
    return [];
  }
  const worktreePath = which.worktreePath ? resolve(which.worktreePath) : undefined;
  return underLedgerLock(file, async (ledger) => {
    const released = [...ledger.values()].filter(
      (allocation) =>
        allocation.taskKey === which.taskKey ||
        (worktreePath !== undefined && allocation.worktreePath === worktreePath),
    );
    for (const allocation of released) {
      ledger.delete(allocation.taskKey);
    }
    return { result: released, changed: released.length > 0 };
  });
}

async function underLedgerLock<T>(
  file: string,
  change: (ledger: Map<string, PortAllocation>) => Promise<{ result: T; changed: boolean }>,
): Promise<T> {
  await mkdir(dirname(file), { recursive: true });
  const lock = await acquireLock(`${file}.lock`, { timeoutMs: LEDGER_LOCK_TIMEOUT_MS });
  try {
    const ledger = parsePortLedger(await readText(file));
    const { result, changed } = await change(ledger);
    if (changed) {
      await writeFileAtomic(file, serializePortLedger(ledger));
    }
    return result;
  } finally {
    await lock.release();
  }
}

async function allocationsOfMissingWorktrees(
  ledger: ReadonlyMap<string, PortAllocation>,
): Promise<PortAllocation[]> {
  const gone: PortAllocation[] = [];
  for (const allocation of ledger.values()) {
    if (allocation.worktreePath && !(await stat(allocation.worktreePath).catch(() => undefined))) {
      gone.push(allocation);
    }
  }
  return gone;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return '';
    }
    throw error;
  }
}
