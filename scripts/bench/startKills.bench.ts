/**
 * The start-task kill test of `npm test` with more trials: `kill -9` at random moments of
 * `coord start`, then a second start must complete each one. Prints the seed and how many
 * kills left a state the next start could not repair (must be 0).
 * Run: `node --import tsx scripts/bench/startKills.bench.ts [--trials N]` (FAULT_SEED=n replays).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const at = process.argv.indexOf('--trials');
const trials = at >= 0 ? (process.argv[at + 1] ?? '300') : '300';

const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--no-config',
    '--node-option',
    'import=tsx',
    '--extension',
    'ts',
    '--timeout',
    '0',
    '--grep',
    'kill -9 at random moments',
    'test/unit/faults/start.test.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FAULT_START_TRIALS: trials } },
);
process.exitCode = result.status ?? 1;
