/**
 * Release bundle sizes against the 250 KB target, and the extension's activation time in the real
 * extension host (median of 5 fresh code-server windows) against a 50 ms budget.
 * Run: `node esbuild.js --production --tests && node --import tsx scripts/bench/foundation.bench.ts`
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../..');
const BUNDLE_TARGET_BYTES = 250 * 1024;
const ACTIVATION_BUDGET_MS = 50;
const WINDOWS = 5;

const BUNDLES = [
  ['extension', 'dist/extension.js'],
  ['github (loaded on first use)', 'dist/github.js'],
  ['snapshots (loaded on first capture)', 'dist/snapshots.js'],
  ['cli', 'dist/coord.js'],
  ['webview', 'dist/webview/dashboard.js'],
] as const;

interface ActivationProbe {
  measureActivation(windows: number): Promise<number[]>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}x`;
}

function printBundleSizes(): void {
  for (const [name, relative] of BUNDLES) {
    const file = path.join(root, relative);
    if (!existsSync(file)) {
      console.log(`bundle ${name}: missing (${relative})`);
      continue;
    }
    const bytes = statSync(file).size;
    const size = `bundle ${name}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB, minified)`;
    if (name !== 'extension') {
      console.log(size);
      continue;
    }
    // Only the bundle loaded at activation has a size target.
    const verdict = bytes <= BUNDLE_TARGET_BYTES ? 'within' : 'OVER';
    console.log(`${size}, ${ratio(bytes, BUNDLE_TARGET_BYTES)} of the 250 KB target, ${verdict}`);
  }
}

async function printActivation(): Promise<void> {
  const probeModule = pathToFileURL(path.join(root, 'scripts/vscode/measure-activation.mjs')).href;
  const probe = (await import(probeModule)) as ActivationProbe;
  const samples = await probe.measureActivation(WINDOWS);
  if (samples.length === 0) {
    throw new Error('no activation time was recorded');
  }
  const value = median(samples);
  console.log(
    `activation (activate() body, real extension host): median ${value.toFixed(2)} ms of ${samples.length} fresh windows ` +
      `[${samples.map((s) => s.toFixed(2)).join(', ')}], ${ratio(value, ACTIVATION_BUDGET_MS)} of the ${ACTIVATION_BUDGET_MS} ms budget`,
  );
}

async function main(): Promise<void> {
  printBundleSizes();
  await printActivation();
}

main().catch((error: unknown) => {
  console.error(`foundation bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
