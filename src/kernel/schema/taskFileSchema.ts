import { z } from 'zod';
import { STATUS_SPELLINGS } from '../model/statuses';
import { reviewFieldsOfTask, reviewRulesSchema } from './reviewSchema';
import { PRIORITIES, TASK_STATUSES } from '../model/types';

/**
 * The task file as zod schemas: the source of the JSON Schema contributed to VS Code (completion
 * and hover docs) and of the tests that check the hand-written reader accepts the same files.
 * Loose objects: unknown fields are allowed and kept.
 */

const statusSchema = z.union([z.enum(TASK_STATUSES), z.string()]).describe(
  `Task status. Canonical: ${TASK_STATUSES.join(', ')}. Also accepted (any case, space/underscore/hyphen): ${Object.values(
    STATUS_SPELLINGS,
  )
    .flat()
    .filter((s) => !(TASK_STATUSES as readonly string[]).includes(s))
    .join(', ')}.`,
);

const prioritySchema = z
  .union([z.enum(PRIORITIES), z.string()])
  .describe(`Priority: ${PRIORITIES.join(', ')}.`);

const stringList = (description: string) =>
  z.union([z.array(z.string()), z.string()]).describe(description);

export const progressSchema = z
  .looseObject({
    total_steps: z.int().min(0).describe('Number of steps the task has.'),
    completed_steps: z.int().min(0).describe('Steps done; at most total_steps.'),
    percentage: z
      .number()
      .min(0)
      .max(100)
      .describe('0..100; derived from the steps when both are present.'),
  })
  .partial()
  .describe('Progress through the task steps.');

export const taskSchema = z
  .looseObject({
    id: z
      .union([z.string(), z.number()])
      .describe('Short id (task1, taskB, cc3); dependencies may name a task by id or by key.'),
    name: z.string().describe('Title of the task.'),
    title: z.string().describe('Title of the task (alias of name).'),
    owner: z
      .union([z.string(), z.array(z.string())])
      .describe(
        'Who does it: an agent or person, several joined with "+" (e.g. "Codex + Copilot").',
      ),
    status: statusSchema,
    priority: prioritySchema,
    estimated_hours: z
      .union([z.number().min(0), z.string()])
      .describe('Estimate: hours as a number (2.5), or text such as "30min", "2h", "2-3h".'),
    hours_spent: z.number().min(0).describe('Hours spent so far.'),
    branch: z
      .string()
      .nullable()
      .describe(
        'Task branch, by convention <type>/<agent>/<slug>, e.g. feat/codex/shadow-diff-harness.',
      ),
    dependencies: stringList(
      'Task keys or ids that must be completed first; names that are no task are external prerequisites (e.g. prometheus_running).',
    ),
    pr_number: z.int().min(1).nullable().describe('Number of the pull request for this task.'),
    critical_review: z.boolean().describe('A reviewer must sign off before merge.'),
    progress: progressSchema,
    blockers: stringList('What blocks the task, free text (e.g. waiting_for_taskB).'),
    notes: stringList('Free notes appended by people and agents.'),
    files: stringList('Files the task touches.'),
    files_count: z.int().min(0).describe('Number of files the task touches.'),
    acceptance: stringList('Acceptance criteria.'),
    deliverables: stringList('What the task delivers.'),
    risk: z.string().describe('Risk level, e.g. LOW, MEDIUM.'),
    phase: z.string().describe('Execution phase, e.g. FIRST, SECOND, THIRD, FOURTH.'),
    reviewer: z.string().describe('Who reviews the work (a role or agent).'),
    worktree_path: z.string().describe('Path of the git worktree the task is worked in.'),
    started_at: z.string().describe('When work started (ISO time).'),
    started_by: z
      .string()
      .describe('Who started the task (an agent or person); recorded on start.'),
    ...reviewFieldsOfTask,
  })
  .partial()
  .describe('A task.');

/** In a flat map a task must carry its name, or every group would also pass as a task. */
const flatMapTaskSchema = z.union([
  taskSchema.extend({ name: z.string().describe('Title of the task.') }),
  taskSchema.extend({ title: z.string().describe('Title of the task (alias of name).') }),
]);

export const guardrailSchema = z
  .looseObject({
    command: z
      .string()
      .describe(
        'Shell command line to run, e.g. "make openapi-spec && make openapi-headers-guard". Runs only in a trusted workspace.',
      ),
    required: z.boolean().describe('Whether the guardrail must pass (default true).'),
    status: z.string().describe('Result of the last run, as recorded.'),
    expected: z.string().describe('What a passing run looks like, e.g. "0 violations".'),
    output_path: z
      .string()
      .describe('Where the run writes its output; <timestamp> is replaced by the run time.'),
    depends_on: z
      .string()
      .describe('Task key (or id) that must be completed before this guardrail is meaningful.'),
    description: z.string().describe('What the guardrail checks.'),
    last_run: z.string().describe('When it last ran (ISO time).'),
    duration_ms: z.number().min(0).describe('How long the last run took, in milliseconds.'),
  })
  .partial({
    required: true,
    status: true,
    expected: true,
    output_path: true,
    depends_on: true,
    description: true,
    last_run: true,
    duration_ms: true,
  })
  .describe('A guardrail command.');

export const summarySchema = z
  .looseObject({
    total_tasks: z.int().min(0),
    in_progress: z.int().min(0),
    completed: z.int().min(0),
    not_started: z.int().min(0),
    blocked: z.int().min(0),
    waiting: z.int().min(0),
    completion_percentage: z.number().min(0).max(100),
  })
  .partial()
  .describe(
    'Counts per status. Derived from the tasks by the coordinator, which warns when they disagree and keeps them in step on writes.',
  );

export const taskFileSchema = z
  .looseObject({
    last_updated: z
      .string()
      .describe('When the file was last written (ISO time); refreshed on every write.'),
    schema_version: z.string().describe('Version of the task file format, e.g. "1.0".'),
    summary: summarySchema,
    tasks: z
      .union([
        z.record(z.string(), z.record(z.string(), taskSchema)),
        z.record(z.string(), flatMapTaskSchema),
        z.array(taskSchema),
      ])
      .describe(
        'Groups of tasks (group → task key → task), a map of task key → task, or a flat list of tasks.',
      ),
    pre_audit_guardrails: z
      .record(z.string(), guardrailSchema)
      .describe('Guardrail commands by key.'),
    guardrails: z
      .record(z.string(), guardrailSchema)
      .describe('Guardrail commands by key (alias of pre_audit_guardrails).'),
    metrics: z
      .record(z.string(), z.unknown())
      .describe('Free-form metrics: hours, PR counts, CI failures.'),
    review_rules: reviewRulesSchema,
  })
  .partial({
    last_updated: true,
    schema_version: true,
    summary: true,
    pre_audit_guardrails: true,
    guardrails: true,
    metrics: true,
    review_rules: true,
  })
  .describe('Agent Coordinator task file (task_status.json).');

export type TaskFileDocument = z.infer<typeof taskFileSchema>;
