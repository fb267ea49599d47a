import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/ensure-deps.mjs');

/** A project with the real script, a lock file, what npm recorded as installed, and an `npm` that only notes it ran. */
function project(installedVersion: string | undefined) {
  const root = mkdtempSync(path.join(tmpdir(), 'ensure-deps-'));
  mkdirSync(path.join(root, 'scripts'));
  copyFileSync(SCRIPT, path.join(root, 'scripts', 'ensure-deps.mjs'));
  const packages = (version: string) => ({
    '': { name: 'p' },
    'node_modules/left-pad': { version },
    'node_modules/fsevents': { version: '2.3.3', optional: true },
  });
  writeFileSync(
    path.join(root, 'package-lock.json'),
    JSON.stringify({ packages: packages('1.3.0') }),
  );
  if (installedVersion) {
    mkdirSync(path.join(root, 'node_modules'));
    const record = { packages: packages(installedVersion) };
    delete (record.packages as Record<string, unknown>)['node_modules/fsevents'];
    writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), JSON.stringify(record));
  }
  const bin = path.join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$@" > "${path.join(root, 'npm-ran')}"\n`);
  chmodSync(path.join(bin, 'npm'), 0o755);
  const run = () =>
    execFileSync(process.execPath, [path.join(root, 'scripts', 'ensure-deps.mjs')], {
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
      encoding: 'utf8',
    });
  return { root, run, npmRan: () => existsSync(path.join(root, 'npm-ran')) };
}

describe('installing dependencies only when needed (npm run demo, npm test)', () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('leaves installed dependencies alone when the lock file is only newer, as after a checkout', () => {
    const installed = project('1.3.0');
    made.push(installed.root);
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(installed.root, 'package-lock.json'), future, future);
    installed.run();
    assert.equal(installed.npmRan(), false);
  });

  it('runs npm ci when a package differs from the lock file, or nothing is installed', () => {
    const stale = project('1.2.0');
    const missing = project(undefined);
    made.push(stale.root, missing.root);
    assert.match(stale.run(), /Installing dependencies/);
    assert.equal(stale.npmRan(), true);
    missing.run();
    assert.equal(missing.npmRan(), true);
  });
});
