// Locations and versions shared by provisioning, the test driver, the demo and the bench.
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(projectRoot, '.vscode-test');
export const artifactsDir = path.join(projectRoot, 'artifacts');
export const screenshotsDir = path.join(artifactsDir, 'screenshots');

export const CODE_SERVER_VERSION = '4.99.4';
export const codeServerPrefix = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = path.join(
  codeServerPrefix,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
export const provisionedMarker = path.join(codeServerPrefix, '.provisioned');

export const RIPGREP_CACHE_ARCHIVE = path.join(
  os.tmpdir(),
  'vscode-ripgrep-cache-1.15.11',
  'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
);

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const fixturesDir = path.join(projectRoot, 'test', 'fixtures');
export const hostTestsBundle = path.join(projectRoot, 'out', 'test', 'host', 'index.js');
export const hostSuiteDir = path.join(projectRoot, 'test', 'host', 'suite');
export const uiTestsDir = path.join(projectRoot, 'test', 'ui');

/** Environment variables the extension-host suite reads (set on code-server, inherited by its extension host). */
export const HostEnv = {
  results: 'COORDINATOR_TEST_RESULTS',
  files: 'COORDINATOR_TEST_FILES',
  grep: 'COORDINATOR_TEST_GREP',
};
