// Runs test/ui/<name>.test.ts with mocha inside the driver process, handing the tests a Workbench
// over the Playwright page. Needs the tsx loader (`node --import tsx`).
import path from 'node:path';
import Mocha from 'mocha';
import { uiTestsDir } from './paths.mjs';
import { selectedVsCode } from './versions.mjs';

const slug = (text) =>
  text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/**
 * @param {{ page: import('playwright-core').Page, files: string[], scenario: string,
 *   workspace: string, screenshotsDir: string }} options
 * @returns {Promise<{ passed: number, failed: number, failures: { title: string, message: string, stack?: string }[] }>}
 */
export async function runUiTests({ page, files, scenario, workspace, screenshotsDir }) {
  const { Workbench } = await import('../../test/ui/support/workbench.ts');
  const { setWorkbench } = await import('../../test/ui/support/context.ts');
  const workbench = new Workbench(page, {
    screenshotsDir,
    scenario,
    workspace,
    notificationToasts: selectedVsCode().notificationToasts,
  });
  setWorkbench(workbench);

  // A failed test leaves a screenshot of the window as it was: artifacts/screenshots/failed-*.png.
  const afterEach = async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench
        .screenshot(`failed-${scenario}-${slug(this.currentTest.title)}`)
        .catch(() => undefined);
    }
  };
  // Browser-driven tests get one more try on a loaded machine; every retry is printed with its cause.
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    retries: 1,
    reporter: 'spec',
    color: process.stdout.isTTY,
    rootHooks: { afterEach },
  });
  for (const name of files) {
    mocha.addFile(path.join(uiTestsDir, `${name}.test.ts`));
  }
  const failures = [];
  let passed = 0;
  try {
    await mocha.loadFilesAsync();
    await new Promise((resolve) => {
      console.log(`\n  [${scenario}] UI (driver)`);
      const runner = mocha.run(resolve);
      runner.on('pass', () => passed++);
      runner.on('retry', (test, error) => {
        console.log(`    ↻ retrying "${test.title}" after: ${error?.message ?? 'failure'}`);
      });
      runner.on('fail', (test, error) => {
        failures.push({
          title: `[${scenario}] ${test.fullTitle()}`,
          message: error.message,
          stack: error.stack,
        });
      });
    });
  } catch (error) {
    failures.push({
      title: `[${scenario}] load UI tests`,
      message: error.message,
      stack: error.stack,
    });
  } finally {
    setWorkbench(undefined);
    mocha.dispose();
  }
  return { passed, failed: failures.length, failures };
}
