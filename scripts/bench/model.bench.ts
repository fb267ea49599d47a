// Task model figures: read + validate + normalise + graph for 1k/10k/50k tasks against bare
// JSON.parse of the same bytes, and one status edit in a 10k-task file, as text and through the
// store. Plain lines, medians, each measured in alternating blocks with its JSON.parse baseline.
// Targets: a read at most 2x JSON.parse at 10k and 50k tasks and 3x at 1k; one status edit through
// the store at most 3x JSON.parse wall at 10k. Beside each read, the floor of any reader of the
// same plan (readerFloor.ts): what parsing, finding the tasks and resolving dependencies cost alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits } from '../../src/kernel/edits/apply';
import { loadTaskFile } from '../../src/kernel/model/load';
import { TaskFileStore } from '../../src/platform/taskfile/store';
import { generatePlan } from './generatedPlan';
import { readerFloor } from './readerFloor';

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

/**
 * The first read in this process, before anything below warms the reader: what a one-shot `coord`
 * command pays for its plan. One sample each, so only a rough figure.
 */
function firstRead(): void {
  const text = generatePlan(1_000);
  const time = (run: () => void) => {
    const startCpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(startCpu);
    return (used.user + used.system) / 1000;
  };
  const parse = time(() => JSON.parse(text));
  const read = time(() => loadTaskFile(text));
  console.log(
    `model first read in a fresh process, 1000 tasks: cpu ${ms(read)} (JSON.parse ${ms(parse)}, ratio ${(read / parse).toFixed(2)}x)`,
  );
}
firstRead();

// Every size below is measured equally warm: the reader first reads another plan until V8 has
// compiled it, as a long-lived editor or MCP server has. Otherwise the first size measured would
// also pay for compiling the reader, and JSON.parse, native code, never does.
const warmUp = generatePlan(2_000);
for (let i = 0; i < 300; i++) {
  loadTaskFile(warmUp);
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
  const floor = measurePair(
    () => JSON.parse(text),
    () => readerFloor(text),
    runs,
  );
  console.log(line(`model reader floor (readerFloor.ts) ${count} tasks`, runs, floor));
  const floorWithoutOutline = measurePair(
    () => JSON.parse(text),
    () => readerFloor(text, false),
    runs,
  );
  console.log(
    line(
      `model reader floor without the outline (no duplicated task keys found) ${count} tasks`,
      runs,
      floorWithoutOutline,
    ),
  );
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

/**
 * One status edit through the store, as an editor session or the MCP server makes them: the store
 * keeps what it last read or wrote, so after the first edit (a whole read, printed alone) each edit
 * re-reads only its task. Warmed up like the figures above; medians of wall and CPU time.
 */
async function benchStore(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'coord-bench-'));
  try {
    const file = join(dir, 'task_status.json');
    writeFileSync(file, tenK);
    const store = new TaskFileStore(file);
    const edit = async (i: number): Promise<Figure> => {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      await store.apply({
        kind: 'setStatus',
        taskKey: `task${i}_generated_slug`,
        status: i % 2 === 0 ? 'completed' : 'in_progress',
      });
      const used = process.cpuUsage(startCpu);
      return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
    };
    const first = await edit(0);
    const WARM_UP = 10;
    const RUNS = 21;
    for (let i = 1; i <= WARM_UP; i++) {
      await edit(i);
    }
    const samples: Figure[] = [];
    for (let i = 0; i < RUNS; i++) {
      samples.push(await edit(WARM_UP + 1 + i));
    }
    // As an update use case runs it in the editor or the MCP server: a read for the gates, then the edit.
    const updates: Figure[] = [];
    for (let i = 0; i < RUNS; i++) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      await store.read();
      await edit(WARM_UP + RUNS + 1 + i);
      const used = process.cpuUsage(startCpu);
      updates.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
    }
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const wall = median(samples.map((sample) => sample.wall));
    const cpu = median(samples.map((sample) => sample.cpu));
    console.log(
      `model store.apply one status in 10000 tasks, first edit (lock, edit, re-read check, atomic write, whole read): wall ${ms(first.wall)}; ratio ${(first.wall / parse10k.wall).toFixed(2)}x JSON.parse wall`,
    );
    console.log(
      `model store.apply one status in 10000 tasks, each later edit (lock, edit, re-read check, atomic write, changed task re-read), median of ${RUNS}: ` +
        `wall ${ms(wall)} (ratio ${(wall / parse10k.wall).toFixed(2)}x JSON.parse wall ${ms(parse10k.wall)}); ` +
        `cpu ${ms(cpu)} (ratio ${(cpu / parse10k.cpu).toFixed(2)}x JSON.parse cpu ${ms(parse10k.cpu)})`,
    );
    const updateWall = median(updates.map((sample) => sample.wall));
    const updateCpu = median(updates.map((sample) => sample.cpu));
    console.log(
      `model store.read then store.apply one status in 10000 tasks, as an update use case in a long-lived store, median of ${RUNS}: ` +
        `wall ${ms(updateWall)} (ratio ${(updateWall / parse10k.wall).toFixed(2)}x JSON.parse wall); ` +
        `cpu ${ms(updateCpu)} (ratio ${(updateCpu / parse10k.cpu).toFixed(2)}x JSON.parse cpu)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

benchStore().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
