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

describe('Marketplace listing', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

  it('has a 128×128 PNG icon that the .vsix ships', () => {
    const png = readFileSync(path.join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(ships(pkg.icon, shippedPatterns()));
  });

  it('names its repository, a gallery banner, categories and keywords', () => {
    assert.match(pkg.repository.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    assert.ok(!pkg.categories.includes('SCM Providers'), 'it provides no source control');
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30);
  });

  it('shows only shipped PNG or JPEG images in the README, never SVG', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src="([^"]+)"/g)].map(
      (match) => match[1] ?? match[2],
    );
    assert.ok(images.length > 0);
    for (const image of images) {
      assert.match(image, /\.(png|jpe?g)$/i, image);
      assert.ok(!/^https?:/.test(image), `${image} is in the repository, not fetched`);
      assert.ok(ships(image, shippedPatterns()), `${image} ships in the .vsix`);
      readFileSync(path.join(root, image));
    }
  });

  it('binds keys only to declared commands, only where there is a plan', () => {
    const declared = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const bindings = pkg.contributes.keybindings as { command: string; when: string }[];
    assert.ok(bindings.length >= 4);
    for (const binding of bindings) {
      assert.ok(declared.has(binding.command), binding.command);
      assert.match(binding.when, /coordinator\.hasTaskFile/);
    }
  });
});
