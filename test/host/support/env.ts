/**
 * Environment variables the driver sets on code-server (the extension host inherits them).
 * Keep in step with HostEnv in scripts/vscode/paths.mjs.
 */
export const HostEnv = {
  /** Absolute path the results JSON is written to. */
  results: 'COORDINATOR_TEST_RESULTS',
  /** Comma-separated suite file names (`foundation` for suite/foundation.test.ts); all when unset. */
  files: 'COORDINATOR_TEST_FILES',
  /** Mocha grep over full titles. */
  grep: 'COORDINATOR_TEST_GREP',
  /** JSON `{ name, untrusted }` of the scenario being run. */
  scenario: 'COORDINATOR_SCENARIO',
} as const;
