// `npm test`: unit tests, then the real-VS-Code host and UI tests. The last line is always
// "N passed, N failed" over both; the exit code is non-zero when anything failed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coordinator-test-all-'));

function run(label, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.once('error', (error) => {
      console.error(`${label}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Counts from a stage's summary file; a stage that crashed before writing one counts as one failure. */
function readCounts(label, file, exitCode) {
  if (!fs.existsSync(file)) {
    console.error(`${label}: no results (exit ${exitCode})`);
    return { passed: 0, failed: 1 };
  }
  const { passed, failed } = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (exitCode !== 0 && failed === 0) {
    console.error(`${label}: exited with ${exitCode} although no test failed`);
    return { passed, failed: 1 };
  }
  return { passed, failed };
}

/** The type check and the linter, each counted as one test. */
async function runStaticChecks() {
  const counts = { passed: 0, failed: 0 };
  const checks = [
    [
      'type check (tsc --noEmit)',
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'],
    ],
    ['lint (eslint)', [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']],
    ['layers (dependency-cruiser)', [path.join(root, 'scripts', 'layers', 'check.mjs')]],
    [
      'format (prettier --check)',
      [
        path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
        '--check',
        '--log-level',
        'warn',
        '.',
      ],
    ],
  ];
  for (const [label, args] of checks) {
    const code = await run(label, args);
    console.log(code === 0 ? `  ✔ ${label}` : `  ✘ ${label} (exit ${code})`);
    counts[code === 0 ? 'passed' : 'failed']++;
  }
  return counts;
}

async function main() {
  const started = Date.now();
  const checks = await runStaticChecks();

  const unitSummary = path.join(work, 'unit.json');
  const unitExit = await run(
    'unit tests',
    [
      path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
      '--reporter',
      path.join(root, 'scripts', 'vscode', 'summary-reporter.cjs'),
    ],
    { COORDINATOR_MOCHA_SUMMARY: unitSummary },
  );
  const unit = readCounts('unit tests', unitSummary, unitExit);

  const hostSummary = path.join(work, 'host.json');
  const hostExit = await run('extension host and UI tests (code-server)', [
    '--import',
    'tsx',
    path.join(root, 'scripts', 'vscode', 'run-host-tests.mjs'),
    '--summary',
    hostSummary,
  ]);
  const host = readCounts('host tests', hostSummary, hostExit);

  const passed = checks.passed + unit.passed + host.passed;
  const failed = checks.failed + unit.failed + host.failed;
  console.log(
    `\nchecks: ${checks.passed} passed, ${checks.failed} failed; unit: ${unit.passed} passed, ${unit.failed} failed; host: ${host.passed} passed, ${host.failed} failed; ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(work, { recursive: true, force: true }));
