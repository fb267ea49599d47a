import { ProcessTree, type ShellExit } from '../../platform/process/processTree';

const KILL_GRACE_MS = 500;

/** Runs the user's setup command (a shell line from their settings) in a new worktree. */
export type SetupRunner = (
  command: string,
  cwd: string,
  options: {
    signal?: AbortSignal;
    onOutput?: (chunk: string) => void;
    /** Added to this process's environment: the task's ports and names. */
    env?: Readonly<Record<string, string>>;
  },
) => Promise<void>;

/** Default runner of the setup command. */
export const runSetupCommand: SetupRunner = (command, cwd, options) =>
  runWorktreeCommand('Setup', command, cwd, options);

/**
 * A worktree's setup or teardown command in the platform shell, contained like a guardrail,
 * output streamed chunk by chunk, everything it started stopped on cancel. Settles exactly once.
 */
export const runWorktreeCommand = (
  label: 'Setup' | 'Teardown',
  command: string,
  cwd: string,
  options: Parameters<SetupRunner>[2],
): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const tree = new ProcessTree(command, cwd, { ...process.env, ...options.env });
    const child = tree.child;
    let shellExit: ShellExit | undefined;
    tree.onShellExit((exit) => (shellExit = exit));
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
      tree.signal('SIGTERM');
      setTimeout(() => tree.signal('SIGKILL'), KILL_GRACE_MS).unref();
      settle(new Error(`${label} command cancelled: ${command}`));
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
    child.on('close', (closeCode, closeSignal) => {
      const code = shellExit ? shellExit.code : closeCode;
      const signal = shellExit ? shellExit.signal : closeSignal;
      if (tree.alive()) {
        tree.signal('SIGKILL');
      }
      if (code === 0) {
        settle();
      } else {
        const lastLines = tail.trim().split('\n').slice(-3).join(' | ');
        settle(
          new Error(
            `${label} command "${command}" exited with ${code ?? signal}${lastLines ? `: ${lastLines}` : ''}`,
          ),
        );
      }
    });
  });
