// Prints results in the shape of mocha's spec reporter.

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = (text) => paint(32, text);
export const red = (text) => paint(31, text);
export const dim = (text) => paint(90, text);
export const cyan = (text) => paint(36, text);

/**
 * A failure kept for the summary at the end.
 * @typedef {{ title: string, message: string, stack?: string }} Failure
 */

/** Prints one scenario's host results grouped by describe blocks; returns its failures. */
export function printHostResults(scenario, results) {
  /** @type {Failure[]} */
  const failures = [];
  console.log(`\n  ${cyan(`[${scenario}]`)} extension host`);
  let lastGroup = '';
  for (const test of results.tests) {
    const group = test.titlePath.slice(0, -1).join(' › ');
    if (group !== lastGroup) {
      console.log(`    ${group}`);
      lastGroup = group;
    }
    const duration = test.durationMs === undefined ? '' : dim(` (${test.durationMs}ms)`);
    if (test.state === 'passed') {
      console.log(`      ${green('✔')} ${test.title}${duration}`);
    } else if (test.state === 'pending') {
      console.log(`      ${cyan('-')} ${test.title}`);
    } else {
      failures.push({
        title: `[${scenario}] ${test.titlePath.join(' › ')}`,
        message: test.error?.message ?? 'failed',
        stack: test.error?.stack,
      });
      console.log(`      ${red(`✖ ${test.title}`)}`);
    }
  }
  if (results.tests.length === 0) {
    console.log(dim('    (no tests selected)'));
  }
  return failures;
}

/** @param {Failure[]} failures */
export function printFailures(failures) {
  failures.forEach((failure, index) => {
    console.log(`\n  ${index + 1}) ${failure.title}`);
    console.log(red(`     ${failure.message.split('\n').join('\n     ')}`));
    if (failure.stack) {
      const frames = failure.stack
        .split('\n')
        .filter((line) => line.trim().startsWith('at '))
        .slice(0, 6);
      console.log(dim(frames.map((line) => `     ${line.trim()}`).join('\n')));
    }
  });
}
