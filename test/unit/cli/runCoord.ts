// Runs the real `coord` CLI from source in a child process, as an agent or CI would.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLI = join(__dirname, '..', '..', '..', 'src', 'hosts', 'cli', 'main.ts');
// Resolved here, since the CLI runs with the temp repository as its working directory.
export const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

export interface CoordRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function coord(
  args: string[],
  cwd: string,
  onStart?: (pid: number) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CoordRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) {
      onStart?.(child.pid);
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
