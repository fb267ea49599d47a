// The host tests' build of the extension: out/host-extension/, the folder the host test runners
// load as the extension under development. Its package.json is the manifest with `main` set to the
// bundle of test/host/extension/testEntry.ts (the same features, composed with UI ports the tests
// answer); everything else the extension reads through its extension path (dist/'s other bundles,
// the dashboard's assets, the schema, media/) is a symlink to the project's own. The shipped
// extension (`npm run package`, `npm run demo`, the UI tests) never sees this folder.
const fs = require('node:fs');
const path = require('node:path');

const HOST_TEST_EXTENSION_DIR = path.join('out', 'host-extension');
const TEST_ENTRY_MAIN = 'dist/testEntry.js';
/**
 * The host suite's bundle (test/host/index.ts) lives inside this folder, three levels below the
 * project like its source: VS Code gives a module the `vscode` API object of the extension whose
 * folder holds it, and the tests patch that object's `window` to answer modal dialogs.
 */
const HOST_TESTS_BUNDLE = path.join(HOST_TEST_EXTENSION_DIR, 'test', 'index.js');
/** The shipped entry bundle, which the host-test build replaces. */
const SHIPPED_MAIN = /^extension\.js(\.map)?$/;
/** What the manifest and the .vsix name beside dist/ (see .vscodeignore). */
const LINKED_BESIDE_DIST = ['media', 'docs', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** The esbuild target of the test entry, built like the shipped extension bundle `shipped`. */
function testEntryTarget(shipped) {
  return {
    ...shipped,
    entryPoints: ['test/host/extension/testEntry.ts'],
    outfile: path.join(HOST_TEST_EXTENSION_DIR, TEST_ENTRY_MAIN),
  };
}

function link(target, at) {
  fs.symlinkSync(path.relative(path.dirname(at), target), at);
}

/** Writes the folder's manifest and links; run after dist/ and the test entry are built. */
function prepareHostTestExtension(root = process.cwd()) {
  const dir = path.join(root, HOST_TEST_EXTENSION_DIR);
  const dist = path.join(dir, 'dist');
  for (const entry of fs.readdirSync(dist)) {
    if (fs.lstatSync(path.join(dist, entry)).isSymbolicLink()) {
      fs.rmSync(path.join(dist, entry));
    }
  }
  for (const entry of fs.readdirSync(path.join(root, 'dist'))) {
    if (!SHIPPED_MAIN.test(entry)) {
      link(path.join(root, 'dist', entry), path.join(dist, entry));
    }
  }
  for (const entry of LINKED_BESIDE_DIST) {
    fs.rmSync(path.join(dir, entry), { force: true });
    if (fs.existsSync(path.join(root, entry))) {
      link(path.join(root, entry), path.join(dir, entry));
    }
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  manifest.main = `./${TEST_ENTRY_MAIN}`;
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

module.exports = {
  HOST_TEST_EXTENSION_DIR,
  HOST_TESTS_BUNDLE,
  testEntryTarget,
  prepareHostTestExtension,
};
