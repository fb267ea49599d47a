// `npm run lint:layers`: prints each layer violation on its own line and exits 1 when any.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayers } from './checkLayers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const violations = await checkLayers(root);
for (const line of violations) {
  console.error(line);
}
console.log(
  violations.length === 0 ? 'layers: no violations' : `layers: ${violations.length} violation(s)`,
);
process.exitCode = violations.length === 0 ? 0 : 1;
