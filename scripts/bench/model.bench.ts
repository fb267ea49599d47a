// Task model figures: read + validate + normalise + graph for 1k/10k/50k tasks against bare
// JSON.parse of the same bytes, and one status edit in a 10k-task file. Plain lines, medians.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits } from '../../src/core/edits/apply';
import { loadTaskFile } from '../../src/core/model/load';
import { TaskFileStore } from '../../src/taskfile/store';

const STATUSES = ['not_started', 'in_progress', 'waiting', 'completed', 'blocked'];

/** A schema 1.0 file shaped like the real one: groups of 50, chains of dependencies, a summary. */
function generate(count: number): string {
  const tasks: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < count; i++) {
    const group = `group_${Math.floor(i / 50)}`;
    tasks[group] ??= {};
    tasks[group][`task${i}_generated_slug`] = {
      id: `t${i}`,
      name: `Generated task number ${i}`,
      owner: i % 3 === 0 ? 'Codex + Copilot' : 'Claude Code',
      status: STATUSES[i % STATUSES.length],
      priority: ['critical', 'high', 'medium', 'low'][i % 4],
      estimated_hours: (i % 7) / 2 + 0.5,
      branch: `feat/codex/generated-${i}`,
      dependencies:
        i % 5 === 0 ? [] : i % 11 === 0 ? ['prometheus_running'] : [`task${i - 1}_generated_slug`],
      pr_number: i % 4 === 0 ? 1000 + i : null,
      progress: {
        total_steps: 5,
        completed_steps: i % 6 === 5 ? 5 : i % 5,
        percentage: ((i % 5) / 5) * 100,
      },
      blockers: i % 9 === 0 ? [`waiting_for_t${i - 1}`] : [],
    };
  }
  const doc = {
    last_updated: '2025-10-16T05:32:29Z',
    schema_version: '1.0',
    summary: {
      total_tasks: count,
      in_progress: 0,
      completed: 0,
      not_started: count,
      blocked: 0,
      completion_percentage: 0,
    },
    tasks,
    pre_audit_guardrails: {
      state_sweep: { status: 'not_started', required: true, command: 'make state-sweep' },
    },
  };
  return JSON.stringify(doc, null, 2);
}

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  run();
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

for (const count of [1_000, 10_000, 50_000]) {
  const text = generate(count);
  const runs = count >= 50_000 ? 5 : 11;
  const parse = median(() => JSON.parse(text), runs);
  const load = median(() => loadTaskFile(text), runs);
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  console.log(
    `model load ${count} tasks (${mb} MB): ${ms(load)}; JSON.parse ${ms(parse)}; ratio ${(load / parse).toFixed(2)}x`,
  );
}

const tenK = generate(10_000);
const now = new Date();
const parse10k = median(() => JSON.parse(tenK), 11);
const edit = median(
  () =>
    applyEdits(
      tenK,
      [{ kind: 'setStatus', taskKey: 'task5000_generated_slug', status: 'completed' }],
      now,
    ),
  11,
);
console.log(
  `model edit one status in 10000 tasks (summary kept in step): ${ms(edit)}; JSON.parse ${ms(parse10k)}; ratio ${(edit / parse10k).toFixed(2)}x`,
);
const noSummary = tenK.replace(/"summary": \{[^}]*\},\n\s*/, '');
const editNoSummary = median(
  () =>
    applyEdits(
      noSummary,
      [{ kind: 'setStatus', taskKey: 'task5000_generated_slug', status: 'completed' }],
      now,
    ),
  11,
);
console.log(
  `model edit one status in 10000 tasks (no stored summary): ${ms(editNoSummary)}; ratio ${(editNoSummary / parse10k).toFixed(2)}x`,
);

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
      `model store.apply one status in 10000 tasks (lock, edit, re-read check, atomic write, load result): ${ms(storeMs)}; ratio ${(storeMs / parse10k).toFixed(2)}x JSON.parse`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

benchStore().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
