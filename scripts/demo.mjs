// `npm run demo [-- --port N]`: a real VS Code (code-server) on 127.0.0.1 with the packaged
// extension installed, opened on a fresh demo repository whose tasks start a stand-in agent
// (scripts/demo/demo-agent) and whose PRs and CI come from a stand-in GitHub on 127.0.0.1.
// Works offline. Stays up until Ctrl-C, then cleans up. Needs the tsx loader (`node --import tsx`).
import fs from 'node:fs';
import path from 'node:path';
import { setInterval } from 'node:timers';
import { workbenchUrl } from './vscode/browser.mjs';
import { onCleanup, runAllCleanups } from './vscode/cleanup.mjs';
import {
  isPortFree,
  prepareStateDir,
  runCodeServerCli,
  startCodeServer,
} from './vscode/code-server.mjs';
import { DEMO_GITHUB_TOKEN, startDemoGitHub } from './demo/demo-github.mjs';
import { createDemoWorkspace } from './vscode/demo-workspace.mjs';
import { packageVsix } from './vscode/package-vsix.mjs';
import { cacheDir } from './vscode/paths.mjs';
import { provision } from './vscode/provision.mjs';

const demoDir = path.join(cacheDir, 'demo');

/**
 * User settings of the demo's VS Code: the extension may use a token from its environment, here
 * the made-up one the stand-in GitHub accepts (never a real one).
 */
const DEMO_USER_SETTINGS = { 'coordinator.github.allowEnvironmentToken': true };
// GH_TOKEN, not GITHUB_TOKEN: code-server takes GITHUB_TOKEN for its own GitHub sign-in.
const DEMO_ENV = { GH_TOKEN: DEMO_GITHUB_TOKEN };

function requestedPort() {
  const flag = process.argv.indexOf('--port');
  const value = flag >= 0 ? process.argv[flag + 1] : process.env.PORT;
  if (value === undefined) {
    return undefined;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid port "${value}": give a number between 1 and 65535.`);
  }
  return port;
}

async function choosePort() {
  const requested = requestedPort();
  if (requested !== undefined) {
    if (!(await isPortFree(requested))) {
      throw new Error(
        `Port ${requested} is in use on 127.0.0.1; pick another with --port or PORT.`,
      );
    }
    return requested;
  }
  for (let port = 8080; port < 8100; port++) {
    if (await isPortFree(port)) {
      return port;
    }
  }
  throw new Error('No free port between 8080 and 8099; pass one with --port.');
}

/** Installs the .vsix the way a user would; returns false when code-server refuses it. */
async function installVsix(stateDir) {
  console.log('Packaging and installing the extension (.vsix)...');
  const vsix = packageVsix();
  const { userDataDir, extensionsDir } = prepareStateDir(stateDir, DEMO_USER_SETTINGS);
  try {
    await runCodeServerCli([
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ]);
    return true;
  } catch (error) {
    console.warn(
      `Installing the .vsix failed, loading the extension from the source folder instead:\n${error.message}`,
    );
    return false;
  }
}

async function main() {
  provision();
  const port = await choosePort();
  const github = await startDemoGitHub();
  onCleanup(() => github.close());
  const workspace = createDemoWorkspace(demoDir, { apiBaseUrl: github.url });
  onCleanup(() => fs.rmSync(demoDir, { recursive: true, force: true }));
  const stateDir = path.join(demoDir, 'code-server');
  const installed = await installVsix(stateDir);
  const server = await startCodeServer({
    folder: workspace,
    port,
    stateDir,
    settings: DEMO_USER_SETTINGS,
    env: DEMO_ENV,
  });
  const url = installed
    ? `${server.url}?folder=${encodeURIComponent(workspace)}`
    : workbenchUrl({ baseUrl: server.url, folder: workspace });
  console.log(
    `\nAgent Coordinator demo (${installed ? 'installed .vsix' : 'extension development path'}):`,
  );
  console.log(`  ${url}`);
  console.log(`  workspace: ${workspace} (worktrees beside it)`);
  console.log(`  pull requests and CI: stand-in GitHub at ${github.url} (demo data)`);
  console.log(
    '  Start a task (Start Task in Worktree): the stand-in agent "demo-agent" works in its terminal,',
  );
  console.log('  asks one question there (answer it in the terminal), then finishes.');
  console.log('Press Ctrl-C to stop.');
  setInterval(() => {}, 1 << 30); // stay up until a signal runs the cleanups
}

main().catch(async (error) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  await runAllCleanups();
  process.exit(1);
});
