// Runs the bundled `coord` CLI as a separate process group, so a test can kill it with SIGKILL
// and then wait for the git processes it had started to finish on their own.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..', '..');

export interface BuiltCli {
  path: string;
  dispose(): void;
}

/** Bundles `src/cli/main.ts` the way `npm run build` does, into a temp folder. */
export async function buildCli(): Promise<BuiltCli> {
  const folder = mkdtempSync(join(tmpdir(), 'coord-cli-'));
  const path = join(folder, 'cli.js');
  await build({
    entryPoints: [join(ROOT, 'src', 'hosts', 'cli', 'main.ts')],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return { path, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  pid: number;
  done: Promise<CliRun>;
}

const ISOLATED_GIT = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

export function startCli(cli: string, args: readonly string[], cwd: string): CliProcess {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd,
    detached: true,
    env: { ...process.env, ...ISOLATED_GIT },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  if (child.pid === undefined) {
    throw new Error('the CLI did not start');
  }
  return { pid: child.pid, done };
}

export function runCli(cli: string, args: readonly string[], cwd: string): Promise<CliRun> {
  return startCli(cli, args, cwd).done;
}

/** Waits until no process of the group led by `pid` is left (git children outlive a killed parent). */
export async function waitForGroupExit(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

/** The seed of this run: `FAULT_SEED` when set (to replay a failure), else a fresh one. */
export function faultSeed(): number {
  const given = process.env.FAULT_SEED;
  if (given !== undefined && /^\d+$/.test(given)) {
    return Number(given);
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** mulberry32: a small, seedable generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
