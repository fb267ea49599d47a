// Success criteria on a 10k-task plan whose tasks carry four status changes and a review request
// each, against the dashboard's own derivation of the same plan (which now includes them):
// median CPU ms of each, alternating, and their ratio. Target: the criteria under a third of the
// dashboard derivation. Run: `node --import tsx scripts/bench/metrics.bench.ts`
import { deriveDashboard } from '../../src/features/dashboard/model';
import { successCriteria } from '../../src/features/metrics/model/successCriteria';
import { loadTaskFile } from '../../src/kernel/model/load';
import { generatePlan } from './generatedPlan';

const TASKS = 10_000;
const ROUNDS = 15;

function withHistory(text: string): string {
  const plan = JSON.parse(text) as {
    tasks: Record<string, Record<string, Record<string, unknown>>>;
  };
  let i = 0;
  for (const group of Object.values(plan.tasks)) {
    for (const task of Object.values(group)) {
      const day = `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`;
      task.status_history = [
        { status: 'in_progress', at: `${day}T08:00:00Z`, by: 'Codex' },
        { status: 'blocked', at: `${day}T09:00:00Z`, by: 'Codex' },
        { status: 'in_progress', at: `${day}T10:00:00Z`, by: 'Codex' },
        { status: 'completed', at: `${day}T11:30:00Z`, by: 'Codex' },
      ];
      task.review_requests = [{ by: 'Codex', at: `${day}T11:00:00Z` }];
      i++;
    }
  }
  return JSON.stringify(plan);
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const loaded = loadTaskFile(withHistory(generatePlan(TASKS)));
const model = loaded.model!;
const now = new Date('2026-12-01T00:00:00Z');
const criteria = () =>
  void successCriteria({ tasks: model.tasks, guardrails: model.guardrails, now, slaHours: 24 });
const dashboard = () =>
  void deriveDashboard({ folderName: 'bench', folderUri: 'file:///bench', loaded, now });
const samples = { criteria: [] as number[], dashboard: [] as number[] };
criteria();
dashboard();
for (let round = 0; round < ROUNDS; round++) {
  samples.dashboard.push(cpuMs(dashboard));
  samples.criteria.push(cpuMs(criteria));
}
const c = median(samples.criteria);
const d = median(samples.dashboard);
console.log(
  `metrics: success criteria of ${TASKS} tasks with status history ${c.toFixed(1)} ms CPU; dashboard derivation (baseline, includes them) ${d.toFixed(1)} ms; ratio ${(c / d).toFixed(2)} (target < 0.33)`,
);
