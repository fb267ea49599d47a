import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { gitEnvironment } from './env';
import { GitError } from './errors';
import { classifyGitStderr } from './reasons';

export interface GitRunOptions {
  readonly cwd: string;
  readonly signal?: AbortSignal;
  /** Exit codes that are answers rather than failures (e.g. 1 for `check-ref-format`). */
  readonly okExitCodes?: readonly number[];
  /** Read-only commands pass true so they never take the index lock (`GIT_OPTIONAL_LOCKS=0`). */
  readonly readOnly?: boolean;
  /** Variables set after the fixed environment, e.g. a temporary index or object store. */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to git's standard input (for `--stdin` modes). */
  readonly input?: string;
}

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const MAX_BUFFER = 256 * 1024 * 1024;

/** Settings every call gets: raw paths in porcelain output, no auto-gc in the middle of a flow. */
const FIXED_CONFIG = ['-c', 'core.quotePath=false', '-c', 'gc.auto=0', '-c', 'color.ui=false'];

/**
 * Runs git with an argument array (never a shell). Rejects with a typed
 * `GitError` on any exit code not listed in `okExitCodes`; never turns a
 * failure into an empty result.
 */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const env = gitEnvironment();
  if (options.readOnly) {
    env.GIT_OPTIONAL_LOCKS = '0';
  }
  Object.assign(env, options.env);
  const fullArgs = [...FIXED_CONFIG, ...args];
  return new Promise<GitResult>((resolve, reject) => {
    const child = execFile(
      'git',
      fullArgs,
      {
        cwd: options.cwd,
        env,
        signal: options.signal,
        maxBuffer: MAX_BUFFER,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ stdout, stderr, exitCode: 0 });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        const exitCode = typeof code === 'number' ? code : undefined;
        if (exitCode !== undefined && options.okExitCodes?.includes(exitCode)) {
          resolve({ stdout, stderr, exitCode });
          return;
        }
        reject(toGitError(error, args, options.cwd, exitCode, stderr));
      },
    );
    // Without input git must still see end of file, or a `--stdin` mode would wait forever.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  }).catch(async (error: unknown) => {
    if (
      error instanceof GitError &&
      error.reason === 'gitMissing' &&
      !(await isDirectory(options.cwd))
    ) {
      throw new GitError('cwdMissing', `Folder does not exist: ${options.cwd}`, error.failure);
    }
    throw error;
  });
}

function toGitError(
  error: Error,
  args: readonly string[],
  cwd: string,
  exitCode: number | undefined,
  stderr: string,
): GitError {
  const failure = { args, cwd, exitCode, stderr };
  if (error.name === 'AbortError') {
    return new GitError('cancelled', `git ${args[0] ?? ''} was cancelled`, failure);
  }
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new GitError(
      'gitMissing',
      'git was not found on PATH (or the folder does not exist)',
      failure,
    );
  }
  const firstLines = stderr.trim().split('\n').slice(0, 3).join(' ').trim();
  const detail = firstLines || error.message;
  return new GitError(classifyGitStderr(stderr), `git ${args[0] ?? ''} failed: ${detail}`, failure);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
