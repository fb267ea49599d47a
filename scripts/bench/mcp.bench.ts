// `coord mcp` from the release bundle, as an agent's MCP client runs it, on a 1,000-task plan:
// memory and first tool-list latency of the server process (budget per agent: 60 MB, 300 ms) on
// this Node and on the Node of the newest VS Code in the test matrix (where it is installed), the
// round trip of a read tool (target p50 <= 20 ms), and an update as a ratio to the same
// `coord set` run in-process (target <= 3x). Update blocks alternate between the two.
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
import { runCli } from '../../src/hosts/cli/main';
import { loadHarness } from './realHost';

const TASKS = 1000;
const READS = 300;
const UPDATE_BLOCKS = 5;
const UPDATES_PER_BLOCK = 10;
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

function rssMegabytes(pid: number | null): number {
  const kb =
    pid === null
      ? undefined
      : /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

/** A development build (source maps, not minified) is not what agents run: build the release. */
function ensureReleaseBuild(): void {
  const built = ['cli.js', 'mcp.js', 'octokit.js'].every((name) =>
    existsSync(join(root, 'dist', name)),
  );
  if (!built || readFileSync(cliBundle, 'utf8').includes('//# sourceMappingURL=')) {
    console.log('mcp: building the release bundles (node esbuild.js --production)');
    execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
  }
}

/** RSS of a fresh `coord mcp` on `node` right after its first tool list, and that list's latency. */
async function serverAtStart(node: string, repo: string): Promise<{ rss: number; list: number }> {
  const spawned = performance.now();
  const transport = new StdioClientTransport({
    command: node,
    args: [cliBundle, 'mcp'],
    cwd: repo,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COORD_TASK: 'task1' },
  });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  await client.listTools();
  const list = performance.now() - spawned;
  const rss = rssMegabytes(transport.pid);
  await client.close();
  return { rss, list };
}

/** Median RSS and first-list time over a few fresh servers on each runtime installed here. */
async function startFigures(repo: string): Promise<void> {
  const { VSCODE_TARGETS } = await loadHarness<{ VSCODE_TARGETS: { node?: string }[] }>(
    'versions.mjs',
  );
  const { nodeInstall } = await loadHarness<{ nodeInstall(version: string): { bin: string } }>(
    'paths.mjs',
  );
  const newest = VSCODE_TARGETS.map((target) => target.node)
    .filter((node): node is string => node !== undefined)
    .at(-1);
  const runtimes = [{ name: `Node ${process.versions.node}`, bin: process.execPath }];
  if (newest && existsSync(nodeInstall(newest).bin)) {
    runtimes.push({ name: `Node ${newest} (newest VS Code)`, bin: nodeInstall(newest).bin });
  }
  for (const runtime of runtimes) {
    const runs: { rss: number; list: number }[] = [];
    for (let i = 0; i < 5; i++) {
      runs.push(await serverAtStart(runtime.bin, repo));
    }
    const rss = percentile(
      runs.map((r) => r.rss),
      0.5,
    );
    console.log(
      `mcp: ${runtime.name}: server RSS ${rss.toFixed(1)} MB after the first tool list (budget 60 MB) ${rss <= 60 ? 'OK' : 'OVER'}, first list p50 ${percentile(
        runs.map((r) => r.list),
        0.5,
      ).toFixed(0)} ms (budget 300 ms)`,
    );
  }
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
    await startFigures(repo);
    const spawned = performance.now();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [cliBundle, 'mcp'],
      cwd: repo,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        COORD_TASK: 'task1',
        COORD_AGENT: 'bench',
      },
    });
    const client = new Client({ name: 'bench', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    const firstList = performance.now() - spawned;
    const rssAtStart = rssMegabytes(transport.pid);

    const reads: number[] = [];
    for (let i = 0; i < READS + 20; i++) {
      const started = performance.now();
      await client.callTool({ name: 'show_task', arguments: { task: `task${(i * 37) % TASKS}` } });
      if (i >= 20) {
        reads.push(performance.now() - started);
      }
    }
    const rssAfterReads = rssMegabytes(transport.pid);

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
    await client.close();

    const readP50 = percentile(reads, 0.5);
    const ratio = percentile(mcpUpdates, 0.5) / percentile(cliUpdates, 0.5);
    console.log(
      `mcp: ${tools.length} tools; first tool list ${firstList.toFixed(0)} ms after spawn (budget 300 ms)`,
    );
    console.log(
      `mcp: server RSS ${rssAtStart.toFixed(1)} MB after the first list, ${rssAfterReads.toFixed(1)} MB after ${READS} reads (budget 60 MB)`,
    );
    console.log(
      `mcp: show_task round trip on ${TASKS} tasks p50 ${readP50.toFixed(1)} ms, p95 ${percentile(reads, 0.95).toFixed(1)} ms (target p50 <= 20 ms) ${readP50 <= 20 ? 'OK' : 'OVER'}`,
    );
    console.log(
      `mcp: update_task p50 ${percentile(mcpUpdates, 0.5).toFixed(1)} ms vs coord set in-process p50 ${percentile(cliUpdates, 0.5).toFixed(1)} ms: ratio ${ratio.toFixed(2)} (target <= 3) ${ratio <= 3 ? 'OK' : 'OVER'}`,
    );
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
