import { z } from 'zod';
import { SIZE_HOURS } from '../model/estimate';
import { TASK_FIELDS } from '../model/readTask';
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

const prNumberSchema = z.int().min(1);

/** A list of texts, one text, or an object of item name → text (`{"latency": "p95 < 200ms"}`). */
const namedTexts = (description: string) =>
  z
    .union([
      z.array(z.string()),
      z.string(),
      z.record(z.string(), z.union([z.string(), z.number()])),
    ])
    .describe(description);

const estimateSchema = z
  .union([
    z.number().min(0),
    z.string(),
    z
      .looseObject({
        type: z.string().describe('Kind of work, e.g. architectural, spike.'),
        size: z.string().describe(`T-shirt size: ${Object.keys(SIZE_HOURS).join(', ')}.`),
        hours: z.number().min(0).describe('Hours.'),
      })
      .partial(),
  ])
  .describe(
    `Estimate: hours as a number (2.5), text such as "30min", "2h", "2-3h", a T-shirt size (${Object.entries(
      SIZE_HOURS,
    )
      .map(([size, hours]) => `${size.toUpperCase()} = ${hours}h`)
      .join(', ')}), or {"type": "architectural", "size": "M"}.`,
  );

/**
 * The schema of each field the reader understands, by its `TASK_FIELDS` entry. Every spelling the
 * reader accepts gets the same schema, so the editor accepts and documents each alias.
 */
const TASK_FIELD_SCHEMAS: Record<keyof typeof TASK_FIELDS, z.ZodType> = {
  name: z.string().describe('Title of the task.'),
  id: z
    .union([z.string(), z.number()])
    .describe(
      'Short id (task1, taskB, cc3, INV-102); dependencies may name a task by id or by key. In a list of tasks it is also the task key.',
    ),
  owner: z
    .union([z.string(), z.array(z.string())])
    .describe('Who does it: an agent or person, several joined with "+" (e.g. "Codex + Copilot").'),
  status: statusSchema,
  priority: prioritySchema,
  estimate: estimateSchema,
  hoursSpent: z.number().min(0).describe('Hours spent so far.'),
  branch: z
    .string()
    .nullable()
    .describe(
      'Task branch, by convention <type>/<agent>/<slug>, e.g. feat/codex/shadow-diff-harness. Two tasks may share one.',
    ),
  prNumber: prNumberSchema.nullable().describe('Number of the pull request for this task.'),
  worktreePath: z.string().describe('Path of the git worktree the task is worked in.'),
  startedAt: z.string().describe('When work started (ISO time).'),
  criticalReview: z.boolean().describe('A reviewer must sign off before merge.'),
  progress: progressSchema,
  dependencies: stringList(
    'Task keys or ids that must be completed first; names that are no task are external prerequisites (e.g. prometheus_running).',
  ),
  blockers: stringList('What blocks the task, free text (e.g. waiting_for_taskB).'),
  notes: stringList('Free notes appended by people and agents.'),
  files: stringList('Files the task touches.'),
  acceptance: namedTexts('Acceptance criteria: a list, or an object of criterion name → text.'),
  deliverables: namedTexts('What the task delivers: a list, or an object of name → text.'),
  risk: z.string().describe('Risk level, e.g. LOW, MEDIUM.'),
  phase: z.string().describe('Execution phase, e.g. FIRST, SECOND, THIRD, FOURTH.'),
  reviewer: z
    .union([z.string(), z.array(z.string())])
    .describe(
      'Who reviews the work, or the reviewer\'s role (e.g. "Review PR", "CRITICAL REVIEW").',
    ),
  prNumbers: z
    .union([z.array(prNumberSchema), prNumberSchema])
    .describe('Every pull request of a task split across several, in order.'),
  checklist: namedTexts('Review or step checklist items: a list, or an object of name → text.'),
};

const taskFieldShape: Record<string, z.ZodType> = {};
for (const [field, names] of Object.entries(TASK_FIELDS) as [
  keyof typeof TASK_FIELDS,
  readonly string[],
][]) {
  names.forEach((name, rank) => {
    const schema = TASK_FIELD_SCHEMAS[field];
    taskFieldShape[name] =
      rank === 0 ? schema : schema.describe(`${schema.description ?? ''} (alias of ${names[0]})`);
  });
}

export const taskSchema = z
  .looseObject({
    ...taskFieldShape,
    key: z.union([z.string(), z.number()]).describe('Task key, in a list of tasks.'),
    files_count: z.int().min(0).describe('Number of files the task touches.'),
    group: z.string().describe('Group of a task in a list of tasks.'),
    started_by: z
      .string()
      .describe('Who started the task (an agent or person); recorded on start.'),
    waits_for: z
      .array(z.string())
      .describe(
        'Tasks this one waits for before it starts, because it would collide with them (a soft dependency: it gates nothing; recorded by Wait at start, cleared when the task starts).',
      ),
    ...reviewFieldsOfTask,
    status_history: z
      .array(
        z
          .looseObject({
            status: z.string().describe('The new status.'),
            from: z.string().describe('The status before.'),
            at: z.string().describe('When (ISO time).'),
            by: z.string().describe('Who changed it.'),
            host: z.string().describe('Through what: editor, cli or mcp.'),
          })
          .partial({ from: true, by: true, host: true }),
      )
      .describe('Every status change, recorded by the tool: start, pause and completion times.'),
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
    expected: z
      .union([z.string(), z.array(z.string())])
      .describe(
        'What a passing run prints, matched line by line in any case: text ("0 violations"; a number matches only that whole number), a /regex/flags, or a list that must all match.',
      ),
    cause: z
      .string()
      .describe('Likeliest cause of the last failure, read from its output (recorded by runs).'),
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
    cause: true,
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

const planFields = {
  last_updated: z
    .string()
    .describe('When the file was last written (ISO time); refreshed on every write.'),
  schema_version: z.string().describe('Version of the task file format, e.g. "1.0".'),
  summary: summarySchema,
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
};

/** The tasks of one category, agent or owner: a list, a map of key → task, or either under `tasks`. */
const taskHolderSchema = z.union([
  z.array(taskSchema),
  z.record(z.string(), taskSchema),
  z.looseObject({
    tasks: z.union([z.array(taskSchema), z.record(z.string(), taskSchema)]),
  }),
]);

const nestedSection = (description: string) =>
  z.record(z.string(), taskHolderSchema).describe(description);

const planWithTasks = z
  .looseObject({
    ...planFields,
    tasks: z
      .union([
        z.record(z.string(), z.union([z.record(z.string(), taskSchema), z.array(taskSchema)])),
        z.record(z.string(), flatMapTaskSchema),
        z.array(taskSchema),
      ])
      .describe(
        'Groups of tasks (group → task key → task, or group → list of tasks), a map of task key → task, or a flat list of tasks.',
      ),
  })
  .partial({
    last_updated: true,
    schema_version: true,
    summary: true,
    pre_audit_guardrails: true,
    guardrails: true,
    metrics: true,
    review_rules: true,
  });

const nestedPlan = z
  .looseObject({
    ...planFields,
    tasks: z.never().describe('A plan keeps its tasks either in "tasks" or in sections.'),
    task_categories: nestedSection('Tasks by category: category → tasks.'),
    categories: nestedSection('Tasks by category (alias of task_categories).'),
    agents: nestedSection(
      'Tasks by agent: agent → tasks; the agent owns tasks that name no owner.',
    ),
    owners: nestedSection('Tasks by owner: owner → tasks; the owner owns tasks that name none.'),
    by_owner: nestedSection('Tasks by owner (alias of owners).'),
    assignees: nestedSection('Tasks by assignee (alias of owners).'),
  })
  .partial();

/** A file that is one task: it needs an id and a title (or name). */
const singleTask = z.union([
  taskSchema.extend({ task_id: z.union([z.string(), z.number()]), title: z.string() }),
  taskSchema.extend({ id: z.union([z.string(), z.number()]), title: z.string() }),
  taskSchema.extend({ id: z.union([z.string(), z.number()]), name: z.string() }),
  taskSchema.extend({ task_id: z.union([z.string(), z.number()]), name: z.string() }),
]);

export const taskFileSchema = z
  .union([planWithTasks, z.array(taskSchema), nestedPlan, singleTask])
  .describe(
    'Agent Coordinator task file (task_status.json): a plan with "tasks", a list of tasks, tasks under "task_categories", "agents" or "owners", or one task.',
  );

export type TaskFileDocument = z.infer<typeof taskFileSchema>;
