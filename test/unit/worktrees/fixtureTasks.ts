import { join } from 'node:path';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';

export const TASK_FILE = 'docs/plans/task_status.json';

/** A small schema-1.0 task file exercising dependencies, guardrails, acceptance criteria and files. */
export function taskFileText(overrides: Record<string, Record<string, unknown>> = {}): string {
  const tasks: Record<string, Record<string, unknown>> = {
    task1_shadow_diff: {
      id: 'task1',
      name: 'Shadow-Diff Harness',
      owner: 'Codex',
      status: 'not_started',
      priority: 'high',
      estimated_hours: 2.5,
      branch: 'feat/codex/shadow-diff-harness',
      dependencies: [],
      acceptance_criteria: [
        'Diff report written to docs/audits/shadow',
        'No false positives on the golden set',
      ],
      files: ['tools/shadow_diff.py', 'Makefile'],
      progress: { total_steps: 5, completed_steps: 0, percentage: 0 },
      blockers: [],
    },
    task2_golden_tokens: {
      id: 'task2',
      name: 'Golden Token Kit',
      owner: 'Codex + Copilot',
      status: 'not_started',
      priority: 'high',
      branch: null,
      dependencies: ['task1_shadow_diff', 'prometheus_running'],
      blockers: [],
    },
    cc3_review: {
      id: 'cc3',
      name: 'Circuit Breaker Review',
      owner: 'Claude Code',
      status: 'waiting',
      dependencies: ['task2_golden_tokens'],
      blockers: [],
    },
    ...overrides,
  };
  return `${JSON.stringify(
    {
      last_updated: '2025-10-16T05:32:29Z',
      schema_version: '1.0',
      tasks: { top5: tasks },
      pre_audit_guardrails: {
        shadow_diff: {
          status: 'waiting',
          required: true,
          command: 'make shadow-diff',
          depends_on: 'task1_shadow_diff',
        },
        compat_enforce: {
          status: 'not_started',
          required: true,
          command: 'make compat-enforce',
          expected: '0 violations',
        },
      },
    },
    null,
    2,
  )}\n`;
}

export interface TaskRepo extends TempRepo {
  taskFilePath: string;
  store: TaskFileStore;
}

export function createTaskRepo(
  options: {
    name?: string;
    empty?: boolean;
    tasks?: Record<string, Record<string, unknown>>;
    under?: string;
  } = {},
): TaskRepo {
  const repo = createTempRepo({ name: options.name, empty: true, under: options.under });
  repo.write(TASK_FILE, taskFileText(options.tasks));
  repo.write('.gitignore', '.env*\n!.env.example\nnode_modules/\n*.lock\n');
  repo.write('.env.example', 'TOKEN=\n');
  repo.write('src/app.ts', 'export const app = 1;\n');
  if (!options.empty) {
    repo.commit('add the plan');
  }
  const taskFilePath = join(repo.root, TASK_FILE);
  return { ...repo, taskFilePath, store: new TaskFileStore(taskFilePath) };
}
