// Starts code-server in its own process group on 127.0.0.1 and stops the whole group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { codeServerInstall } from './paths.mjs';
import { codeServerConfig } from './provision.mjs';

/** User settings that keep welcome pages, tips and network lookups out of the way. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // Newer VS Code starts AI helpers and opens a secondary side bar for Chat; no test uses them,
  // and without the side bar the window has the layout of the minimum VS Code.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** True when a GET on `url` answers 200 within two seconds. */
function answersOk(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

async function waitUntilReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode ?? child.signalCode}).`);
    }
    if (await answersOk(new URL('/healthz', url))) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms.`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // stray grandchildren
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 3000));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    killGroup(child, 'SIGKILL');
    await exited;
  }
  killGroup(child, 'SIGKILL');
}

/**
 * Creates the user-data and extensions folders under `stateDir` with quiet user settings.
 * @returns {{ userDataDir: string, extensionsDir: string }}
 */
export function prepareStateDir(stateDir, settings = {}) {
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  }
  return { userDataDir, extensionsDir };
}

/**
 * @param {{ folder: string, trusted?: boolean, port?: number, env?: Record<string,string>,
 *   logFile?: string, extraArgs?: string[], stateDir?: string, settings?: Record<string, unknown> }} options
 * @returns {Promise<{ url: string, port: number, userDataDir: string, extensionsDir: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(options) {
  const port = options.port ?? (await freePort());
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'coordinator-cs-'));
  const ownsStateDir = options.stateDir === undefined;
  const { userDataDir, extensionsDir } = prepareStateDir(stateDir, options.settings);

  const install = codeServerInstall();
  const args = [
    install.bin,
    '--config',
    codeServerConfig(install),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.trusted === false ? [] : ['--disable-workspace-trust']),
    ...install.target.serverArgs,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(options.extraArgs ?? []),
    options.folder,
  ];
  const log = options.logFile ? fs.openSync(options.logFile, 'w') : 'ignore';
  const child = spawn(install.node, args, {
    detached: true, // own process group, so the extension host and its children die with it
    stdio: ['ignore', log, log],
    env: { ...process.env, ...options.env },
  });
  if (typeof log === 'number') {
    fs.closeSync(log);
  }

  const stop = onCleanup(async () => {
    await stopGroup(child);
    if (ownsStateDir) {
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilReady(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, userDataDir, extensionsDir, stop };
}

/** Runs code-server's CLI once (for example --install-extension) and resolves with its output. */
export function runCodeServerCli(args, env = {}) {
  return new Promise((resolve, reject) => {
    const install = codeServerInstall();
    const child = spawn(
      install.node,
      [install.bin, '--config', codeServerConfig(install), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`code-server ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}
