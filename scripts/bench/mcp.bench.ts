// `coord mcp` from the release bundle, as an agent's MCP client runs it (with the V8 options and
// allocator setting the editor and the launcher give it), on a 1,000-task plan: memory after the first tool list and
// after 300 reads, and the first list's latency (budget per agent: 60 MB, 300 ms), on this Node
// and on the Node of the newest VS Code in the test matrix (where it is installed), each as a
// ratio to the same server without those options; the round trip of a read tool (target p50 <=
// 20 ms), and an update as a ratio to the same `coord set` run in-process (target <= 3x). Update
// blocks alternate between the two.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  MCP_RUNTIME_ENV,
  MCP_RUNTIME_FLAGS,
} from '../../src/features/agents/model/mcpRuntimeFlags';
import { runCli } from '../../src/hosts/cli/main';
import { loadHarness } from './realHost';

const TASKS = 1000;
const READS = 300;
const UPDATE_BLOCKS = 5;
const UPDATES_PER_BLOCK = 10;
/** Fresh servers per runtime and option set for the start figures (medians). */
const SERVER_RUNS = 3;
/** Servers started side by side to measure what each costs when many run. */
const FLEET = 10;
const root = join(__dirname, '..', '..');
const cliBundle = join(root, 'dist', 'cli.js');

function plan(): string {
  const tasks: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < TASKS; i++) {
    const group = `group_${Math.floor(i / 50)}`;
    tasks[group] ??= {};
    tasks[group][`task${i}`] = {
      id: `t${i}`,
      name: `Generated task number ${i}`,
      owner: i % 3 === 0 ? 'Codex' : 'Claude Code',
      status: i % 4 === 0 ? 'completed' : 'not_started',
      dependencies: i % 5 === 0 ? [] : [`task${i - 1}`],
      acceptance: [`criterion of ${i}`],
      notes: [],
    };
  }
  return JSON.stringify(
    { schema_version: '1.0', last_updated: '2026-11-01T00:00:00Z', tasks },
    null,
    2,
  );
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

interface Memory {
  rss: number;
  /** The anonymous part: the heap and the allocator's memory, which each further agent adds. */
  anon: number;
}

/**
 * The server's resident memory in MB. The rest of RSS is file pages, mostly the Node binary's own
 * code and data, shared by every Node process on the machine.
 */
function memoryOf(pid: number | null): Memory {
  const status = pid === null ? '' : readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const kb = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  };
  return { rss: field('VmRSS'), anon: field('RssAnon') };
}

/** A development build (source maps, not minified) is not what agents run: build the release. */
function ensureReleaseBuild(): void {
  const built = ['cli.js', 'coord.js', 'mcp.js', 'octokit.js'].every((name) =>
    existsSync(join(root, 'dist', name)),
  );
  if (!built || readFileSync(cliBundle, 'utf8').includes('//# sourceMappingURL=')) {
    console.log('mcp: building the release bundles (node esbuild.js --production)');
    execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
  }
}

/** What a server starts with beside its script: V8 options and environment. */
interface RuntimeOptions {
  flags: readonly string[];
  env: Readonly<Record<string, string>>;
}

/** As the editor's server definition and the `coord` launcher start every `coord mcp`. */
const SERVER_OPTIONS: RuntimeOptions = { flags: MCP_RUNTIME_FLAGS, env: MCP_RUNTIME_ENV };
const NO_OPTIONS: RuntimeOptions = { flags: [], env: {} };

interface ServerFigures {
  list: number;
  atList: Memory;
  afterReads: Memory;
  readP50: number;
}

/** A `coord mcp` on `node` with `options` for task1 of `repo`, as the editor and the launcher start it. */
function serverTransport(
  node: string,
  repo: string,
  options: RuntimeOptions = SERVER_OPTIONS,
): StdioClientTransport {
  return new StdioClientTransport({
    command: node,
    args: [...options.flags, cliBundle, 'mcp'],
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      COORD_TASK: 'task1',
      COORD_AGENT: 'bench',
      ...options.env,
    },
  });
}

/**
 * A fresh `coord mcp` on `node` with `options`, as the editor and the launcher start it: its first tool list's latency, its RSS then and after READS show_task reads.
 */
async function serverFigures(
  node: string,
  options: RuntimeOptions,
  repo: string,
): Promise<ServerFigures> {
  const spawned = performance.now();
  const transport = serverTransport(node, repo, options);
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  const list = performance.now() - spawned;
  const atList = memoryOf(transport.pid);
  const reads = await showTaskReads(client);
  const afterReads = memoryOf(transport.pid);
  await client.close();
  return { list, atList, afterReads, readP50: percentile(reads, 0.5) };
}

/** READS show_task round trips after 20 to warm up, each checked to have answered the task. */
async function showTaskReads(client: Client): Promise<number[]> {
  const reads: number[] = [];
  for (let i = 0; i < READS + 20; i++) {
    const task = `task${(i * 37) % TASKS}`;
    const started = performance.now();
    const result = await client.callTool({ name: 'show_task', arguments: { task } });
    const elapsed = performance.now() - started;
    if (result.isError) {
      throw new Error(`show_task ${task}: ${JSON.stringify(result.content)}`);
    }
    if (i >= 20) {
      reads.push(elapsed);
    }
  }
  return reads;
}

/** The server's proportional share of memory in MB: its own pages, plus shared pages divided among their users. */
function proportionalMemoryOf(pid: number | null): number {
  const rollup = pid === null ? '' : readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

/**
 * FLEET servers at once on one Node, as agents run them side by side, each after its first list
 * and READS reads: RSS counts the Node binary's pages in every process, PSS splits them, so the
 * fleet's PSS sum is what the machine really spends on them.
 */
async function fleetFigures(name: string, node: string, repo: string): Promise<void> {
  const servers = await Promise.all(
    Array.from({ length: FLEET }, async () => {
      const transport = serverTransport(node, repo);
      const client = new Client({ name: 'bench', version: '1.0.0' });
      await client.connect(transport);
      await client.listTools();
      await showTaskReads(client);
      return { client, pid: transport.pid };
    }),
  );
  const rss = servers.map(({ pid }) => memoryOf(pid).rss);
  const pss = servers.map(({ pid }) => proportionalMemoryOf(pid));
  await Promise.all(servers.map(({ client }) => client.close()));
  const total = pss.reduce((sum, mb) => sum + mb, 0);
  console.log(
    `mcp: ${name}: ${FLEET} servers at once after ${READS} reads each: RSS median ${percentile(rss, 0.5).toFixed(1)} MB, PSS median ${percentile(pss, 0.5).toFixed(1)} MB (budget 60 MB) ${percentile(pss, 0.5) <= 60 ? 'OK' : 'OVER'}, all ${FLEET} together ${total.toFixed(0)} MB`,
  );
}

const median = (runs: ServerFigures[], pick: (run: ServerFigures) => number) =>
  percentile(runs.map(pick), 0.5);

interface Runtime {
  name: string;
  bin: string;
}

/**
 * On this Node and the newest VS Code's, fresh servers with the options every `coord mcp` gets
 * (MCP_RUNTIME_FLAGS, MCP_RUNTIME_ENV) against the same servers without them, alternating: RSS
 * after the first tool list and after READS reads against the 60 MB budget, the first list against
 * 300 ms.
 */
async function startFigures(repo: string): Promise<Runtime[]> {
  const { VSCODE_TARGETS } = await loadHarness<{ VSCODE_TARGETS: { node?: string }[] }>(
    'versions.mjs',
  );
  const { nodeInstall } = await loadHarness<{ nodeInstall(version: string): { bin: string } }>(
    'paths.mjs',
  );
  const newest = VSCODE_TARGETS.map((target) => target.node)
    .filter((node): node is string => node !== undefined)
    .at(-1);
  const runtimes: Runtime[] = [{ name: `Node ${process.versions.node}`, bin: process.execPath }];
  if (newest && existsSync(nodeInstall(newest).bin)) {
    runtimes.push({ name: `Node ${newest} (newest VS Code)`, bin: nodeInstall(newest).bin });
  } else {
    console.log(
      `mcp: Node ${newest ?? '(none named)'} of the newest VS Code is not installed here`,
    );
  }
  for (const runtime of runtimes) {
    const withFlags: ServerFigures[] = [];
    const without: ServerFigures[] = [];
    for (let i = 0; i < SERVER_RUNS; i++) {
      withFlags.push(await serverFigures(runtime.bin, SERVER_OPTIONS, repo));
      without.push(await serverFigures(runtime.bin, NO_OPTIONS, repo));
    }
    const verdict = (mb: number) => (mb <= 60 ? 'OK' : 'OVER');
    for (const [label, pick] of [
      ['after the first tool list', (run: ServerFigures) => run.atList],
      [`after ${READS} reads`, (run: ServerFigures) => run.afterReads],
    ] as const) {
      const rss = median(withFlags, (run) => pick(run).rss);
      const anon = median(withFlags, (run) => pick(run).anon);
      const baseline = median(without, (run) => pick(run).rss);
      console.log(
        `mcp: ${runtime.name}: server RSS ${label} ${rss.toFixed(1)} MB (budget 60 MB) ${verdict(rss)}, ${anon.toFixed(1)} MB of it anonymous; without its V8 options and allocator setting ${baseline.toFixed(1)} MB ${verdict(baseline)}: ratio ${(rss / baseline).toFixed(2)}`,
      );
    }
    await fleetFigures(runtime.name, runtime.bin, repo);
    const list = median(withFlags, (run) => run.list);
    const read = median(withFlags, (run) => run.readP50);
    console.log(
      `mcp: ${runtime.name}: first tool list p50 ${list.toFixed(0)} ms (budget 300 ms) ${list <= 300 ? 'OK' : 'OVER'}, ratio ${(list / median(without, (run) => run.list)).toFixed(2)} to no options; show_task p50 ${read.toFixed(2)} ms (target 20 ms) ${read <= 20 ? 'OK' : 'OVER'}, ratio ${(read / median(without, (run) => run.readP50)).toFixed(2)}`,
    );
  }
  return runtimes;
}

/**
 * One server on `runtime` answering reads, then UPDATE_BLOCKS blocks of update_task calls, each
 * followed by as many in-process `coord set` runs (so the server reads the file others changed):
 * RSS right after the updates and once its collection has run; with `latencies`, the first list,
 * the read round trip and the update ratio too.
 */
async function updateFigures(repo: string, runtime: Runtime, latencies: boolean): Promise<void> {
  const spawned = performance.now();
  const transport = serverTransport(runtime.bin, repo);
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const firstList = performance.now() - spawned;
  const reads = await showTaskReads(client);

  const context = {
    cwd: repo,
    env: process.env,
    stdout: () => undefined,
    stderr: (text: string) => process.stderr.write(text),
  };
  const mcpUpdates: number[] = [];
  const cliUpdates: number[] = [];
  let n = 0;
  for (let block = 0; block < UPDATE_BLOCKS; block++) {
    for (let i = 0; i < UPDATES_PER_BLOCK; i++) {
      const started = performance.now();
      const result = await client.callTool({
        name: 'update_task',
        arguments: { note: `mcp ${n++}` },
      });
      mcpUpdates.push(performance.now() - started);
      if (result.isError) {
        throw new Error(JSON.stringify(result.content));
      }
    }
    for (let i = 0; i < UPDATES_PER_BLOCK; i++) {
      const started = performance.now();
      const code = await runCli(['set', 'task1', '--note', `cli ${n++}`], context);
      cliUpdates.push(performance.now() - started);
      if (code !== 0) {
        throw new Error(`coord set exited ${code}`);
      }
    }
  }
  // Each write reads and checks the plan; its garbage stays until the server's collection a
  // second later, so the figure right after a burst of writes is shown beside the settled one.
  const afterUpdates = memoryOf(transport.pid);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const settled = memoryOf(transport.pid);
  await client.close();

  const verdict = (mb: number) => (mb <= 60 ? 'OK' : 'OVER');
  console.log(
    `mcp: ${runtime.name}: server RSS right after ${UPDATE_BLOCKS * UPDATES_PER_BLOCK} update_task calls (and as many coord set beside them) ${afterUpdates.rss.toFixed(1)} MB (budget 60 MB) ${verdict(afterUpdates.rss)}, ${afterUpdates.anon.toFixed(1)} MB of it anonymous; 2.5 s later ${settled.rss.toFixed(1)} MB ${verdict(settled.rss)}`,
  );
  if (!latencies) {
    return;
  }
  const readP50 = percentile(reads, 0.5);
  const ratio = percentile(mcpUpdates, 0.5) / percentile(cliUpdates, 0.5);
  console.log(
    `mcp: ${tools.length} tools; first tool list ${firstList.toFixed(0)} ms after spawn (budget 300 ms)`,
  );
  console.log(
    `mcp: show_task round trip on ${TASKS} tasks p50 ${readP50.toFixed(1)} ms, p95 ${percentile(reads, 0.95).toFixed(1)} ms (target p50 <= 20 ms) ${readP50 <= 20 ? 'OK' : 'OVER'}`,
  );
  console.log(
    `mcp: update_task p50 ${percentile(mcpUpdates, 0.5).toFixed(1)} ms vs coord set in-process p50 ${percentile(cliUpdates, 0.5).toFixed(1)} ms: ratio ${ratio.toFixed(2)} (target <= 3) ${ratio <= 3 ? 'OK' : 'OVER'}`,
  );
}

async function main(): Promise<void> {
  ensureReleaseBuild();
  const parent = realpathSync(mkdtempSync(join(tmpdir(), 'coord-mcp-bench-')));
  const repo = join(parent, 'repo');
  mkdirSync(join(repo, 'docs', 'plans'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Bench');
  git('config', 'user.email', 'bench@example.com');
  writeFileSync(join(repo, 'docs', 'plans', 'task_status.json'), `${plan()}\n`);
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'plan');

  try {
    const runtimes = await startFigures(repo);
    for (const [index, runtime] of runtimes.entries()) {
      await updateFigures(repo, runtime, index === 0);
    }
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
