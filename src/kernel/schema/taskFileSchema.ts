import { z } from 'zod';
import { SIZE_HOURS } from '../model/estimate';
import { TASK_FIELD_TABLE, type TaskFieldSpec, type TaskFieldType } from '../model/taskFields';
import { STATUS_SPELLINGS } from '../model/statuses';
import { reviewRecordSchema, reviewRequestSchema, reviewRulesSchema } from './reviewSchema';
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

const statusHistorySchema = z.array(
  z
    .looseObject({
      status: z.string().describe('The new status.'),
      from: z.string().describe('The status before.'),
      at: z.string().describe('When (ISO time).'),
      by: z.string().describe('Who changed it.'),
      host: z.string().describe('Through what: editor, cli or mcp.'),
    })
    .partial({ from: true, by: true, host: true }),
);

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

/** The schema of each kind of field value in `TASK_FIELD_TABLE`. */
const FIELD_TYPE_SCHEMAS: Record<TaskFieldType, z.ZodType> = {
  text: z.string(),
  textOrNumber: z.union([z.string(), z.number()]),
  optionalText: z.string().nullable(),
  people: z.union([z.string(), z.array(z.string())]),
  status: statusSchema,
  priority: prioritySchema,
  estimate: estimateSchema,
  hours: z.number().min(0),
  count: z.int().min(0),
  prNumber: prNumberSchema.nullable(),
  prNumbers: z.union([z.array(prNumberSchema), prNumberSchema]),
  time: z.string(),
  flag: z.boolean(),
  progress: progressSchema,
  textList: z.union([z.array(z.string()), z.string()]),
  namedTexts: z.union([
    z.array(z.string()),
    z.string(),
    z.record(z.string(), z.union([z.string(), z.number()])),
  ]),
  reviews: z.array(reviewRecordSchema),
  reviewRequests: z.array(reviewRequestSchema),
  statusHistory: statusHistorySchema,
};

/**
 * Every spelling of every field in `TASK_FIELD_TABLE` with its kind's schema, so the editor accepts
 * and documents each alias the reader accepts.
 */
const taskFieldShape: Record<string, z.ZodType> = {};
for (const spec of Object.values(TASK_FIELD_TABLE) as TaskFieldSpec[]) {
  const schema = FIELD_TYPE_SCHEMAS[spec.type];
  const description = spec.description ?? schema.description ?? '';
  spec.names.forEach((name, rank) => {
    taskFieldShape[name] = schema.describe(
      rank === 0 ? description : `${description} (alias of ${spec.names[0]})`,
    );
  });
}

export const taskSchema = z.looseObject(taskFieldShape).partial().describe('A task.');

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
