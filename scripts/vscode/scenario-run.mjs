// Runs one scenario: a fresh workspace, a fresh code-server, the host suite in one window and the
// driver-side UI tests in a second one. Everything it starts is stopped in `finally`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkbench, workbenchUrl } from './browser.mjs';
import { onCleanup } from './cleanup.mjs';
import { startCodeServer } from './code-server.mjs';
import {
  HostEnv,
  artifactsDir,
  hostSuiteExtensionDir,
  hostTestsBundle,
  screenshotsDir,
} from './paths.mjs';
import { runUiTests } from './ui-tests.mjs';

const DEFAULT_TIMEOUT_MS = 180_000;

async function waitForResults(file, isAlive, deadline) {
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    const problem = isAlive();
    if (problem) {
      throw new Error(problem);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

function withDeadline(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A failed result standing for a whole scenario that could not report. */
function scenarioFailure(name, error) {
  return {
    tests: [
      {
        title: `runs the scenario (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
        titlePath: [name, 'runs the scenario'],
        state: 'failed',
        error: {
          message: error instanceof Error ? error.message : String(error),
          stack: error?.stack,
        },
      },
    ],
    passed: 0,
    failed: 1,
    pending: 0,
    metrics: {},
  };
}

/**
 * @param {import('./scenarios.mjs').Scenario} scenario
 * @param {{ browser: import('playwright-core').Browser, hostTests?: boolean, uiTests?: boolean,
 *   windows?: number, onHostResults?: (results: object) => void }} options
 *   windows: how many fresh windows run the host suite in turn (the bench uses several);
 *   onHostResults: called with each window's results as they arrive, and with the failure of a
 *   scenario that broke down (no results, timeout, code-server not starting).
 * @returns {Promise<{ host: object[], ui: { passed: number, failed: number, failures: object[] } | undefined }>}
 */
export async function runScenario(scenario, options) {
  const timeoutMs =
    scenario.timeoutMs ?? Number(process.env.COORDINATOR_SCENARIO_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `coordinator-${scenario.name}-`));
  const removeTemp = onCleanup(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  const logsDir = path.join(artifactsDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  const pages = [];
  let codeServer;
  const outcome = { host: [], ui: undefined };

  const body = async () => {
    const parent = path.join(tempDir, 'workspace');
    fs.mkdirSync(parent);
    const workspace = scenario.workspace(parent);
    const resultsFile = path.join(tempDir, 'results.json');
    codeServer = await startCodeServer({
      folder: workspace,
      trusted: !scenario.untrusted,
      stateDir: path.join(tempDir, 'code-server'),
      logFile: path.join(logsDir, `${scenario.name}-code-server.log`),
      env: {
        [HostEnv.results]: resultsFile,
        [HostEnv.files]: scenario.hostTests.join(','),
        [HostEnv.grep]: scenario.grep ?? '',
        COORDINATOR_SCENARIO: JSON.stringify({
          name: scenario.name,
          untrusted: scenario.untrusted === true,
        }),
        ...scenario.env,
      },
      ...(scenario.settings ? { settings: scenario.settings } : {}),
    });

    const runHost = options.hostTests !== false && scenario.hostTests.length > 0;
    for (let window = 0; runHost && window < (options.windows ?? 1); window++) {
      fs.rmSync(resultsFile, { force: true });
      const url = workbenchUrl({
        baseUrl: codeServer.url,
        folder: workspace,
        extensionPath: hostSuiteExtensionDir(scenario),
        testsPath: hostTestsBundle,
      });
      const opened = await openWorkbench(options.browser, url);
      pages.push(opened);
      const results = await waitForResults(resultsFile, () => undefined, Date.now() + timeoutMs);
      await opened.close();
      if (!results) {
        throw new Error(
          `no host results within ${timeoutMs} ms (see artifacts/logs/${scenario.name}-code-server.log)`,
        );
      }
      outcome.host.push(results);
      options.onHostResults?.(results);
    }

    if (options.uiTests !== false && scenario.uiTests?.length) {
      const url = workbenchUrl({ baseUrl: codeServer.url, folder: workspace });
      const opened = await openWorkbench(options.browser, url);
      pages.push(opened);
      outcome.ui = await runUiTests({
        page: opened.page,
        files: scenario.uiTests,
        scenario: scenario.name,
        workspace,
        screenshotsDir,
      });
    }
  };

  const running = body();
  try {
    await withDeadline(
      running,
      timeoutMs,
      `scenario "${scenario.name}" did not finish within ${timeoutMs} ms`,
    );
  } catch (error) {
    const failure = scenarioFailure(scenario.name, error);
    outcome.host.push(failure);
    options.onHostResults?.(failure);
    // A body cut off by the deadline may still be starting code-server: stop it when it does.
    running.then(
      () => codeServer?.stop(),
      () => codeServer?.stop(),
    );
  } finally {
    for (const page of pages) {
      await page.close().catch(() => undefined);
    }
    await codeServer?.stop();
    await removeTemp();
  }
  return outcome;
}
