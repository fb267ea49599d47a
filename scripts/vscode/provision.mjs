// Installs what a real VS Code needs on this kind of machine, once: Debian packages, a seeded
// ripgrep cache and code-server in its own prefix under .vscode-test/. Idempotent.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_VERSION,
  RIPGREP_CACHE_ARCHIVE,
  chromiumPath,
  codeServerBin,
  codeServerPrefix,
  provisionedMarker,
} from './paths.mjs';

const APT_PACKAGES = [
  { pkg: 'chromium', present: () => fs.existsSync(chromiumPath) },
  { pkg: 'ripgrep', present: () => fs.existsSync('/usr/bin/rg') },
  { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') },
  { pkg: 'git', present: () => commandExists('git') },
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

function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
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

/** node-gyp would download Node's headers; point it at the installed ones when they exist. */
function nodeHeadersEnv() {
  const prefix = path.dirname(path.dirname(process.execPath));
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))
    ? { npm_config_nodedir: prefix }
    : {};
}

function installCodeServer() {
  fs.mkdirSync(codeServerPrefix, { recursive: true });
  const manifest = {
    name: 'coordinator-code-server-host',
    private: true,
    description:
      'Private prefix holding code-server for the real-VS-Code tests; not part of the project.',
    allowScripts: Object.fromEntries(ALLOWED_SCRIPTS.map((name) => [name, true])),
  };
  fs.writeFileSync(
    path.join(codeServerPrefix, 'package.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  log(`npm install code-server@${CODE_SERVER_VERSION} (about a minute)`);
  const result = spawnSync(
    'npm',
    ['install', '--unsafe-perm', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: codeServerPrefix,
      stdio: 'inherit',
      env: {
        ...process.env,
        ...nodeHeadersEnv(),
        npm_config_yes: 'true',
        // Nested installs run by code-server's postinstall have no allowScripts of their own.
        npm_config_dangerously_allow_all_scripts: 'true',
      },
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status}).`,
    );
  }
}

const NATIVE_MODULES = [
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
  'lib/vscode/node_modules/@parcel/watcher-linux-x64-glibc/watcher.node',
  'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
];

/** Throws when the install looks complete on disk but would not run VS Code. */
function verifyCodeServer() {
  const packageDir = path.join(codeServerPrefix, 'node_modules', 'code-server');
  const missing = NATIVE_MODULES.filter((rel) => !fs.existsSync(path.join(packageDir, rel)));
  if (missing.length > 0) {
    throw new Error(
      `code-server installed without its native modules (${missing.join(', ')}); its install scripts did not run.`,
    );
  }
  const output = execFileSync(
    process.execPath,
    [codeServerBin, '--config', codeServerConfig(), '--version'],
    {
      encoding: 'utf8',
    },
  );
  const version = output.split('\n').find((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
  if (!version) {
    throw new Error(
      `code-server --version printed "${output.trim()}", expected ${CODE_SERVER_VERSION}.`,
    );
  }
  return version;
}

/** An empty config file of our own, so code-server never writes one into the user's home. */
export function codeServerConfig() {
  const file = path.join(codeServerPrefix, 'config.yaml');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(codeServerPrefix, { recursive: true });
    fs.writeFileSync(
      file,
      '# Most options are passed on the command line by scripts/vscode.\nauth: none\n',
    );
  }
  return file;
}

export function isProvisioned() {
  return (
    fs.existsSync(provisionedMarker) &&
    fs.readFileSync(provisionedMarker, 'utf8').trim() === CODE_SERVER_VERSION
  );
}

/** Makes sure code-server and Chromium are ready; returns the paths the driver needs. */
export function provision() {
  ensureAptPackages();
  if (!isProvisioned()) {
    seedRipgrepCache();
    installCodeServer();
    const version = verifyCodeServer();
    fs.writeFileSync(provisionedMarker, `${CODE_SERVER_VERSION}\n`);
    log(`code-server ${version} ready`);
  }
  return { codeServerBin, chromiumPath };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { codeServerBin: bin } = provision();
    log(`ok: ${bin}`);
  } catch (error) {
    console.error(`[provision] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
