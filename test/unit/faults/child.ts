import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningChild {
  process: ChildProcess;
  /** Resolves once the child printed `line` (or ended without printing it). */
  printed(line: string): Promise<void>;
  /** Everything printed so far. */
  stdout(): string;
  done: Promise<ChildRun>;
}

/** A node child running a bundled script, its output collected. */
export function startNode(script: string, args: string[], cwd?: string): RunningChild {
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of [...waiters]) {
      if (stdout.includes(`${waiter.line}\n`)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<ChildRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      for (const waiter of waiters.splice(0)) {
        waiter.resolve();
      }
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    process: child,
    printed: (line) =>
      stdout.includes(`${line}\n`)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ line, resolve })),
    stdout: () => stdout,
    done,
  };
}

export function runNode(script: string, args: string[], cwd?: string): Promise<ChildRun> {
  return startNode(script, args, cwd).done;
}
