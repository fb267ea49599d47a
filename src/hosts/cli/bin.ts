// `coord` (`dist/cli.js`). Every agent keeps a `coord mcp` running for hours, so that one loads
// only the server's bundle; every other command loads the CLI's (`dist/coord.js`). Neither is
// read for the other: each source stays in memory as long as the process runs.
/* eslint-disable @typescript-eslint/no-require-imports -- the sibling bundles load at run time */
const args = process.argv.slice(2);
if (args[0] === 'mcp') {
  (require('../mcp/main') as typeof import('../mcp/main')).runMcpFromProcess(args.slice(1));
} else {
  (require('./main') as typeof import('./main')).runCliFromProcess(args);
}
