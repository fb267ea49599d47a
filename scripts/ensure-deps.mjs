// Runs `npm ci` when node_modules is missing or does not hold what package-lock.json names, so
// that `npm run demo` and `npm test` are the only commands a fresh clone needs. Node built-ins only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

const readPackages = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).packages ?? {};

/**
 * Compares versions with npm's record of what it installed, not file times: a checkout or a new
 * worktree gives package-lock.json a new time without changing what it names.
 */
function upToDate() {
  if (!fs.existsSync(installed)) {
    return false;
  }
  const wanted = readPackages(lock);
  const have = readPackages(installed);
  return Object.entries(wanted).every(
    ([where, entry]) => where === '' || entry.optional || have[where]?.version === entry.version,
  );
}

if (!upToDate()) {
  console.log('Installing dependencies (npm ci)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm ci failed; fix the error above and run the command again.');
    process.exit(result.status ?? 1);
  }
}
