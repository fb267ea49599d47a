// An esbuild plugin: `import source from 'inline-worker:./file'` bundles that file as its own
// browser script and imports its code as a string. The dashboard starts its layout worker from
// that string through a blob: URL, the one way VS Code webviews allow workers.
const esbuild = require('esbuild');
const path = require('node:path');

/** @param {{ minify?: boolean }} options */
function inlineWorker(options = {}) {
  return {
    name: 'inline-worker',
    setup(build) {
      build.onResolve({ filter: /^inline-worker:/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path.slice('inline-worker:'.length)),
        namespace: 'inline-worker',
      }));
      build.onLoad({ filter: /.*/, namespace: 'inline-worker' }, async (args) => {
        const entry = /\.[cm]?[jt]s$/.test(args.path) ? args.path : `${args.path}.ts`;
        const result = await esbuild.build({
          entryPoints: [entry],
          bundle: true,
          write: false,
          platform: 'browser',
          format: 'iife',
          target: 'es2022',
          minify: options.minify ?? false,
          legalComments: 'none',
          logLevel: 'warning',
          metafile: true,
        });
        return {
          contents: `export default ${JSON.stringify(result.outputFiles[0].text)};`,
          loader: 'js',
          watchFiles: Object.keys(result.metafile.inputs).map((file) => path.resolve(file)),
        };
      });
    },
  };
}

module.exports = { inlineWorker };
