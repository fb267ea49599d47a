// `npm run test:electron`: the same host suite (out/host-extension/test/index.js) in desktop VS Code, which
// @vscode/test-electron downloads. Needs internet; on machines without it use `npm run test:host`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { HostEnv, hostSuiteExtensionDir, hostTestsBundle } from '../../scripts/vscode/paths.mjs';
import { scenarios } from '../../scripts/vscode/scenarios.mjs';

async function runScenario(scenario, tempDir) {
  const parent = path.join(tempDir, scenario.name);
  fs.mkdirSync(parent, { recursive: true });
  const workspace = scenario.workspace(parent);
  const resultsFile = path.join(tempDir, `${scenario.name}.json`);
  await runTests({
    extensionDevelopmentPath: hostSuiteExtensionDir(scenario),
    extensionTestsPath: hostTestsBundle,
    launchArgs: [
      workspace,
      '--disable-extensions',
      ...(scenario.untrusted ? [] : ['--disable-workspace-trust']),
      `--user-data-dir=${path.join(tempDir, `${scenario.name}-user-data`)}`,
    ],
    extensionTestsEnv: {
      [HostEnv.results]: resultsFile,
      [HostEnv.files]: scenario.hostTests.join(','),
      [HostEnv.grep]: scenario.grep ?? '',
      COORDINATOR_SCENARIO: JSON.stringify({
        name: scenario.name,
        untrusted: scenario.untrusted === true,
      }),
    },
  });
  return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coordinator-electron-'));
let passed = 0;
let failed = 0;
try {
  for (const scenario of scenarios.filter((s) => s.hostTests.length > 0)) {
    try {
      const results = await runScenario(scenario, tempDir);
      passed += results.passed;
      failed += results.failed;
    } catch (error) {
      // runTests rejects when run() reported failures; the results file still has the counts.
      const file = path.join(tempDir, `${scenario.name}.json`);
      const results = fs.existsSync(file)
        ? JSON.parse(fs.readFileSync(file, 'utf8'))
        : { passed: 0, failed: 1 };
      console.error(`[${scenario.name}] ${error instanceof Error ? error.message : String(error)}`);
      passed += results.passed;
      failed += Math.max(results.failed, 1);
    }
  }
} finally {
  fs.rmSync(tempDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
