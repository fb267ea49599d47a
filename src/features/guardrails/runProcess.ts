import { existsSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { AnsiStripper } from './model/ansi';
import { StreamSearch } from './model/streamSearch';
import { TailLines } from './model/tail';
import type { OutputStream, ProcessOutcome } from './model/types';
import { signalTree, spawnShell, treeAlive } from '../../platform/process/processTree';

export interface ShellRunOptions {
  command: string;
  /** Absolute working folder; it must exist. */
  cwd: string;
  /** The complete environment of the command. */
  env: NodeJS.ProcessEnv;
  /** Kill the process tree after this long; 0 or undefined for no limit. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Between SIGTERM and SIGKILL on cancel and timeout. */
  killGraceMs?: number;
  /** Text to look for in stdout or stderr (ANSI removed), across chunk boundaries. */
  expected?: string;
  tailLines?: number;
  /** Decoded text, ANSI codes and other control characters removed; invalid UTF-8 becomes U+FFFD. */
  onOutput(text: string, stream: OutputStream): void;
}

export interface ShellRunResult {
  outcome: ProcessOutcome;
  /** Set when `onOutput` threw (e.g. a closed output channel): later output was not passed on, the run went on. */
  outputError?: string;
  expectedFound?: boolean;
  lastLines: string[];
  outputBytes: number;
}

const DEFAULT_KILL_GRACE_MS = 3000;
/** After the shell exits, how long its leftover background processes may hold the pipes open. */
const LEFTOVER_GRACE_MS = 1000;
const REAP_POLL_MS = 25;
/** Output handled in one turn of the event loop before reading pauses to let other work run.
 * 256 KiB keeps the extension host responsive (largest delay) at little cost in throughput. */
const BYTES_PER_TURN = 256 * 1024;

/**
 * Runs one shell line, streaming its output, and settles exactly once, after the output ended.
 * Cancel and timeout kill the whole process group (SIGTERM, then SIGKILL after a grace period) and
 * settle only when the group is gone. Memory stays bounded whatever the output's size: nothing but
 * the last lines and the search window is kept.
 */
export function runShellCommand(options: ShellRunOptions): Promise<ShellRunResult> {
  const started = Date.now();
  const tail = new TailLines(options.tailLines ?? 20);
  const expected = options.expected ? options.expected : undefined;
  const search = {
    stdout: new StreamSearch(expected ?? ''),
    stderr: new StreamSearch(expected ?? ''),
  };
  const finish = (
    outcome: Omit<ProcessOutcome, 'durationMs'>,
    outputBytes: number,
  ): ShellRunResult => {
    const result: ShellRunResult = {
      outcome: { ...outcome, durationMs: Date.now() - started },
      lastLines: tail.lines(),
      outputBytes,
    };
    if (expected !== undefined) {
      result.expectedFound = search.stdout.found || search.stderr.found;
    }
    return result;
  };

  const cwdProblem = checkFolder(options.cwd);
  if (cwdProblem) {
    return Promise.resolve(finish({ kind: 'spawnFailed', message: cwdProblem }, 0));
  }
  if (options.signal?.aborted) {
    return Promise.resolve(finish({ kind: 'cancelled' }, 0));
  }

  return new Promise<ShellRunResult>((resolve) => {
    let settled = false;
    let outputBytes = 0;
    let outputError: string | undefined;
    let stopReason: 'timedOut' | 'cancelled' | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let leftoverTimer: NodeJS.Timeout | undefined;
    let leaderExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

    const child = spawnShell(options.command, options.cwd, options.env);
    const pid = child.pid;

    const timers: NodeJS.Timeout[] = [];
    const onAbort = (): void => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs && options.timeoutMs > 0) {
      timers.push(setTimeout(() => stop('timedOut'), options.timeoutMs));
    }

    function stop(reason: 'timedOut' | 'cancelled'): void {
      if (stopReason || settled) {
        return;
      }
      stopReason = reason;
      killTree();
    }

    function killTree(): void {
      if (pid === undefined || killTimer) {
        return;
      }
      signalTree(pid, 'SIGTERM');
      killTimer = setTimeout(
        () => signalTree(pid, 'SIGKILL'),
        options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      );
    }

    function settle(outcome: Omit<ProcessOutcome, 'durationMs'>): void {
      if (settled) {
        return;
      }
      settled = true;
      timers.forEach(clearTimeout);
      clearTimeout(killTimer);
      clearTimeout(leftoverTimer);
      options.signal?.removeEventListener('abort', onAbort);
      const result = finish(outcome, outputBytes);
      if (outputError !== undefined) {
        result.outputError = outputError;
      }
      resolve(result);
    }

    // libuv may deliver many chunks in one turn; pausing after a megabyte keeps the host responsive.
    let bytesThisTurn = 0;
    let yielding = false;
    const paused = new Set<NodeJS.ReadableStream>();
    const yieldAfter = (readable: NodeJS.ReadableStream, bytes: number): void => {
      bytesThisTurn += bytes;
      if (bytesThisTurn < BYTES_PER_TURN) {
        return;
      }
      readable.pause();
      paused.add(readable);
      if (!yielding) {
        yielding = true;
        setImmediate(() => {
          yielding = false;
          bytesThisTurn = 0;
          paused.forEach((stream) => stream.resume());
          paused.clear();
        });
      }
    };

    const attach = (stream: OutputStream): void => {
      const readable = child[stream];
      if (!readable) {
        return;
      }
      const decoder = new StringDecoder('utf8');
      const stripper = new AnsiStripper();
      const emit = (text: string): void => {
        if (text.length === 0) {
          return;
        }
        tail.push(text);
        search[stream].push(text);
        if (outputError === undefined) {
          try {
            options.onOutput(text, stream);
          } catch (error) {
            outputError = error instanceof Error ? error.message : String(error);
          }
        }
      };
      readable.on('data', (chunk: Buffer) => {
        outputBytes += chunk.length;
        emit(stripper.push(decoder.write(chunk)));
        yieldAfter(readable, chunk.length);
      });
      readable.on('end', () => emit(stripper.push(decoder.end()) + stripper.flush()));
    };
    attach('stdout');
    attach('stderr');

    child.on('error', (error: NodeJS.ErrnoException) => {
      // Only spawning itself reports errors here; a started process ends through 'close'.
      if (pid === undefined) {
        settle({ kind: 'spawnFailed', message: error.message });
      }
    });

    child.on('exit', (code, signal) => {
      leaderExit = { code, signal };
      if (!stopReason && pid !== undefined) {
        // Background processes left behind would hold the pipes open: give them a moment, then end them.
        leftoverTimer = setTimeout(killTree, LEFTOVER_GRACE_MS);
      }
    });

    child.on('close', (code, signal) => {
      if (pid === undefined) {
        return; // never started: 'error' settles
      }
      const exit = leaderExit ?? { code, signal };
      const outcome = outcomeOf(stopReason, exit.code, exit.signal);
      if (!stopReason) {
        if (treeAlive(pid)) {
          // Leftovers that closed their output: a guardrail leaves nothing running.
          signalTree(pid, 'SIGTERM');
        }
        settle(outcome);
        return;
      }
      void waitUntilGone(pid, options.killGraceMs ?? DEFAULT_KILL_GRACE_MS).then(() =>
        settle(outcome),
      );
    });
  });
}

function outcomeOf(
  stopReason: 'timedOut' | 'cancelled' | undefined,
  code: number | null,
  signal: NodeJS.Signals | null,
): Omit<ProcessOutcome, 'durationMs'> {
  const ended: Omit<ProcessOutcome, 'durationMs' | 'kind'> = {};
  if (code !== null) {
    ended.exitCode = code;
  }
  if (signal !== null) {
    ended.signal = signal;
  }
  if (stopReason) {
    return { kind: stopReason, ...ended };
  }
  return signal !== null ? { kind: 'signalled', ...ended } : { kind: 'exited', ...ended };
}

/** Polls until the process group is gone, sending SIGKILL once the grace period is over. */
async function waitUntilGone(pid: number, graceMs: number): Promise<void> {
  const killAt = Date.now() + graceMs;
  const giveUpAt = killAt + 1000;
  let killed = false;
  while (treeAlive(pid) && Date.now() < giveUpAt) {
    if (!killed && Date.now() >= killAt) {
      signalTree(pid, 'SIGKILL');
      killed = true;
    }
    await new Promise((resolve) => setTimeout(resolve, REAP_POLL_MS));
  }
}

function checkFolder(cwd: string): string | undefined {
  if (!existsSync(cwd)) {
    return `working folder ${cwd} does not exist`;
  }
  if (!statSync(cwd).isDirectory()) {
    return `working folder ${cwd} is not a folder`;
  }
  return undefined;
}
