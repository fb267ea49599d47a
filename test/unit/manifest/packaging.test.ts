import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** The `!pattern` lines of .vscodeignore: what the .vsix ships (everything else is ignored). */
function shippedPatterns(): string[] {
  return readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1));
}

function ships(file: string, patterns: string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : pattern === file,
  );
}

describe('.vsix contents', () => {
  it('ships every bundle esbuild.js writes to dist/, and nothing from src/ or test/', () => {
    const outfiles = [
      ...readFileSync(path.join(root, 'esbuild.js'), 'utf8').matchAll(/outfile: '([^']+)'/g),
    ]
      .map((match) => match[1])
      .filter((file) => file.startsWith('dist/'));
    assert.ok(outfiles.length >= 4, `found the bundles: ${outfiles.join(', ')}`);
    const patterns = shippedPatterns();
    for (const file of outfiles) {
      assert.ok(
        ships(file, patterns),
        `${file} is built but left out of the .vsix by .vscodeignore`,
      );
    }
    assert.ok(!patterns.some((p) => p.startsWith('src') || p.startsWith('test')));
  });

  it('ships the package.json entry points and the JSON Schema it contributes', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const patterns = shippedPatterns();
    const entries = [
      pkg.main,
      pkg.bin.coord,
      ...pkg.contributes.jsonValidation.map((v: { url: string }) => v.url),
    ];
    for (const entry of entries) {
      const file = path.posix.normalize(entry);
      assert.ok(ships(file, patterns), `${file} is referenced by package.json but not shipped`);
    }
  });
});
