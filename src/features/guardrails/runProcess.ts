import { existsSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { AnsiStripper } from './model/ansi';
import { ExpectationMatcher, type Expectation, type ExpectationResult } from './model/expectation';
import { TailLines } from './model/tail';
import type { OutputStream, ProcessOutcome } from './model/types';
import { ProcessTree, type ShellExit } from '../../platform/process/processTree';

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
  /** What to look for, line by line, in stdout and stderr (ANSI removed). */
  expected?: readonly Expectation[];
  tailLines?: number;
  /** Decoded text, ANSI codes and other control characters removed; invalid UTF-8 becomes U+FFFD. */
  onOutput(text: string, stream: OutputStream): void;
}

export interface ShellRunResult {
  outcome: ProcessOutcome;
  /** Set when `onOutput` threw (e.g. a closed output channel): later output was not passed on, the run went on. */
  outputError?: string;
  /** For each expectation, in order: whether and where it matched. */
  expectations: ExpectationResult[];
  lastLines: string[];
  outputBytes: number;
}

/** Short enough that a timeout is honoured to within a second even by a process ignoring SIGTERM. */
const DEFAULT_KILL_GRACE_MS = 500;
/** After the shell exits, how long its leftover background processes may hold the pipes open. */
const LEFTOVER_GRACE_MS = 1000;
const REAP_POLL_MS = 25;
/** After SIGKILL, how long the run waits for its processes to be gone before it gives up on them. */
const GIVE_UP_AFTER_KILL_MS = 1000;
/** Once the processes are gone, how long the output may take to end before the pipes are closed. */
const DRAIN_MS = 200;
/** After the shell and its output ended, how long the subreaper helper may take to exit. */
const HELPER_EXIT_MS = 100;
/** Output handled in one turn of the event loop before reading pauses to let other work run.
 * 256 KiB keeps the extension host responsive (largest delay) at little cost in throughput. */
const BYTES_PER_TURN = 256 * 1024;

/**
 * Runs one shell line, streaming its output, and settles exactly once, after the output ended.
 * Cancel and timeout end every process the line started, detached ones included (see ./processTree:
 * SIGTERM, then SIGKILL after a grace period), and settle only when they are gone; so does a
 * normal end that leaves processes behind. Memory stays bounded whatever the output's size: nothing but
 * the last lines and the search window is kept.
 */
export function runShellCommand(options: ShellRunOptions): Promise<ShellRunResult> {
  const started = Date.now();
  const tail = new TailLines(options.tailLines ?? 20);
  const matcher = new ExpectationMatcher(options.expected ?? []);
  const finish = (
    outcome: Omit<ProcessOutcome, 'durationMs'>,
    outputBytes: number,
  ): ShellRunResult => {
    return {
      outcome: { ...outcome, durationMs: Date.now() - started },
      expectations: matcher.finish(),
      lastLines: tail.lines(),
      outputBytes,
    };
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
    let ending = false;
    let leftoverTimer: NodeJS.Timeout | undefined;
    let helperTimer: NodeJS.Timeout | undefined;
    let shellExit: ShellExit | undefined;
    let childExited = false;
    let openStreams = 0;

    const tree = new ProcessTree(options.command, options.cwd, options.env);
    const child = tree.child;
    const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;

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
      void endEverything();
    }

    /** Ends every process of the run (SIGTERM, SIGKILL after the grace period), then settles. */
    async function endEverything(): Promise<void> {
      if (ending) {
        return;
      }
      ending = true;
      clearTimeout(leftoverTimer);
      clearTimeout(helperTimer);
      const killAt = Date.now() + graceMs;
      const giveUpAt = killAt + GIVE_UP_AFTER_KILL_MS;
      for (;;) {
        const found = tree.signal(Date.now() < killAt ? 'SIGTERM' : 'SIGKILL');
        if ((!found && childExited) || settled || Date.now() >= giveUpAt) {
          break;
        }
        await delay(REAP_POLL_MS);
      }
      tree.abandon();
      // A process nothing could find (it left no trace to follow) may still hold the pipes.
      const drainUntil = Date.now() + DRAIN_MS;
      while (openStreams > 0 && Date.now() < drainUntil) {
        await delay(REAP_POLL_MS);
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
      settleWithExit();
    }

    /** The normal end: the shell has exited and the output ended; nothing may stay behind. */
    function maybeFinish(): void {
      if (settled || ending || stopReason || !shellExit || openStreams > 0) {
        return;
      }
      if (!childExited) {
        // The helper exits as soon as it has reaped everything; if it stays, something is left.
        helperTimer ??= setTimeout(() => void endEverything(), HELPER_EXIT_MS);
        return;
      }
      if (tree.alive()) {
        void endEverything();
        return;
      }
      settleWithExit();
    }

    function settleWithExit(): void {
      // Unknown when the run was given up on before the shell's end was reported.
      const exit = shellExit ?? { code: null, signal: null };
      settle(outcomeOf(stopReason, exit.code, exit.signal));
    }

    function settle(outcome: Omit<ProcessOutcome, 'durationMs'>): void {
      if (settled) {
        return;
      }
      settled = true;
      timers.forEach(clearTimeout);
      clearTimeout(leftoverTimer);
      clearTimeout(helperTimer);
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
      openStreams++;
      const decoder = new StringDecoder('utf8');
      const stripper = new AnsiStripper();
      const emit = (text: string): void => {
        if (text.length === 0) {
          return;
        }
        tail.push(text);
        matcher.push(text, stream);
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
      readable.on('close', () => {
        openStreams--;
        maybeFinish();
      });
    };
    attach('stdout');
    attach('stderr');

    child.on('error', (error: NodeJS.ErrnoException) => {
      // Only spawning itself reports errors here; a started process ends through 'exit'.
      if (child.pid === undefined) {
        settle({ kind: 'spawnFailed', message: error.message });
      }
    });

    child.on('exit', () => {
      childExited = true;
      clearTimeout(helperTimer);
      helperTimer = undefined;
      maybeFinish();
    });

    tree.onShellExit((exit) => {
      shellExit = exit;
      if (!stopReason && openStreams > 0) {
        // Background processes left behind would hold the pipes open: give them a moment, then end them.
        leftoverTimer = setTimeout(() => void endEverything(), LEFTOVER_GRACE_MS);
      }
      maybeFinish();
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
