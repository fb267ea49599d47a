/**
 * The Linux process table as data: parsing `/proc/<pid>/stat` and `/proc/<pid>/environ`, and
 * finding the processes a guardrail run started. No I/O here; `src/guardrails` reads the files.
 */

export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Process group id. */
  pgrp: number;
  /** `R`, `S`, `Z` (zombie), `X` (dead)... */
  state: string;
  /** Start time in clock ticks since boot: later processes have larger values. */
  startTicks: number;
}

/** Parses `pid (comm) state ppid pgrp session ... starttime ...`; comm may hold spaces and parentheses. */
export function parseProcessStat(text: string): ProcessEntry | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) {
    return undefined;
  }
  const pid = Number(text.slice(0, text.indexOf(' ')));
  // After `) `: field 3 (state) is index 0, so field n is index n - 3; starttime is field 22.
  const fields = text.slice(close + 2).split(' ');
  const entry: ProcessEntry = {
    pid,
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    state: fields[0] ?? '',
    startTicks: Number(fields[19]),
  };
  return Number.isInteger(entry.pid) && Number.isInteger(entry.ppid) ? entry : undefined;
}

export function isLive(entry: ProcessEntry): boolean {
  return entry.state !== 'Z' && entry.state !== 'X';
}

/** Whether a NUL-separated environment block holds exactly `NAME=value`. */
export function environmentHolds(environ: string, variable: string): boolean {
  return environ.split('\0').includes(variable);
}

/** Every process below `root` (not `root` itself), following parent links. */
export function descendantsOf(root: number, entries: readonly ProcessEntry[]): ProcessEntry[] {
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of entries) {
    const siblings = children.get(entry.ppid);
    if (siblings) {
      siblings.push(entry);
    } else {
      children.set(entry.ppid, [entry]);
    }
  }
  const found: ProcessEntry[] = [];
  const pending = [root];
  const seen = new Set<number>([root]);
  while (pending.length > 0) {
    for (const child of children.get(pending.pop() as number) ?? []) {
      if (!seen.has(child.pid)) {
        seen.add(child.pid);
        found.push(child);
        pending.push(child.pid);
      }
    }
  }
  return found;
}
