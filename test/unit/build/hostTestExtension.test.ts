// The host tests' build of the extension (out/host-extension/): the shipped manifest with the test
// entry as `main`, and links to everything else the extension reads through its extension path.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface HostTestExtensionModule {
  HOST_TEST_EXTENSION_DIR: string;
  HOST_TESTS_BUNDLE: string;
  prepareHostTestExtension(root: string): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build scripts are CommonJS
const build = require('../../../scripts/esbuild/hostTestExtension.js') as HostTestExtensionModule;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('the host-test build of the extension', () => {
  let root: string;
  let dir: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(tmpdir(), 'coord-host-extension-'));
    dir = path.join(root, build.HOST_TEST_EXTENSION_DIR);
    write(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'agent-coordinator', main: './dist/extension.js', contributes: {} }),
    );
    for (const file of ['extension.js', 'extension.js.map', 'cli.js', 'webview/dashboard.js']) {
      write(path.join(root, 'dist', file), `// ${file}`);
    }
    write(path.join(root, 'media', 'icon.svg'), '<svg/>');
    write(path.join(root, 'README.md'), '# readme');
    // What esbuild writes before the folder is prepared: the test entry and the suite.
    write(path.join(dir, 'dist', 'testEntry.js'), '// test entry');
    write(path.join(root, build.HOST_TESTS_BUNDLE), '// suite');
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps the manifest but points main at the test entry', () => {
    build.prepareHostTestExtension(root);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name: string;
      main: string;
      contributes: object;
    };
    assert.equal(manifest.main, './dist/testEntry.js');
    assert.equal(manifest.name, 'agent-coordinator');
    assert.deepEqual(manifest.contributes, {});
    assert.equal(fs.readFileSync(path.join(dir, manifest.main), 'utf8'), '// test entry');
  });

  it("links dist's other bundles and assets and the files beside dist, never the shipped entry", () => {
    build.prepareHostTestExtension(root);
    assert.equal(fs.readFileSync(path.join(dir, 'dist', 'cli.js'), 'utf8'), '// cli.js');
    assert.equal(
      fs.readFileSync(path.join(dir, 'dist', 'webview', 'dashboard.js'), 'utf8'),
      '// webview/dashboard.js',
    );
    assert.equal(fs.readFileSync(path.join(dir, 'media', 'icon.svg'), 'utf8'), '<svg/>');
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), '# readme');
    assert.ok(fs.lstatSync(path.join(dir, 'dist', 'cli.js')).isSymbolicLink());
    assert.ok(!fs.existsSync(path.join(dir, 'dist', 'extension.js')));
    assert.ok(!fs.existsSync(path.join(dir, 'dist', 'extension.js.map')));
    assert.ok(!fs.existsSync(path.join(dir, 'LICENSE')), 'a file the project lacks is not linked');
  });

  it('can be prepared again over an earlier build, following what dist/ holds now', () => {
    build.prepareHostTestExtension(root);
    fs.rmSync(path.join(root, 'dist', 'cli.js'));
    write(path.join(root, 'dist', 'mcp.js'), '// mcp.js');
    build.prepareHostTestExtension(root);
    assert.equal(fs.readFileSync(path.join(dir, 'dist', 'mcp.js'), 'utf8'), '// mcp.js');
    assert.throws(
      () => fs.lstatSync(path.join(dir, 'dist', 'cli.js')),
      'no link to a removed bundle',
    );
    assert.equal(fs.readFileSync(path.join(dir, 'dist', 'testEntry.js'), 'utf8'), '// test entry');
    assert.equal(fs.readFileSync(path.join(root, build.HOST_TESTS_BUNDLE), 'utf8'), '// suite');
  });
});
