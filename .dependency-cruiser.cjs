// The layers of src/ (see the README's architecture section). Imports point down only:
// kernel < platform < protocol < features (model < use cases < host parts) < hosts.
// `npm run lint` and `npm test` run these rules through scripts/check-layers.mjs, which also
// refuses cycles between folders.
const notVscodePart = '^src/(?!features/[^/]+/vscode/|hosts/vscode/)';

module.exports = {
  forbidden: [
    {
      name: 'kernel-is-pure',
      comment: 'The kernel imports only itself and its parsing libraries: no node, no vscode.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { pathNot: '^src/kernel/|node_modules/(jsonc-parser|zod)/' },
    },
    {
      name: 'vscode-only-in-vscode-parts',
      comment: 'Only features/*/vscode and hosts/vscode import the vscode API.',
      severity: 'error',
      from: { path: notVscodePart },
      to: { path: '^vscode$|@types/vscode' },
    },
    {
      name: 'platform-below-features',
      comment: 'Node adapters know nothing of features, hosts, the protocol or the webview.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(features|hosts|protocol|webview)/' },
    },
    {
      name: 'protocol-is-pure',
      comment:
        'Dashboard messages are declared once over the kernel model, for host and webview alike.',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { pathNot: '^src/(protocol|kernel)/|node_modules/zod/' },
    },
    {
      name: 'webview-is-browser-code',
      comment:
        'The dashboard client runs in a browser: protocol, kernel and pure feature models only.',
      severity: 'error',
      from: { path: '^src/webview/' },
      to: {
        path: '^src/(platform|hosts)/|^src/features/[^/]+/(?!model/)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-node-in-browser-and-kernel',
      severity: 'error',
      from: { path: '^src/(webview|protocol|kernel)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'feature-models-are-pure',
      comment: 'A feature model is pure: kernel, protocol and other models; node:path at most.',
      severity: 'error',
      from: { path: '^src/features/[^/]+/model/' },
      to: { path: '^src/(platform|hosts|webview)/|^src/features/[^/]+/(?!model/)' },
    },
    {
      name: 'feature-models-do-no-io',
      severity: 'error',
      from: { path: '^src/features/[^/]+/model/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?path$' },
    },
    {
      name: 'use-cases-below-host-parts',
      comment: "A feature's use cases serve every host, so they import no host part.",
      severity: 'error',
      from: { path: '^src/features/[^/]+/(?!vscode/|cli/|mcp/)' },
      to: { path: '^src/features/[^/]+/(vscode|cli|mcp)/' },
    },
    {
      name: 'features-below-hosts',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/hosts/' },
    },
    {
      name: 'cli-and-mcp-never-reach-vscode-parts',
      severity: 'error',
      from: { path: '^src/(features/[^/]+/(cli|mcp)|hosts/(cli|mcp))/' },
      to: { path: '^src/(features/[^/]+/vscode|hosts/vscode)/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: { path: '^src/' },
      // `inline-worker:` imports are a worker bundle's code as a string (scripts/esbuild/inlineWorker.js).
      to: { couldNotResolve: true, pathNot: '^(vscode|inline-worker:.+)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    exclude: { path: '\\.css$' },
  },
};
