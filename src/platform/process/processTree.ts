import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Starting a shell line as the leader of a new process group, and signalling the whole group, so
 * cancel and timeout reach every child and grandchild the command started.
 */

const isWindows = process.platform === 'win32';

export function spawnShell(command: string, cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  if (isWindows) {
    const shell = env.ComSpec ?? process.env.ComSpec ?? 'cmd.exe';
    return spawn(shell, ['/d', '/s', '/c', `"${command}"`], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsVerbatimArguments: true,
      windowsHide: true,
    });
  }
  return spawn('/bin/sh', ['-c', command], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/** Sends `signal` to the group led by `pid`; false when the group no longer exists. */
export function signalTree(pid: number, signal: NodeJS.Signals | 0): boolean {
  if (isWindows) {
    if (signal === 'SIGKILL' || signal === 'SIGTERM') {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    }
    return true;
  }
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether any process of the group led by `pid` still runs. On Linux, zombies do not count: where
 * the init process does not reap orphans (some containers) they would otherwise look alive forever.
 */
export function treeAlive(pid: number): boolean {
  if (isWindows || !signalTree(pid, 0)) {
    return false;
  }
  return process.platform === 'linux' ? liveGroupMemberOnLinux(pid) : true;
}

function liveGroupMemberOnLinux(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return true;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') {
      return true;
    }
  }
  return false;
}
