/** Where "Create task_status.json" puts the new file, relative to the workspace folder. */
export const TEMPLATE_RELATIVE_PATH = 'docs/plans/task_status.json';

/**
 * A schema 1.0 task file to start from: two example tasks (the second depends on the first)
 * and one guardrail that waits for the first task, shaped like the files teams really write.
 */
export function taskFileTemplate(now: Date): string {
  const file = {
    last_updated: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    schema_version: '1.0',
    summary: {
      total_tasks: 2,
      in_progress: 0,
      completed: 0,
      not_started: 2,
      blocked: 0,
      completion_percentage: 0,
    },
    tasks: {
      first_wave: {
        task1_example_feature: {
          id: 'task1',
          name: 'Example feature (rename me)',
          owner: 'Codex',
          status: 'not_started',
          priority: 'high',
          estimated_hours: 2,
          branch: 'feat/codex/example-feature',
          dependencies: [],
          pr_number: null,
          progress: { total_steps: 3, completed_steps: 0, percentage: 0 },
          blockers: [],
        },
        task2_example_review: {
          id: 'task2',
          name: 'Review the example feature',
          owner: 'Claude Code',
          status: 'not_started',
          priority: 'medium',
          estimated_hours: 1,
          branch: 'chore/claude/example-review',
          dependencies: ['task1_example_feature'],
          pr_number: null,
          critical_review: true,
          progress: { total_steps: 2, completed_steps: 0, percentage: 0 },
          blockers: [],
        },
      },
    },
    pre_audit_guardrails: {
      unit_tests: {
        status: 'not_started',
        required: true,
        command: 'npm test',
        expected: 'pass',
        depends_on: 'task1_example_feature',
      },
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
