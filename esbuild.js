// Builds every bundle: the extension (node), the `coord` CLI (node), the dashboard (browser)
// and, with --tests, the extension-host test suite and the host tests' build of the extension
// (out/host-extension/, see scripts/esbuild/hostTestExtension.js).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { inlineWorker } = require('./scripts/esbuild/inlineWorker');
const {
  HOST_TESTS_BUNDLE,
  prepareHostTestExtension,
  testEntryTarget,
} = require('./scripts/esbuild/hostTestExtension');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

// Node bundles prefer ES modules: jsonc-parser's UMD "main" requires its own files at run time,
// which a bundle cannot resolve once it is installed from the .vsix.
const nodeMainFields = ['module', 'main'];

// The `coord mcp` server (the MCP SDK and its validators, ~1.7 MB unminified) is its own bundle,
// loaded by the CLI bundle only when that command runs, so every other command starts as before.
const mcpServerAsSiblingBundle = {
  name: 'mcp-server-as-sibling-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/stdioServer$/ }, () => ({
      path: './mcp.js',
      external: true,
    }));
  },
};

// `dist/cli.js` is only the `coord` entry: `coord mcp` (one per agent, for hours) requires the
// server's bundle and nothing of the CLI's, whose source V8 would otherwise keep (~2 MB a server
// with what its modules build at load); every other command requires the CLI bundle.
const commandsAsSiblingBundles = {
  name: 'commands-as-sibling-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/main$/ }, () => ({ path: './coord.js', external: true }));
    build.onResolve({ filter: /^\.\.\/mcp\/main$/ }, () => ({ path: './mcp.js', external: true }));
  },
};

// Every agent runs its own `coord mcp`, so what that process loads at start is kept small:
// Octokit (both bundles) comes from `dist/octokit.js` on the first GitHub request, Ajv (used by the
// SDK only to elicit input) from `dist/ajv.js` on its first schema, Node's crypto on its first
// call, zod's error messages in English only, and no zod 3.
const octokitAsSiblingBundle = {
  name: 'octokit-as-sibling-bundle',
  setup(build) {
    build.onResolve({ filter: /^@octokit\/(rest|plugin-throttling|plugin-retry)$/ }, () => ({
      path: './octokit.js',
      external: true,
    }));
  },
};

const ajvOnFirstUse = {
  name: 'ajv-on-first-use',
  setup(build) {
    build.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}@modelcontextprotocol${path.sep}`) &&
      args.importer.includes(`${path.sep}server${path.sep}`)
        ? { path: path.resolve('src/hosts/mcp/ajvOnFirstUse.ts') }
        : undefined,
    );
    // Ajv and its formats (~135 KB minified) are a bundle of their own, so even their source stays
    // out of every server that never elicits input.
    build.onResolve({ filter: /^@modelcontextprotocol\/sdk\/validation\/ajv$/ }, (args) =>
      args.importer === path.resolve('src/hosts/mcp/ajvOnFirstUse.ts')
        ? { path: './ajv.js', external: true }
        : undefined,
    );
  },
};

// The SDK takes tool schemas of zod 3 or 4; every schema here is zod 4, so its zod 3 runtime and
// converter (~80 KB, built at load) are replaced by stand-ins that refuse with a clear error.
const zodFourOnly = {
  name: 'zod-four-only',
  setup(build) {
    build.onResolve({ filter: /^(zod\/v3|zod-to-json-schema)$/ }, (args) =>
      args.importer.includes(`${path.sep}@modelcontextprotocol${path.sep}`)
        ? { path: args.path, namespace: 'zod-four-only' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-four-only' }, (args) => ({
      contents: `export function ${args.path === 'zod/v3' ? 'object' : 'zodToJsonSchema'}() {
  throw new Error('coord mcp is built for zod 4 schemas only');
}
`,
      loader: 'js',
    }));
  },
};

// Node's crypto module costs a server ~2.7 MB (OpenSSL's start and its many modules) while only
// writes use it (lock and scratch file names, folder stamps): our modules get its functions through
// stand-ins that require it on the first call. A name missing here fails the build.
const CRYPTO_ON_FIRST_USE = ['randomBytes', 'createHash'];
const cryptoOnFirstUse = {
  name: 'crypto-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^node:crypto$/ }, (args) =>
      args.importer.startsWith(path.resolve('src') + path.sep)
        ? { path: 'node:crypto', namespace: 'crypto-on-first-use' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'crypto-on-first-use' }, () => ({
      contents: [
        'let crypto;',
        "const load = () => (crypto ??= require('node:crypto'));",
        ...CRYPTO_ON_FIRST_USE.map(
          (name) => `export function ${name}(...args) { return load().${name}(...args); }`,
        ),
      ].join('\n'),
      loader: 'js',
    }));
  },
};

const zodInEnglishOnly = {
  name: 'zod-in-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? {
            path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'),
            namespace: 'zod-in-english-only',
          }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-in-english-only' }, (args) => ({
      contents: "export { default as en } from './en.js';\n",
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

const extensionTarget = {
  ...common,
  entryPoints: ['src/hosts/vscode/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  mainFields: nodeMainFields,
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
};

const targets = [
  extensionTarget,
  {
    // The GitHub client (Octokit, ~150 KB minified) as its own chunk: the extension requires
    // `./github.js` at run time on the first GitHub refresh instead of bundling it.
    ...common,
    entryPoints: ['src/features/github/client/index.ts'],
    outfile: 'dist/github.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
  },
  {
    // Snapshot capture (build, Markdown, Mermaid), loaded on the first capture.
    ...common,
    entryPoints: ['src/features/snapshots/index.ts'],
    outfile: 'dist/snapshots.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/hosts/cli/bin.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [commandsAsSiblingBundles],
  },
  {
    ...common,
    entryPoints: ['src/hosts/cli/main.ts'],
    outfile: 'dist/coord.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
    plugins: [mcpServerAsSiblingBundle, octokitAsSiblingBundle],
  },
  {
    ...common,
    entryPoints: ['src/hosts/mcp/main.ts'],
    outfile: 'dist/mcp.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
    plugins: [
      octokitAsSiblingBundle,
      ajvOnFirstUse,
      zodInEnglishOnly,
      zodFourOnly,
      cryptoOnFirstUse,
    ],
  },
  {
    // The SDK's Ajv validator, required by `dist/mcp.js` on the first schema it checks.
    ...common,
    entryPoints: ['src/hosts/mcp/ajvBundle.ts'],
    outfile: 'dist/ajv.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/features/github/client/octokitPackages.ts'],
    outfile: 'dist/octokit.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/dashboard.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // The graph's layout worker is a second bundle carried inside this one as a string.
    plugins: [inlineWorker({ minify: production })],
  },
];

if (withTests) {
  targets.push({
    ...common,
    minify: false,
    sourcemap: true,
    entryPoints: ['test/host/index.ts'],
    outfile: HOST_TESTS_BUNDLE,
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  });
  targets.push(testEntryTarget(extensionTarget));
}

function copyStaticAssets() {
  const codicons = path.join('node_modules', '@vscode', 'codicons', 'dist');
  const out = path.join('dist', 'webview');
  fs.mkdirSync(out, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(codicons, file), path.join(out, file));
  }
  const schemaScript = path.join('scripts', 'write-schema.ts');
  if (fs.existsSync(schemaScript)) {
    require('node:child_process').execFileSync(
      process.execPath,
      ['--import', 'tsx', schemaScript],
      { stdio: 'inherit' },
    );
  }
}

// V8 keeps a script's source for its lifetime, as one byte per character only while every
// character is Latin-1: one en dash in a regular expression (esbuild's `charset: 'ascii'` leaves
// those as they are) doubles the bundle in every agent's `coord mcp`. Write `\u2013` instead.
// Checked on release bundles, which agents run.
function assertOneByteSource(files) {
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    let at = 0;
    while (at < text.length && text.charCodeAt(at) <= 0xff) {
      at++;
    }
    if (at < text.length) {
      throw new Error(
        `${file} holds ${JSON.stringify(text[at])} near ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}: escape it in the source (\\u${text.charCodeAt(at).toString(16).padStart(4, '0')})`,
      );
    }
  }
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(targets.map((t) => esbuild.build(t)));
  if (production) {
    // Development bundles keep comments, which may spell anything.
    assertOneByteSource(['dist/cli.js', 'dist/coord.js', 'dist/mcp.js']);
  }
  fs.chmodSync('dist/cli.js', 0o755);
  copyStaticAssets();
  if (withTests) {
    prepareHostTestExtension();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

// The release bundles' tests build these targets elsewhere.
module.exports = { targets };
