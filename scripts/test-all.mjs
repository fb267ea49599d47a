// `npm test`: unit tests, then the real-VS-Code host and UI tests on each tested VS Code (the
// engines minimum, then the newest), one after the other. Each stage prints its time; the last
// line is always "N passed, N failed" over all of them; the exit code is non-zero when anything
// failed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VSCODE_ENV, VSCODE_TARGETS, describeVsCode } from './vscode/versions.mjs';

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

/**
 * Counts and failed titles from a stage's summary file; a stage that crashed before writing one
 * counts as one failure.
 */
function readCounts(label, file, exitCode) {
  if (!fs.existsSync(file)) {
    console.error(`${label}: no results (exit ${exitCode})`);
    return {
      passed: 0,
      failed: 1,
      failures: [{ title: label, message: `no results (exit ${exitCode})` }],
    };
  }
  const { passed, failed, failures = [] } = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (exitCode !== 0 && failed === 0) {
    console.error(`${label}: exited with ${exitCode} although no test failed`);
    const message = `exited with ${exitCode} although no test failed`;
    return { passed, failed: 1, failures: [{ title: label, message }] };
  }
  return { passed, failed, failures };
}

/** Each failed test's title and first line again, next to the totals, where a cut log keeps them. */
function printFailedTests(stages) {
  const failed = stages.flatMap((stage) =>
    (stage.failures ?? []).map((failure) => ({ stage: stage.name, ...failure })),
  );
  if (failed.length === 0) {
    return;
  }
  console.log('\nfailed tests:');
  for (const { stage, title, message } of failed) {
    console.log(`  ${stage}: ${title}: ${String(message).split('\n')[0].slice(0, 300)}`);
  }
}

/** The type check and the linter, each counted as one test. */
async function runStaticChecks() {
  const counts = { passed: 0, failed: 0, failures: [] };
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
    if (code !== 0) {
      counts.failures.push({ title: label, message: `exit ${code}` });
    }
  }
  return counts;
}

const secondsSince = (started) => Math.round((Date.now() - started) / 1000);

/** The host and UI suites on one VS Code; the first run builds the test bundle for all. */
async function runHostSuite(target, build) {
  const started = Date.now();
  const label = `extension host and UI tests on ${describeVsCode(target)}`;
  const summary = path.join(work, `host-${target.name}.json`);
  const exitCode = await run(
    label,
    [
      '--import',
      'tsx',
      path.join(root, 'scripts', 'vscode', 'run-host-tests.mjs'),
      '--summary',
      summary,
      ...(build ? [] : ['--no-build']),
    ],
    { [VSCODE_ENV]: target.name },
  );
  const counts = readCounts(`host tests on ${describeVsCode(target)}`, summary, exitCode);
  const seconds = secondsSince(started);
  console.log(`  ${label}: ${seconds} s`);
  return { name: `host on ${describeVsCode(target)}`, ...counts, seconds };
}

async function main() {
  const started = Date.now();
  const stages = [];

  const checksStarted = Date.now();
  stages.push({
    name: 'checks',
    ...(await runStaticChecks()),
    seconds: secondsSince(checksStarted),
  });

  const unitStarted = Date.now();
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
  stages.push({ name: 'unit', ...unit, seconds: secondsSince(unitStarted) });
  console.log(`  unit tests: ${stages.at(-1).seconds} s`);

  for (const [index, target] of VSCODE_TARGETS.entries()) {
    stages.push(await runHostSuite(target, index === 0));
  }

  const passed = stages.reduce((sum, stage) => sum + stage.passed, 0);
  const failed = stages.reduce((sum, stage) => sum + stage.failed, 0);
  printFailedTests(stages);
  console.log('');
  for (const stage of stages) {
    console.log(
      `${stage.name}: ${stage.passed} passed, ${stage.failed} failed, ${stage.seconds} s`,
    );
  }
  console.log(`total: ${secondsSince(started)} s`);
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
