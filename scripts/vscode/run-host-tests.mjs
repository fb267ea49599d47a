// `npm run test:host [-- scenario...] [--summary FILE] [--no-build]`: runs every scenario of
// scenarios.mjs in a real VS Code (code-server + headless Chromium) and prints the results.
// COORDINATOR_VSCODE=newest runs them on the newest tested VS Code instead of the minimum.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { runAllCleanups } from './cleanup.mjs';
import { projectRoot } from './paths.mjs';
import { provision } from './provision.mjs';
import { green, printFailures, printHostResults, red } from './report.mjs';
import { runScenario } from './scenario-run.mjs';
import { scenarios } from './scenarios.mjs';
import { describeVsCode } from './versions.mjs';

export function buildWithTests() {
  execFileSync(process.execPath, ['esbuild.js', '--tests'], { cwd: projectRoot, stdio: 'inherit' });
}

/**
 * Runs the named scenarios (all when `names` is empty).
 * @returns {Promise<{ passed: number, failed: number, failures: import('./report.mjs').Failure[] }>}
 */
export async function runHostTests({ names = [], build = true } = {}) {
  const unknown = names.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown scenario(s): ${unknown.join(', ')}. Known: ${scenarios.map((s) => s.name).join(', ')}`,
    );
  }
  const selected = names.length === 0 ? scenarios : scenarios.filter((s) => names.includes(s.name));
  const { target } = provision();
  console.log(`\n  ${describeVsCode(target)}`);
  if (build) {
    buildWithTests();
  }
  const { browser, close } = await launchBrowser();
  let passed = 0;
  const failures = [];
  try {
    for (const scenario of selected) {
      const print = (results) => {
        failures.push(...printHostResults(scenario.name, results));
        passed += results.passed;
      };
      const outcome = await runScenario(scenario, { browser, onHostResults: print });
      if (outcome.ui) {
        passed += outcome.ui.passed;
        failures.push(...outcome.ui.failures);
      }
    }
  } finally {
    await close();
  }
  printFailures(failures);
  const failed = failures.length;
  console.log(
    `\n  host: ${green(`${passed} passing`)}${failed > 0 ? `, ${red(`${failed} failing`)}` : ''}`,
  );
  return { passed, failed, failures };
}

function parseArgs(argv) {
  const options = { names: [], build: true, summary: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--summary') {
      options.summary = argv[++i];
    } else if (argv[i] === '--no-build') {
      options.build = false;
    } else {
      options.names.push(argv[i]);
    }
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2));
  let exitCode = 1;
  try {
    const { passed, failed, failures } = await runHostTests(options);
    if (options.summary) {
      fs.writeFileSync(options.summary, JSON.stringify({ passed, failed, failures }));
    }
    exitCode = failed === 0 ? 0 : 1;
  } catch (error) {
    console.error(red(`test:host: ${error instanceof Error ? error.message : String(error)}`));
  } finally {
    await runAllCleanups();
  }
  process.exit(exitCode);
}
