// Mocha's spec output, plus the counts and the failed tests' titles written as JSON to
// $COORDINATOR_MOCHA_SUMMARY for test-all.
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failed = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error) => {
      failed.push({ title: test.fullTitle(), message: String(error?.message ?? error) });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.COORDINATOR_MOCHA_SUMMARY;
      if (file) {
        const { passes, failures, pending } = runner.stats;
        fs.writeFileSync(
          file,
          JSON.stringify({ passed: passes, failed: failures, pending, failures: failed }),
        );
      }
    });
  }
}

module.exports = SummaryReporter;
