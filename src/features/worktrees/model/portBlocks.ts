/** A run of consecutive TCP ports given to one task. */
export interface PortBlock {
  /** First port, `COORD_PORT`. */
  start: number;
  /** How many ports: `COORD_PORT` and `COORD_PORT_1` … `COORD_PORT_<size-1>`. */
  size: number;
}

/** One task's block as the ledger keeps it. */
export interface PortAllocation extends PortBlock {
  taskKey: string;
  /** Absolute path of the task's worktree; the block is released when that worktree is removed. */
  worktreePath?: string;
  allocatedAt: string;
}

const HIGHEST_PORT = 65535;

/**
 * Reads the ledger (`ports.json` in the local state folder): task key → block. Entries that are
 * not a block are dropped; text that is not JSON reads as an empty ledger.
 */
export function parsePortLedger(text: string): Map<string, PortAllocation> {
  const ledger = new Map<string, PortAllocation>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return ledger;
  }
  const blocks = isRecord(parsed) && isRecord(parsed.blocks) ? parsed.blocks : {};
  for (const [taskKey, entry] of Object.entries(blocks)) {
    if (!isRecord(entry) || !isPort(entry.start) || !Number.isInteger(entry.size)) {
      continue;
    }
    const size = entry.size as number;
    if (size < 1 || entry.start + size - 1 > HIGHEST_PORT) {
      continue;
    }
    const allocation: PortAllocation = {
      taskKey,
      start: entry.start,
      size,
      allocatedAt: typeof entry.allocatedAt === 'string' ? entry.allocatedAt : '',
    };
    if (typeof entry.worktreePath === 'string') {
      allocation.worktreePath = entry.worktreePath;
    }
    ledger.set(taskKey, allocation);
  }
  return ledger;
}

export function serializePortLedger(ledger: ReadonlyMap<string, PortAllocation>): string {
  const blocks: Record<string, Omit<PortAllocation, 'taskKey'>> = {};
  for (const { taskKey, ...block } of [...ledger.values()].sort((a, b) => a.start - b.start)) {
    blocks[taskKey] = block;
  }
  return `${JSON.stringify({ version: 1, blocks }, null, 2)}\n`;
}

/** Whether a task's existing block still fits the settings (same size, not below the base). */
export function blockFits(block: PortBlock, base: number, size: number): boolean {
  return block.size === size && block.start >= base && block.start + size - 1 <= HIGHEST_PORT;
}

/**
 * Candidate blocks from `base` upward, aligned on `size`, that overlap none of `taken`, lowest
 * first. The caller probes each and takes the first whose ports are all free.
 */
export function* candidateBlocks(
  base: number,
  size: number,
  taken: readonly PortBlock[],
): Generator<PortBlock> {
  if (size < 1) {
    return;
  }
  for (let start = base; start + size - 1 <= HIGHEST_PORT; start += size) {
    const end = start + size - 1;
    if (!taken.some((block) => start <= block.start + block.size - 1 && block.start <= end)) {
      yield { start, size };
    }
  }
}

/** `20000-20009`, or `20000` for a block of one. */
export function portRangeText(block: PortBlock): string {
  return block.size === 1 ? String(block.start) : `${block.start}-${block.start + block.size - 1}`;
}

export function portsOf(block: PortBlock): number[] {
  return Array.from({ length: block.size }, (_, index) => block.start + index);
}

/** `COORD_PORT` (the first port), `COORD_PORT_1`, … */
export function portVariables(block: PortBlock | undefined): Record<string, string> {
  const variables: Record<string, string> = {};
  if (!block) {
    return variables;
  }
  portsOf(block).forEach((port, index) => {
    variables[index === 0 ? 'COORD_PORT' : `COORD_PORT_${index}`] = String(port);
  });
  return variables;
}

function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= HIGHEST_PORT;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
