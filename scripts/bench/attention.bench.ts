/**
 * Event-to-tree latency of live agent state (target ≤ 1 s): an agent's report, written as
 * `coord agent-state` writes it, until the folder watcher has read it back (in this process),
 * and with `--host` until the task's row in a real VS Code's Tasks tree shows it, and the
 * attention queue holds it. The baseline is the write itself, measured in the same run.
 * Run: `node --import tsx scripts/bench/attention.bench.ts [--host]` (`--host` needs `node esbuild.js --tests`).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  agentStateFolder,
  readAgentStates,
  reportAgentState,
} from '../../src/features/agents/agentStateStore';
import { watchFolder } from '../../src/platform/files/watchFolder';
import { loadHarness, median, withRealHost } from './realHost';

const TARGET_MS = 1000;
const ROUNDS = 30;

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
}

async function inProcess(folder: string): Promise<void> {
  const agents = await agentStateFolder(folder);
  await mkdir(agents, { recursive: true });
  const writes: number[] = [];
  const seen: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const message = `Question ${round}?`;
    let resolveSeen: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (resolveSeen = resolve));
    const watch = watchFolder(agents, () => {
      // One write makes several events; a read still under way when the repository is removed
      // at the end fails, and is of no interest.
      void readAgentStates(folder).then(
        (records) => {
          if (records.some((r) => r.message === message)) {
            resolveSeen();
          }
        },
        () => undefined,
      );
    });
    const started = performance.now();
    await reportAgentState(folder, {
      task: 'bench',
      state: 'needs_input',
      agent: 'Bench',
      message,
    });
    writes.push(performance.now() - started);
    await arrived;
    seen.push(performance.now() - started);
    watch.dispose();
  }
  const base = median(writes);
  console.log(`write of a report (baseline): median ${base.toFixed(2)} ms`);
  console.log(
    `report to watcher read back: median ${median(seen).toFixed(2)} ms (${(median(seen) / base).toFixed(1)}× the write), p95 ${p95(seen).toFixed(2)} ms`,
  );
}

async function main(): Promise<void> {
  const { createGitRepo } = await loadHarness<{
    createGitRepo(dir: string, files: Record<string, string>): string;
  }>('workspaces.mjs');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const parent = mkdtempSync(path.join(tmpdir(), 'coord-attention-bench-'));
  try {
    await inProcess(createGitRepo(path.join(parent, 'Repo'), { 'README.md': '# Bench\n' }));
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
  if (!process.argv.includes('--host')) {
    return;
  }
  const { lukhasWorkspace } = await loadHarness<{ lukhasWorkspace(parent: string): string }>(
    'workspaces.mjs',
  );
  await withRealHost(async (run) => {
    const samples = await run({
      name: 'bench-attention',
      workspace: lukhasWorkspace,
      hostTests: ['attentionBench'],
      grep: '@bench',
    });
    const writes = samples('attention.writeMs');
    const tree = samples('attention.eventToTreeMs');
    const queue = samples('attention.eventToQueueMs');
    const base = median(writes);
    console.log(`real VS Code, write of a report (baseline): median ${base.toFixed(2)} ms`);
    console.log(
      `real VS Code, report to Tasks tree row: median ${median(tree).toFixed(1)} ms (${(median(tree) / base).toFixed(1)}× the write), p95 ${p95(tree).toFixed(1)} ms, target ≤ ${TARGET_MS} ms: ${p95(tree) <= TARGET_MS ? 'met' : 'missed'}`,
    );
    console.log(
      `real VS Code, report to attention queue: median ${median(queue).toFixed(1)} ms, p95 ${p95(queue).toFixed(1)} ms`,
    );
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
