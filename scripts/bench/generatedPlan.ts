// The plan the model and merge benches measure, generated to a given size.
const STATUSES = ['not_started', 'in_progress', 'waiting', 'completed', 'blocked'];

/** A schema 1.0 file shaped like the real one: groups of 50, chains of dependencies, a summary. */
export function generatePlan(count: number): string {
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
