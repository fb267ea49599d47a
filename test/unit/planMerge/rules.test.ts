import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MERGE_RULES, mergeRuleFor } from '../../../src/features/plan-merge/model/rules';

const DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'task-file.md'), 'utf8');

describe('the merge rule table', () => {
  it('is documented in docs/task-file.md: every field with its names, scope and rule on one row', () => {
    const section = DOC.slice(DOC.indexOf('## Merging across branches'));
    const rows = section.split('\n').filter((line) => line.startsWith('| '));
    for (const entry of MERGE_RULES) {
      const row = rows.find(
        (line) =>
          line.startsWith(`| ${entry.scope} `) &&
          entry.names.every((name) => line.includes(`\`${name}\``)),
      );
      assert.ok(row, `no row for ${entry.scope} ${entry.names.join(', ')}`);
      const rule = entry.rule === 'conflict' ? '**conflict**' : `**${entry.rule}**`;
      assert.ok(row.includes(rule), `${entry.names[0]}: the row does not name ${rule}`);
    }
  });

  it('reads every alias of a field as the field, and anything else as a conflict', () => {
    assert.equal(mergeRuleFor('task', 'state'), 'status');
    assert.equal(mergeRuleFor('task', 'depends_on'), 'set');
    assert.equal(mergeRuleFor('guardrail', 'status'), 'latestRun');
    assert.equal(mergeRuleFor('task', 'name'), 'conflict');
    assert.equal(mergeRuleFor('document', 'status'), 'conflict');
  });
});
