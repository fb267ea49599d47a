// Entry point of the extension-host test suite (bundled to out/host-extension/test/index.js). VS Code calls
// run() inside the real extension host, under code-server (scripts/vscode) or @vscode/test-electron.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { HostEnv } from './support/env';
import { collectResults, writeResults } from './support/results';

const SUITE_SUFFIX = '.test.ts';

/** Suite files are found in the source tree; this bundle sits in out/host-extension/test/. */
function allSuiteNames(): string[] {
  const suiteDir = path.resolve(__dirname, '../../../test/host/suite');
  return fs
    .readdirSync(suiteDir)
    .filter((file) => file.endsWith(SUITE_SUFFIX))
    .map((file) => file.slice(0, -SUITE_SUFFIX.length))
    .sort();
}

function selectedSuiteNames(): string[] {
  const requested = process.env[HostEnv.files];
  return requested
    ? requested
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : allSuiteNames();
}

/**
 * esbuild turns this template require into a table of every test/host/suite/*.test.ts file at
 * bundle time, so adding a file to that folder is enough to bundle it.
 */
function loadSuite(mocha: Mocha, name: string): void {
  const file = `suite/${name}${SUITE_SUFFIX}`;
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, file, mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild's glob require, see above
  const exports = require(`./suite/${name}.test.ts`) as unknown;
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_REQUIRE, exports, file, mocha);
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, file, mocha);
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env[HostEnv.grep];
  if (grep) {
    mocha.grep(new RegExp(grep));
  }
  const resultsFile = process.env[HostEnv.results];
  let failures = 0;
  try {
    for (const name of selectedSuiteNames()) {
      loadSuite(mocha, name);
    }
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run();
      const results = collectResults(runner);
      runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
        if (resultsFile) {
          writeResults(resultsFile, results());
        }
        resolve(runner.failures);
      });
    });
  } catch (error) {
    // A suite that does not load is reported as one failed test, never as silence.
    if (resultsFile) {
      writeResults(resultsFile, {
        tests: [
          {
            title: 'load the host suite',
            titlePath: ['load the host suite'],
            file: undefined,
            state: 'failed',
            durationMs: undefined,
            error: {
              message: error instanceof Error ? error.message : String(error),
              stack: (error as Error).stack,
            },
          },
        ],
        passed: 0,
        failed: 1,
        pending: 0,
        metrics: {},
        pid: process.pid,
      });
    }
    throw error;
  }
  if (failures > 0) {
    throw new Error(`${failures} host test(s) failed.`);
  }
}
