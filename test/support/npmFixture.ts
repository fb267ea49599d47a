import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** This repository's own lock file: its entries are in the machine's npm cache after `npm ci`. */
const PROJECT_LOCK = resolve(__dirname, '../../package-lock.json');

interface LockEntry {
  version: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Writes a `package.json` and `package-lock.json` for `roots` (package names this repository
 * depends on, directly or not) and their dependencies, with the exact versions, tarballs and
 * integrity of this repository's lock, so `npm ci --offline` installs them from the npm cache.
 */
export function writeNpmProject(folder: string, roots: readonly string[]): string[] {
  const lock = JSON.parse(readFileSync(PROJECT_LOCK, 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const packages: Record<string, unknown> = {};
  const pending = roots.map((name) => `node_modules/${name}`);
  const names: string[] = [];
  while (pending.length > 0) {
    const key = pending.shift() as string;
    if (packages[key]) {
      continue;
    }
    const entry = lock.packages[key];
    if (!entry) {
      throw new Error(`${key} is not in this repository's lock`);
    }
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...kept } = entry;
    packages[key] = kept;
    names.push(key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    for (const dependency of [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys((entry.optionalDependencies as Record<string, string>) ?? {}),
    ]) {
      const found = installedAt(lock.packages, key, dependency);
      if (found) {
        pending.push(found);
      } else if (!entry.optionalDependencies) {
        throw new Error(`${dependency} of ${key} is not in this repository's lock`);
      }
    }
  }
  const dependencies = Object.fromEntries(
    roots.map((name) => [name, lock.packages[`node_modules/${name}`].version]),
  );
  const manifest = { name: 'fixture', version: '1.0.0', private: true, dependencies };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(folder, 'package-lock.json'),
    `${JSON.stringify(
      {
        name: 'fixture',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: { '': manifest, ...packages },
      },
      null,
      2,
    )}\n`,
  );
  return names;
}

/** Where Node finds `dependency` from the package at lock key `from`: its own node_modules, then up. */
function installedAt(
  packages: Record<string, LockEntry>,
  from: string,
  dependency: string,
): string | undefined {
  let base = from;
  for (;;) {
    const key = `${base}/node_modules/${dependency}`;
    if (packages[key]) {
      return key;
    }
    const up = base.lastIndexOf('/node_modules/');
    if (up < 0) {
      return packages[`node_modules/${dependency}`] ? `node_modules/${dependency}` : undefined;
    }
    base = base.slice(0, up);
  }
}

/** Runs npm offline in `folder` (no scripts, audit or funding calls); throws with npm's output. */
export function npm(folder: string, args: readonly string[]): string {
  return execFileSync(
    'npm',
    [...args, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Every entry under `root` with its kind and a hash of its bytes (or link text): equal trees, equal maps. */
export function treeDigest(root: string): Map<string, string> {
  const digest = new Map<string, string>();
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      const stats = lstatSync(path);
      if (stats.isDirectory()) {
        digest.set(relative, `dir ${stats.mode & 0o7777}`);
        walk(path, relative);
      } else if (stats.isSymbolicLink()) {
        digest.set(relative, `link ${readlinkSync(path)}`);
      } else {
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        digest.set(relative, `file ${stats.mode & 0o7777} ${hash}`);
      }
    }
  };
  walk(root, '');
  return digest;
}
