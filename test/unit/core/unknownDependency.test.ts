import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { editDistance } from '../../../src/kernel/model/likelyTask';

const fixture = readFileSync(
  path.resolve(__dirname, '../../fixtures/lukhas/task_status.json'),
  'utf8',
);

function withDependency(text: string, taskKey: string, from: string, to: string): string {
  const at = text.indexOf(JSON.stringify(taskKey));
  const dependency = text.indexOf(JSON.stringify(from), at);
  assert.ok(dependency > at, `${taskKey} depends on ${from}`);
  return text.slice(0, dependency) + JSON.stringify(to) + text.slice(dependency + from.length + 2);
}

describe('dependency names that look like a mistyped task key', () => {
  it('warns with the key it probably meant, on the exact text of the name', () => {
    const text = withDependency(
      fixture,
      'cc3_circuit_review',
      'taskB_circuit_breaker',
      'taskB_circuit_breakr',
    );
    const loaded = loadTaskFile(text);
    const warnings = loaded.diagnostics.filter((d) => d.code === 'unknown-dependency');
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    const [warning] = warnings;
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.suggestion, 'taskB_circuit_breaker');
    assert.equal(warning.taskKey, 'cc3_circuit_review');
    assert.equal(
      text.slice(warning.range.offset, warning.range.offset + warning.range.length),
      '"taskB_circuit_breakr"',
    );
    assert.match(warning.message, /did you mean "taskB_circuit_breaker"/);
  });

  it('finds a slip in the first word too, and a mistyped id', () => {
    for (const [typo, meant] of [
      ['tsakB_circuit_breaker', 'taskB_circuit_breaker'],
      ['taskb_circuit_breaker', 'taskB_circuit_breaker'],
      ['tasB', 'taskB'],
    ]) {
      const loaded = loadTaskFile(
        withDependency(fixture, 'cc3_circuit_review', 'taskB_circuit_breaker', typo),
      );
      const warning = loaded.diagnostics.find((d) => d.code === 'unknown-dependency');
      assert.equal(warning?.suggestion, meant, typo);
    }
  });

  it('keeps short names that are one slip from a task id quiet unless they are long enough', () => {
    const loaded = loadTaskFile(
      withDependency(fixture, 'cc3_circuit_review', 'taskB_circuit_breaker', 'cc'),
    );
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.code === 'unknown-dependency'),
      [],
    );
  });

  it('leaves real external prerequisites alone', () => {
    const loaded = loadTaskFile(fixture);
    const external = [...loaded.graph!.dependencies.values()]
      .flat()
      .filter((ref) => ref.taskKey === undefined);
    assert.ok(external.length > 0, 'the fixture has external prerequisites');
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.code === 'unknown-dependency'),
      [],
    );
  });

  it('measures edit distance, stopping past the limit', () => {
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('same', 'same', 0), 0);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('', 'abc', 5), 3);
  });
});
