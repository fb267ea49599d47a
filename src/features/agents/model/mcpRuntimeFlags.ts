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
 * - `--no-sparkplug`: nor the baseline compiler, whose code adds ~1 MB over the same reads (seen
 *   once the allocator setting below made starts comparable); reads stay at ~0.3 ms.
 * - `--expose-gc`: the server collects its garbage soon after it works and once it stops
 *   (collectWhenIdle.ts), instead of holding a write's garbage until V8's own reducer runs eight
 *   seconds later.
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
  '--no-sparkplug',
  '--expose-gc',
];

/**
 * glibc's allocator setting every `coord mcp` process starts with, beside MCP_RUNTIME_FLAGS (the
 * editor's server definition and the POSIX launcher set it; other C libraries ignore it). V8
 * parses and compiles the server's bundles in ~7 MB of short-lived zone segments, most of them
 * 32 KB; glibc serves those from its main heap (its threshold is 128 KB), and a long-lived block
 * landing above them keeps the freed pages below resident: most starts held 4-5 MB more than the
 * others. At 32 KB, each such segment is mapped on its own and goes back to the system when
 * freed. The server takes the entry out of its environment again (`withoutMcpRuntimeEnv`), so
 * the commands it runs allocate as usual.
 */
export const MCP_MALLOC_TUNABLE = 'glibc.malloc.mmap_threshold=32768';
export const MCP_RUNTIME_ENV: Readonly<Record<string, string>> = {
  GLIBC_TUNABLES: MCP_MALLOC_TUNABLE,
};

/** GLIBC_TUNABLES (a colon-separated list) without the server's own entry; undefined when empty. */
export function withoutMcpRuntimeEnv(tunables: string | undefined): string | undefined {
  const rest = (tunables ?? '').split(':').filter((entry) => entry && entry !== MCP_MALLOC_TUNABLE);
  return rest.length > 0 ? rest.join(':') : undefined;
}

/** A runtime's options without the server's own, for commands a server starts (a launcher target). */
export function withoutMcpRuntimeFlags(options: readonly string[]): string[] {
  return options.filter((option) => !MCP_RUNTIME_FLAGS.includes(option));
}
