import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Bundles the CLI and the fault tests' child scripts from source, as `npm run build` does, so each
 * child starts as plain node in a few tens of milliseconds. Returns the bundle file of each entry.
 */
export async function bundleForFaults<Name extends string>(
  entries: Record<Name, string>,
): Promise<{ dir: string; files: Record<Name, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'coord-fault-bundle-'));
  const entryPoints: Record<string, string> = {};
  const files = {} as Record<Name, string>;
  for (const [name, source] of Object.entries(entries) as [Name, string][]) {
    entryPoints[name] = join(ROOT, source);
    files[name] = join(dir, `${name}.js`);
  }
  await build({
    entryPoints,
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return { dir, files };
}
