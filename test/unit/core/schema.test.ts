import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { taskFileJsonSchema } from '../../../src/kernel/schema/jsonSchema';
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
