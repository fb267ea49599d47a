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
  const pending = [...roots];
  const names: string[] = [];
  while (pending.length > 0) {
    const name = pending.shift() as string;
    if (packages[`node_modules/${name}`]) {
      continue;
    }
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry) {
      throw new Error(`${name} is not at the top of this repository's node_modules`);
    }
    const {
      dev: _dev,
      devOptional: _devOptional,
      peer: _peer,
      optional: _optional,
      ...kept
    } = entry;
    packages[`node_modules/${name}`] = kept;
    names.push(name);
    pending.push(...Object.keys(entry.dependencies ?? {}));
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
