import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import {
  descendantsOf,
  environmentHolds,
  isLive,
  parseProcessStat,
  type ProcessEntry,
} from './processTable';
import { subreaperLaunch } from './subreaper';

/**
 * Every process a shell line starts, found and signalled together, so cancel and timeout reach
 * all of them. Three nets, because each alone has holes:
 * - the line leads a new process group (a signal to the group reaches plain background jobs);
 * - on Linux, a variable unique to the run in its environment, looked for in /proc/<pid>/environ
 *   (reaches setsid, double forks and nohup; `env -i` and programs that clear their environment
 *   get past it);
 * - on Linux with Perl, a subreaper helper as the line's parent (see ./subreaper): orphans are
 *   re-parented to it, so following parent links from it reaches everything, `env -i` included.
 * Elsewhere only the group is signalled (on Windows, the tree through `taskkill /T`).
 */

const isWindows = process.platform === 'win32';
const isLinux = process.platform === 'linux';
export const RUN_MARKER_VARIABLE = 'COORD_GUARDRAIL_RUN';

export interface ShellExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ProcessTree {
  private readonly marker: string;
  private readonly underSubreaper: boolean;
  private readonly terminated = new Set<number>();
  private readonly signalled = new Set<string>();
  private startTicks = 0;
  private shellExit: ShellExit | undefined;
  /** The helper became the subreaper: nothing of the run outlives it. */
  private reaper = false;
  private readonly exitListeners: ((exit: ShellExit) => void)[] = [];

  /** The spawned process: the shell itself, or the subreaper helper running it. */
  readonly child: ChildProcess;

  constructor(command: string, cwd: string, env: NodeJS.ProcessEnv) {
    const runId = `${process.pid}-${randomBytes(8).toString('hex')}`;
    this.marker = `${RUN_MARKER_VARIABLE}=${runId}`;
    const markedEnv = isLinux ? { ...env, [RUN_MARKER_VARIABLE]: runId } : env;
    const helper = isWindows ? undefined : subreaperLaunch(command);
    this.underSubreaper = helper !== undefined;
    if (isWindows) {
      const shell = env.ComSpec ?? process.env.ComSpec ?? 'cmd.exe';
      this.child = spawn(shell, ['/d', '/s', '/c', `"${command}"`], {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsVerbatimArguments: true,
        windowsHide: true,
      });
    } else {
      this.child = spawn(helper?.file ?? '/bin/sh', helper?.args ?? ['-c', command], {
        cwd,
        env: markedEnv,
        stdio: helper ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
    }
    this.watchShellExit();
    if (isLinux && this.child.pid !== undefined) {
      this.startTicks = readStat(this.child.pid)?.startTicks ?? 0;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Called once, when the shell line itself has ended (its children may still run). */
  onShellExit(listener: (exit: ShellExit) => void): void {
    if (this.shellExit) {
      listener(this.shellExit);
    } else {
      this.exitListeners.push(listener);
    }
  }

  /**
   * Sends `signal` to every process of the run found now, and says whether any was found. Called
   * again and again while the run ends, it reaches processes started meanwhile. SIGTERM goes once
   * to each process, so one that handles it is not interrupted again while it cleans up.
   */
  signal(signal: 'SIGTERM' | 'SIGKILL'): boolean {
    const pid = this.child.pid;
    if (pid === undefined) {
      return false;
    }
    const firstTime = !this.signalled.has(signal);
    this.signalled.add(signal);
    if (isWindows) {
      if (firstTime) {
        spawn('taskkill', ['/pid', String(pid), '/T', '/F'], {
          stdio: 'ignore',
          windowsHide: true,
        });
      }
      return false;
    }
    if (firstTime && !this.underSubreaper) {
      signalGroup(pid, signal);
    }
    if (!isLinux) {
      return signalGroup(pid, 0);
    }
    const members = this.helperDoneReaping() ? [] : this.members();
    for (const entry of members) {
      if (signal === 'SIGTERM' && this.terminated.has(entry.pid)) {
        continue;
      }
      this.terminated.add(entry.pid);
      try {
        process.kill(entry.pid, signal);
      } catch {
        // ended meanwhile
      }
    }
    return members.length > 0;
  }

  /** Whether any process of the run (other than the helper) still runs; zombies do not count. */
  alive(): boolean {
    const pid = this.child.pid;
    if (pid === undefined || isWindows) {
      return false;
    }
    if (!isLinux) {
      return signalGroup(pid, 0);
    }
    return !this.helperDoneReaping() && this.members().length > 0;
  }

  /** The helper exits only once it has no children left, and every orphan of the run was its child. */
  private helperDoneReaping(): boolean {
    return this.reaper && this.child.exitCode === 0;
  }

  /** Kills the helper itself: only when its tree could not be ended. */
  abandon(): void {
    if (this.underSubreaper && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
  }

  private members(): ProcessEntry[] {
    const root = this.child.pid as number;
    const entries = readProcessTable();
    const found = new Map<number, ProcessEntry>();
    for (const entry of descendantsOf(root, entries)) {
      found.set(entry.pid, entry);
    }
    for (const entry of entries) {
      if (found.has(entry.pid) || entry.startTicks < this.startTicks) {
        continue;
      }
      if (entry.pgrp === root || hasVariable(entry.pid, this.marker)) {
        found.set(entry.pid, entry);
      }
    }
    if (this.underSubreaper) {
      found.delete(root);
    }
    return [...found.values()].filter(isLive);
  }

  private watchShellExit(): void {
    const report = this.child.stdio[3];
    if (!report) {
      this.child.on('exit', (code, signal) => this.shellEnded({ code, signal }));
      return;
    }
    let pending = '';
    report.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'reaper') {
          this.reaper = true;
        } else if (line.startsWith('exit ')) {
          this.shellEnded(decodeWaitStatus(Number(line.slice(5))));
        }
      }
    });
    // No report once the helper is gone and its pipe closed (it was killed): its exit stands in.
    let helperExit: ShellExit | undefined;
    let reportClosed = false;
    const withoutReport = (): void => {
      if (helperExit && reportClosed) {
        this.shellEnded(helperExit);
      }
    };
    report.on('close', () => {
      reportClosed = true;
      withoutReport();
    });
    this.child.on('exit', (code, signal) => {
      helperExit = { code, signal };
      withoutReport();
    });
  }

  private shellEnded(exit: ShellExit): void {
    if (this.shellExit) {
      return;
    }
    this.shellExit = exit;
    this.exitListeners.splice(0).forEach((listener) => listener(exit));
  }
}

function decodeWaitStatus(status: number): ShellExit {
  const signalNumber = status & 0x7f;
  if (signalNumber === 0) {
    return { code: (status >> 8) & 0xff, signal: null };
  }
  const name = Object.entries(constants.signals).find(([, value]) => value === signalNumber)?.[0];
  return { code: null, signal: (name ?? 'SIGKILL') as NodeJS.Signals };
}

/** Sends `signal` to the group led by `pid`; false when the group no longer exists. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readStat(pid: number): ProcessEntry | undefined {
  try {
    return parseProcessStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

function readProcessTable(): ProcessEntry[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const entries: ProcessEntry[] = [];
  for (const name of names) {
    if (/^\d+$/.test(name)) {
      const entry = readStat(Number(name));
      if (entry) {
        entries.push(entry);
      }
    }
  }
  return entries;
}

/** Other users' environments are unreadable: those processes are not the run's anyway. */
function hasVariable(pid: number, variable: string): boolean {
  try {
    return environmentHolds(readFileSync(`/proc/${pid}/environ`, 'latin1'), variable);
  } catch {
    return false;
  }
}
