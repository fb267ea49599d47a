import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { taskFileJsonSchema } from '../../../src/kernel/schema/jsonSchema';
import { TASK_FIELDS } from '../../../src/kernel/model/readTask';
import { fixture } from './helpers';

describe('the generated JSON Schema', () => {
  const schema = taskFileJsonSchema();
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('accepts the real file and the variants, as VS Code would', () => {
    for (const file of [
      ['lukhas', 'task_status.json'],
      ['variants', 'flat-array.json'],
      ['variants', 'flat-map.json'],
      ['variants', 'seeds-style.json'],
      ['variants', 'batch-array.json'],
      ['variants', 'categories.json'],
      ['variants', 'agents.json'],
      ['variants', 'owners.json'],
      ['variants', 'grouped-lists.json'],
      ['variants', 'single-task.json'],
    ]) {
      assert.equal(
        validate(JSON.parse(fixture(...file))),
        true,
        `${file.join('/')}: ${JSON.stringify(validate.errors)}`,
      );
    }
  });

  it('rejects wrong types inside grouped tasks', () => {
    const doc = JSON.parse(fixture('lukhas', 'task_status.json')) as {
      tasks: Record<string, Record<string, Record<string, unknown>>>;
    };
    doc.tasks.top5.task1_shadow_diff.critical_review = 'yes';
    assert.equal(validate(doc), false);
    assert.ok(
      validate.errors!.some(
        (e) => e.instancePath === '/tasks/top5/task1_shadow_diff/critical_review',
      ),
    );
  });

  it('accepts every spelling of a field the reader accepts, with the reader’s types', () => {
    const task: Record<string, unknown> = {};
    for (const names of Object.values(TASK_FIELDS)) {
      for (const name of names) {
        const text = JSON.stringify(schema);
        assert.ok(text.includes(`"${name}":{`), `schema lists ${name}`);
      }
    }
    task.task_id = 'INV-1';
    task.title = 'Paginate';
    task.prs = [442, 443];
    task.acceptance_criteria = { pagination: 'cursor survives inserts' };
    task.estimate = { type: 'architectural', size: 'M' };
    task.review_checklist = ['tests reviewed'];
    assert.equal(validate({ tasks: [task] }), true, JSON.stringify(validate.errors));
    assert.equal(validate({ tasks: [{ ...task, prs: ['soon'] }] }), false);
  });

  it('accepts a guardrail expecting a list of texts and patterns, with its recorded cause', () => {
    const doc = {
      tasks: [{ id: 'a', title: 'A' }],
      pre_audit_guardrails: {
        lint: {
          command: 'make lint',
          expected: ['pass', '/hits: 0$/'],
          cause: 'command not found: ruff',
        },
      },
    };
    assert.equal(validate(doc), true, JSON.stringify(validate.errors));
    assert.equal(
      validate({ ...doc, pre_audit_guardrails: { lint: { command: 'x', expected: [1] } } }),
      false,
    );
  });

  it('documents the fields hovers show', () => {
    const text = JSON.stringify(schema);
    for (const phrase of [
      'Task status. Canonical',
      'external prerequisites',
      'Shell command line',
      'Estimate: hours',
    ]) {
      assert.ok(text.includes(phrase), phrase);
    }
  });
});
