import assert from 'node:assert/strict';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { ACCEPTED_STATUS_SPELLINGS } from '../../../src/kernel/model/statuses';
import type { Diagnostic } from '../../../src/kernel/model/types';
import { fixture, pointedText, positionOf } from './helpers';

const text = fixture('variants', 'problems.json');
const loaded = loadTaskFile(text);

function only(code: string, filter: (d: Diagnostic) => boolean = () => true): Diagnostic {
  const found = loaded.diagnostics.filter((d) => d.code === code && filter(d));
  assert.equal(
    found.length,
    1,
    `${code}: ${JSON.stringify(loaded.diagnostics.map((d) => d.code))}`,
  );
  assert.deepEqual(
    { line: found[0].line, column: found[0].column },
    positionOf(text, found[0].range.offset),
    code,
  );
  return found[0];
}

describe('diagnostics with line and column', () => {
  it('loads the model despite the problems, without throwing', () => {
    assert.equal(loaded.broken, false);
    assert.ok(loaded.model);
  });

  it('warns about an unknown status, listing the accepted spellings', () => {
    const d = only('unknown-status');
    assert.equal(d.severity, 'warning');
    assert.equal(pointedText(text, d), '"finished-ish"');
    for (const spelling of ['not_started', 'in_progress', 'completed', 'COMPLETE', 'done']) {
      assert.ok(d.message.includes(spelling));
    }
    assert.ok(ACCEPTED_STATUS_SPELLINGS.includes('NOT STARTED'));
    assert.equal(loaded.model!.byKey.get('alpha')!.statusText, 'finished-ish');
  });

  it('warns about an unknown priority and an unreadable estimate', () => {
    assert.equal(pointedText(text, only('unknown-priority')), '"sky-high"');
    assert.match(only('unknown-priority').message, /critical, high, medium, low/);
    assert.equal(pointedText(text, only('bad-estimate')), '"soon"');
  });

  it('reports a self-dependency at the dependency', () => {
    const d = only('self-dependency');
    assert.equal(d.severity, 'error');
    assert.equal(pointedText(text, d), '"alpha"');
    assert.equal(d.taskKey, 'alpha');
  });

  it('reports duplicate ids and duplicate keys', () => {
    const id = only('duplicate-id');
    assert.equal(id.taskKey, 'beta');
    assert.equal(pointedText(text, id), '"a"');
    const sameGroup = only('duplicate-key', (d) => d.message.includes('last occurrence'));
    assert.equal(pointedText(text, sameGroup), '"gamma"');
    assert.equal(sameGroup.range.offset, text.indexOf('"gamma": {'));
    assert.equal(loaded.model!.byKey.get('gamma')!.name, 'Gamma again');
    const otherGroup = only('duplicate-key', (d) => d.message.includes('ignored'));
    assert.equal(otherGroup.range.offset, text.lastIndexOf('"beta": {') + '"beta": '.length);
    assert.equal(loaded.model!.byKey.get('beta')!.name, 'Beta');
  });

  it('reports a cycle with its members', () => {
    const d = only('cycle');
    assert.deepEqual(loaded.graph!.cycles, [['beta', 'gamma']]);
    assert.match(d.message, /beta → gamma → beta/);
    assert.ok(!loaded.graph!.ready.has('beta'));
  });

  it('reports progress out of range and wrong types', () => {
    const steps = only('progress-range', (d) => d.message.includes('completed_steps'));
    assert.equal(pointedText(text, steps), '5');
    const percentage = only('progress-range', (d) => d.message.includes('percentage'));
    assert.equal(percentage.taskKey, 'gamma');
    assert.equal(pointedText(text, percentage), '140');
    const types = loaded.diagnostics.filter((d) => d.code === 'wrong-type');
    assert.deepEqual(types.map((d) => pointedText(text, d)).sort(), ['"soon"', '"yes"', 'true']);
    for (const d of types) {
      assert.deepEqual({ line: d.line, column: d.column }, positionOf(text, d.range.offset));
    }
  });

  it('reports invalid JSON at the parser position and never gives a model', () => {
    const broken = '{\n  "tasks": {\n    "g": { "a": { "name": "x", } }\n  }\n}\n';
    const result = loadTaskFile(broken);
    assert.equal(result.broken, true);
    assert.equal(result.model, undefined);
    const d = result.diagnostics[0];
    assert.equal(d.code, 'json-syntax');
    assert.deepEqual(
      { line: d.line, column: d.column },
      positionOf(broken, broken.indexOf(', }') + 2),
    );
    assert.deepEqual({ line: d.line, column: d.column }, positionOf(broken, d.range.offset));
  });

  it('reports comments as invalid JSON', () => {
    const result = loadTaskFile('{\n  // plan\n  "tasks": []\n}');
    assert.equal(result.broken, true);
    assert.match(result.diagnostics[0].message, /comments/);
    assert.equal(result.diagnostics[0].line, 2);
  });
});

describe('duplicated fields inside an entry', () => {
  const dup = `{
  "tasks": {
    "g": {
      "t1": { "id": "t1", "name": "One", "status": "not_started", "priority": "high", "status": "in_progress" },
      "t2": { "id": "t2", "name": "Two", "status": "not_started", "meta": { "a": 1, "a": 2 } },
      "t1": { "id": "t1b", "name": "One again", "status": "not_started" }
    }
  }
}
`;
  const result = loadTaskFile(dup);
  const duplicates = result.diagnostics.filter((d) => d.code === 'duplicate-key');

  it('reports each field named twice in one object at its first, unread occurrence', () => {
    const status = duplicates.find(
      (d) => d.message === 'duplicate field "status": only its last occurrence is read',
    );
    assert.ok(status, JSON.stringify(duplicates));
    assert.equal(status.range.offset, dup.indexOf('"status"'));
    assert.deepEqual(
      { line: status.line, column: status.column },
      positionOf(dup, status.range.offset),
    );
    assert.equal(status.severity, 'error');
    assert.equal(status.taskKey, 't1');
    const nested = duplicates.find((d) => d.message.startsWith('duplicate field "a"'));
    assert.equal(nested?.range.offset, dup.indexOf('"a": 1'));
    assert.equal(nested?.taskKey, 't2');
  });

  it('reports a repeated task key once, not also as a repeated field', () => {
    assert.equal(duplicates.filter((d) => d.range.offset === dup.indexOf('"t1": {')).length, 1);
    assert.equal(duplicates.length, 3);
  });

  it('names the task in flat layouts too', () => {
    const flat = `{ "tasks": [ { "id": "a1", "name": "A", "status": "done", "meta": { "x": 1, "x": 2 }, "status": "in_progress" } ] }`;
    const found = loadTaskFile(flat).diagnostics.filter((d) => d.code === 'duplicate-key');
    assert.deepEqual(
      found.map((d) => [d.message, d.taskKey]),
      [
        ['duplicate field "status": only its last occurrence is read', 'a1'],
        ['duplicate field "x": only its last occurrence is read', 'a1'],
      ],
    );
  });

  it('keeps reading the file: the last occurrence wins, as in every JSON reader', () => {
    assert.equal(result.broken, false);
    assert.equal(result.model!.byKey.get('t2')!.status, 'not_started');
  });
});
