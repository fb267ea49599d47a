// `npm run bench [-- NAME...] [-- --no-host]`: release bundles (plus the host test bundle), then every
// scripts/bench/*.bench.ts in turn with `node --import tsx`. Scripts that measure inside a real
// VS Code get `--host` unless `--no-host` is given. Each prints its own figures; this prints which failed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = path.join(root, 'scripts', 'bench');

execFileSync(process.execPath, ['esbuild.js', '--production', '--tests'], {
  cwd: root,
  stdio: 'inherit',
});

const host = !process.argv.includes('--no-host');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = fs
  .readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();

const failed = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(benchDir, file), ...(host ? ['--host'] : [])],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    failed.push(file);
  }
}
console.log(
  `\n${files.length - failed.length} of ${files.length} benchmarks ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
