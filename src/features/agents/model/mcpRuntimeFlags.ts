/**
 * V8 options every `coord mcp` process starts with, whoever starts it: the editor's server
 * definition puts them on its command line, the `coord` launcher (named by the agents' MCP configs)
 * adds them when its first argument is `mcp`. Each agent runs a server of its own for hours, so
 * memory counts more than peak speed (budget: 60 MB each); `npm run bench -- mcp` measures both.
 *
 * - `--max-semi-space-size=1`: newer V8 (Node 22+) starts the young generation at 16 MB; 1 MB
 *   scavenges more often, each in well under a millisecond on this heap.
 * - `--optimize-for-size`: smaller heap growth steps and object layouts.
 * - `--no-opt --no-maglev`: no optimising compilers, whose code and compile zones add ~10 MB once a
 *   few hundred reads have warmed them up; a read answers in well under a millisecond without them.
 *
 * Not `--lite-mode` or `--jitless`: both remove WebAssembly, which Node's `fetch` (llhttp) needs
 * for GitHub requests. Not `NODE_OPTIONS`: it refuses the compiler flags and would reach every
 * command the server runs.
 */
export const MCP_RUNTIME_FLAGS: readonly string[] = [
  '--max-semi-space-size=1',
  '--optimize-for-size',
  '--no-opt',
  '--no-maglev',
];

/** A runtime's options without the server's own, for commands a server starts (a launcher target). */
export function withoutMcpRuntimeFlags(options: readonly string[]): string[] {
  return options.filter((option) => !MCP_RUNTIME_FLAGS.includes(option));
}
