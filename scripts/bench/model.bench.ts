// Task model figures: read + validate + normalise + graph for 1k/10k/50k tasks against bare
// JSON.parse of the same bytes, and one status edit in a 10k-task file. Plain lines, medians, each
// measured in alternating blocks with its JSON.parse baseline. Targets at 10k: load under 100 ms CPU and
// at most 5x JSON.parse; one status edit under 20 ms CPU.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits } from '../../src/kernel/edits/apply';
import { loadTaskFile } from '../../src/kernel/model/load';
import { TaskFileStore } from '../../src/platform/taskfile/store';
import { generatePlan } from './generatedPlan';

interface Figure {
  wall: number;
  cpu: number;
}

/**
 * Median wall time and median CPU time of `subject` and of `baseline`, measured in alternating
 * blocks so both see the same machine while each pays for its own garbage collection (sample by
 * sample alternation charged one the other's garbage). CPU time (user + system of this process) is
 * the steadier figure on a shared machine, where wall time includes waiting for a core.
 */
function measurePair(
  baseline: () => void,
  subject: () => void,
  runs: number,
): { baseline: Figure; subject: Figure } {
  const samples = {
    baseline: { wall: [] as number[], cpu: [] as number[] },
    subject: { wall: [] as number[], cpu: [] as number[] },
  };
  const block = (run: () => void, into: { wall: number[]; cpu: number[] }, count: number) => {
    run();
    for (let i = 0; i < count; i++) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      run();
      into.wall.push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      into.cpu.push((used.user + used.system) / 1000);
    }
  };
  const blocks = 3;
  const perBlock = Math.ceil(runs / blocks);
  for (let i = 0; i < blocks; i++) {
    block(baseline, samples.baseline, perBlock);
    block(subject, samples.subject, perBlock);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    baseline: { wall: median(samples.baseline.wall), cpu: median(samples.baseline.cpu) },
    subject: { wall: median(samples.subject.wall), cpu: median(samples.subject.cpu) },
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function line(
  label: string,
  runs: number,
  { subject, baseline }: { subject: Figure; baseline: Figure },
): string {
  return (
    `${label}, median of ${runs}: cpu ${ms(subject.cpu)} (JSON.parse ${ms(baseline.cpu)}, ratio ${(subject.cpu / baseline.cpu).toFixed(2)}x); ` +
    `wall ${ms(subject.wall)} (JSON.parse ${ms(baseline.wall)}, ratio ${(subject.wall / baseline.wall).toFixed(2)}x)`
  );
}

for (const count of [1_000, 10_000, 50_000]) {
  const text = generatePlan(count);
  const runs = count >= 50_000 ? 9 : count >= 10_000 ? 21 : 42;
  const figures = measurePair(
    () => JSON.parse(text),
    () => loadTaskFile(text),
    runs,
  );
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  console.log(line(`model load+validate+normalise+graph ${count} tasks (${mb} MB)`, runs, figures));
}

const tenK = generatePlan(10_000);
const now = new Date();
const EDIT_RUNS = 30;
const editOnce = (text: string) => () => {
  applyEdits(
    text,
    [{ kind: 'setStatus', taskKey: 'task5000_generated_slug', status: 'completed' }],
    now,
  );
};
const parseTenK = () => JSON.parse(tenK);
const withSummary = measurePair(parseTenK, editOnce(tenK), EDIT_RUNS);
console.log(
  line('model edit one status in 10000 tasks, summary kept in step', EDIT_RUNS, withSummary),
);
const noSummary = tenK.replace(/"summary": \{[^}]*\},\n\s*/, '');
console.log(
  line(
    'model edit one status in 10000 tasks, no stored summary',
    EDIT_RUNS,
    measurePair(parseTenK, editOnce(noSummary), EDIT_RUNS),
  ),
);
const parse10k = withSummary.baseline;

async function benchStore(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'coord-bench-'));
  try {
    const file = join(dir, 'task_status.json');
    writeFileSync(file, tenK);
    const store = new TaskFileStore(file);
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await store.apply({
        kind: 'setStatus',
        taskKey: `task${i}_generated_slug`,
        status: 'completed',
      });
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const storeMs = samples[3];
    console.log(
      `model store.apply one status in 10000 tasks (lock, edit, re-read check, atomic write, load result): wall ${ms(storeMs)}; ratio ${(storeMs / parse10k.wall).toFixed(2)}x JSON.parse wall`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

benchStore().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
