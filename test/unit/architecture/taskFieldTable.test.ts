import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { MERGE_RULES, mergeRuleFor } from '../../../src/features/plan-merge/model/rules';
import type { Problem } from '../../../src/kernel/model/problems';
import { fieldCode, readTask } from '../../../src/kernel/model/readTask';
import {
  TASK_FIELD_TABLE,
  TASK_FIELDS,
  type TaskFieldSpec,
  type TaskFieldType,
} from '../../../src/kernel/model/taskFields';
import { taskFileJsonSchema } from '../../../src/kernel/schema/jsonSchema';
import { taskSchema } from '../../../src/kernel/schema/taskFileSchema';

/** A value of each kind that the reader reads without a problem (a new kind needs one here). */
const SAMPLES: Record<TaskFieldType, unknown> = {
  text: 'some text',
  textOrNumber: 'INV-7',
  optionalText: 'feat/codex/sample',
  people: ['Codex', 'Copilot'],
  status: 'In Progress',
  priority: 'P1',
  estimate: '2-3h',
  hours: 1.5,
  count: 3,
  prNumber: 442,
  prNumbers: [442, 443],
  time: '2025-10-16T05:32:29Z',
  flag: true,
  progress: { total_steps: 4, completed_steps: 1 },
  textList: ['first', 'second'],
  namedTexts: { latency: 'p95 < 200ms' },
  reviews: [{ reviewer: 'Claude Code', verdict: 'approve', at: '2025-10-16T05:32:29Z' }],
  reviewRequests: [{ by: 'Codex', at: '2025-10-16T05:32:29Z' }],
  statusHistory: [{ status: 'in_progress', at: '2025-10-16T05:32:29Z' }],
};

const FIELDS = Object.entries(TASK_FIELD_TABLE) as [string, TaskFieldSpec][];
const ALL_NAMES = FIELDS.flatMap(([, spec]) => spec.names);

function read(raw: Record<string, unknown>) {
  const problems: Problem[] = [];
  const task = readTask(
    raw,
    { key: 'k', group: 'g', index: 0, path: ['tasks', 'g', 'k'] },
    (problem) => problems.push(problem),
  );
  const { raw: _raw, ...model } = task;
  return { model, problems };
}

describe('the one field table of the task file', () => {
  it('names every spelling once', () => {
    assert.equal(new Set(ALL_NAMES).size, ALL_NAMES.length);
  });

  it('is what the reader dispatches on: every read spelling, and nothing else', () => {
    const read = FIELDS.filter(([, spec]) => spec.read);
    assert.deepEqual(
      Object.keys(TASK_FIELDS),
      read.map(([id]) => id),
    );
    read.forEach(([, spec], slot) =>
      spec.names.forEach((name, rank) => assert.equal(fieldCode(name), slot * 8 + rank, name)),
    );
    // The switch is written out for speed; it may not spell a field the table lacks.
    const source = readFileSync(
      join(__dirname, '..', '..', '..', 'src', 'kernel', 'model', 'readTask.ts'),
      'utf8',
    );
    const body = source.slice(source.indexOf('export function fieldCode'));
    const cases = [...body.slice(0, body.indexOf('default:')).matchAll(/case '([^']+)':/g)];
    assert.deepEqual(
      cases.map((match) => match[1]),
      read.flatMap(([, spec]) => spec.names),
    );
    for (const [, spec] of FIELDS.filter(([, spec]) => !spec.read)) {
      for (const name of spec.names) {
        assert.equal(fieldCode(name), -1, `${name} is not read into the model`);
      }
    }
  });

  it('is what the task schema lists: every spelling, and no task field besides', () => {
    assert.deepEqual(Object.keys(taskSchema.shape).sort(), [...ALL_NAMES].sort());
  });

  it('gives every spelling of a task field its merge rule, and the merge knows no other task field', () => {
    for (const [, spec] of FIELDS) {
      for (const name of spec.names) {
        assert.equal(mergeRuleFor('task', name), spec.merge, name);
      }
    }
    for (const entry of MERGE_RULES.filter((rule) => rule.scope === 'task')) {
      for (const name of entry.names) {
        assert.ok(ALL_NAMES.includes(name), `merge rule for "${name}", which the table lacks`);
      }
    }
  });

  it('reads every alias as its field, and the editor’s schema accepts it with the same value', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(taskFileJsonSchema());
    for (const [id, spec] of FIELDS) {
      const value = SAMPLES[spec.type];
      const preferred = read({ [spec.names[0]]: value });
      assert.deepEqual(preferred.problems, [], `${id}: ${JSON.stringify(preferred.problems)}`);
      if (spec.read) {
        assert.notDeepEqual(preferred.model, read({}).model, `${id} is read into the model`);
      }
      for (const name of spec.names) {
        const task = { id: 'a', title: 'A', [name]: value };
        assert.equal(
          validate({ tasks: [task] }),
          true,
          `${name}: ${JSON.stringify(validate.errors)}`,
        );
        const alias = read({ [name]: value });
        assert.deepEqual(alias.problems, [], name);
        assert.deepEqual(alias.model, preferred.model, `${name} reads as ${spec.names[0]}`);
      }
    }
  });
});
