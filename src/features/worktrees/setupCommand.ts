import { spawn } from 'node:child_process';
import { signalTree } from '../../platform/process/processTree';

/** Runs the user's setup command (a shell line from their settings) in a new worktree. */
export type SetupRunner = (
  command: string,
  cwd: string,
  options: { signal?: AbortSignal; onOutput?: (chunk: string) => void },
) => Promise<void>;

/**
 * Default runner: the command in the platform shell, output streamed chunk by
 * chunk, the whole process tree killed on cancel. Settles exactly once.
 */
export const runSetupCommand: SetupRunner = (command, cwd, options) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) {
        return;
      }
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const onAbort = () => {
      if (child.pid !== undefined) {
        signalTree(child.pid, 'SIGTERM');
      }
      settle(new Error(`Setup command cancelled: ${command}`));
    };
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let tail = '';
    const forward = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-2000);
      options.onOutput?.(text);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    child.on('error', (error) => settle(error));
    child.on('close', (code, signal) => {
      if (code === 0) {
        settle();
      } else {
        const lastLines = tail.trim().split('\n').slice(-3).join(' | ');
        settle(
          new Error(
            `Setup command "${command}" exited with ${code ?? signal}${lastLines ? `: ${lastLines}` : ''}`,
          ),
        );
      }
    });
  });
