// Three-way structural merge of a 10k-task file against three JSON.parse of its inputs (target:
// at most 3x). Each side edits its own share of tasks through the store's minimal edits (status,
// notes, progress), some tasks change on both sides, theirs adds and removes a few. Medians of CPU
// time, merge and baseline measured in alternating blocks.
import { applyEdits } from '../../src/kernel/edits/apply';
import type { TaskEdit } from '../../src/kernel/edits/types';
import { mergeTaskFiles } from '../../src/features/plan-merge/model/mergeTaskFiles';
import { generatePlan } from './generatedPlan';

const key = (i: number) => `task${i}_generated_slug`;

/** One side's edits: `share` of the tasks from `offset`, every `stride`-th, plus the shared ones. */
function sideEdits(count: number, offset: number, share: number, label: string): TaskEdit[] {
  const edits: TaskEdit[] = [];
  const stride = Math.max(2, Math.round(1 / share));
  for (let i = offset; i < count; i += stride) {
    edits.push({ kind: 'setStatus', taskKey: key(i), status: 'in_progress' });
    edits.push({ kind: 'appendNote', taskKey: key(i), text: `${label} note on ${i}` });
  }
  // The same tasks changed on both sides, resolved by rule.
  for (let i = 3; i < count; i += 997) {
    edits.push({ kind: 'appendNote', taskKey: key(i), text: `${label} shared note` });
    edits.push({ kind: 'setProgress', taskKey: key(i), completedSteps: label === 'ours' ? 2 : 4 });
  }
  return edits;
}

function withStructure(text: string): string {
  const doc = JSON.parse(text) as { tasks: Record<string, Record<string, unknown>> };
  for (let i = 0; i < 10; i++) {
    doc.tasks[`group_${i * 17}`][`added_${i}`] = {
      id: `a${i}`,
      name: `Added ${i}`,
      status: 'not_started',
    };
    delete doc.tasks[`group_${i * 13 + 1}`][key((i * 13 + 1) * 50 + 7)];
  }
  return JSON.stringify(doc, null, 2);
}

function cpuMedian(run: () => void, runs: number, into: number[]): void {
  run();
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    into.push((used.user + used.system) / 1000);
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const COUNT = 10_000;
const base = generatePlan(COUNT);
for (const share of [0.01, 0.1]) {
  const ours = applyEdits(
    base,
    sideEdits(COUNT, 0, share, 'ours'),
    new Date('2025-10-17T00:00:00Z'),
  );
  const theirs = withStructure(
    applyEdits(base, sideEdits(COUNT, 1, share, 'theirs'), new Date('2025-10-18T00:00:00Z')),
  );
  const check = mergeTaskFiles(base, ours, theirs);
  if (check.kind !== 'merged') {
    throw new Error(`the bench merge conflicted: ${check.conflicts[0]?.message}`);
  }
  const merge: number[] = [];
  const parse: number[] = [];
  for (let block = 0; block < 3; block++) {
    cpuMedian(() => [base, ours, theirs].forEach((text) => JSON.parse(text)), 5, parse);
    cpuMedian(() => mergeTaskFiles(base, ours, theirs), 5, merge);
  }
  const [m, p] = [median(merge), median(parse)];
  console.log(
    `plan merge ${COUNT} tasks (${(base.length / 1e6).toFixed(1)} MB), each side edits ${share * 100}% of the tasks, ` +
      `${check.decisions.length} decisions: cpu ${m.toFixed(1)} ms; 3x JSON.parse ${p.toFixed(1)} ms; ratio ${(m / p).toFixed(2)}x (target <= 3x)`,
  );
}
