import assert from 'node:assert/strict';
import { externalPrerequisites } from '../../../src/kernel/model/graph';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { taskFileSchema } from '../../../src/kernel/schema/taskFileSchema';
import { fixture } from './helpers';

function load(name: string) {
  const text = fixture('variants', name);
  const loaded = loadTaskFile(text);
  assert.equal(loaded.broken, false, name);
  return { text, loaded, model: loaded.model!, graph: loaded.graph! };
}

describe('loadTaskFile on the variants teams write', () => {
  it('reads a flat tasks array with titles, status spellings, owners and range estimates', () => {
    const { loaded, model, graph } = load('flat-array.json');
    assert.equal(model.layout, 'array');
    assert.deepEqual(
      model.tasks.map((t) => [t.key, t.status, t.statusText]),
      [
        ['P1', 'not_started', 'NOT STARTED'],
        ['P2', 'in_progress', 'In Progress'],
        ['P3', 'completed', 'COMPLETE'],
        ['P4', 'completed', 'done'],
        ['P5', 'not_started', undefined],
      ],
    );
    const p1 = model.byKey.get('P1')!;
    assert.equal(p1.name, 'Extract the retry policy');
    assert.deepEqual(p1.owners, ['Codex', 'Copilot']);
    assert.equal(p1.priority, 'high');
    assert.deepEqual(p1.estimate, { hours: 2.5, low: 2, high: 3, text: '2-3h' });
    assert.deepEqual([p1.phase, p1.risk, p1.reviewer], ['FIRST', 'LOW', 'Claude Code']);
    assert.deepEqual(p1.files, ['src/retry.ts', 'test/retry.test.ts']);
    assert.equal(p1.acceptance.length, 2);
    assert.deepEqual(p1.raw.custom_field, { kept: true });
    assert.equal(model.byKey.get('P2')!.estimate!.hours, 0.5);
    assert.deepEqual(model.byKey.get('P3')!.estimate, {
      hours: 1.5,
      low: 1,
      high: 2,
      text: '1-2h',
    });
    assert.deepEqual(
      model.groups.map((g) => [g.key, g.taskKeys]),
      [
        ['tasks', ['P1', 'P2']],
        ['release', ['P3', 'P4', 'P5']],
      ],
    );
    assert.deepEqual(graph.dependencies.get('P2'), [{ name: 'P1', taskKey: 'P1' }]);
    assert.deepEqual(externalPrerequisites(graph, 'P4'), ['launch_approved']);
    assert.ok(graph.ready.has('P5') && graph.ready.has('P1') && !graph.ready.has('P2'));
    assert.equal(loaded.summary!.byStatus.completed, 2);
    assert.deepEqual(loaded.diagnostics, []);
  });

  it('reads a flat map of tasks, string notes and short status words', () => {
    const { model, graph, loaded } = load('flat-map.json');
    assert.deepEqual(
      model.groups.map((g) => g.key),
      ['tasks'],
    );
    assert.equal(model.byKey.get('docs_snippets')!.status, 'not_started');
    assert.equal(model.byKey.get('api_headers')!.status, 'in_progress');
    assert.deepEqual(model.byKey.get('api_headers')!.notes, ['started after standup']);
    assert.equal(model.byKey.get('api_headers')!.prNumber, 12);
    assert.deepEqual(graph.dependencies.get('docs_snippets'), [
      { name: 'api_headers', taskKey: 'api_headers' },
    ]);
    assert.ok(!graph.ready.has('docs_snippets'));
    assert.deepEqual(loaded.diagnostics, []);
  });

  it('reads the seeds’ upper-case statuses, resolves dependencies by id and keeps unknown counts', () => {
    const { model, graph, loaded } = load('seeds-style.json');
    assert.deepEqual(
      model.tasks.map((t) => t.status),
      ['not_started', 'completed', 'waiting', 'in_progress'],
    );
    assert.equal(model.byKey.get('cc1_guardrails')!.estimate!.hours, 0.5);
    assert.equal(model.byKey.get('cc2_dashboard')!.hoursSpent, 1.25);
    assert.deepEqual(graph.dependencies.get('cc3_circuit_review'), [
      { name: 'taskB', taskKey: 'taskB_circuit_breaker' },
    ]);
    assert.equal(model.guardrails[0].dependsOn, 'taskB');
    const drift = loaded.diagnostics.find((d) => d.code === 'summary-drift')!;
    assert.match(drift.message, /in_progress 0 \(tasks say 1\)/);
    assert.match(drift.message, /not_started 3 \(tasks say 1\)/);
  });

  it('accepts every variant with the zod schema too', () => {
    for (const name of ['flat-array.json', 'flat-map.json', 'seeds-style.json', 'problems.json']) {
      const result = taskFileSchema.safeParse(JSON.parse(fixture('variants', name)));
      const shapeOk = name !== 'problems.json';
      assert.equal(result.success, shapeOk, `${name}: ${result.error?.message ?? ''}`);
    }
    assert.ok(taskFileSchema.safeParse(JSON.parse(fixture('lukhas', 'task_status.json'))).success);
  });
});

describe('field names', () => {
  it('the reader’s field switch knows exactly the spellings TASK_FIELDS lists', async () => {
    const { TASK_FIELDS, fieldCode } = await import('../../../src/kernel/model/readTask');
    Object.values(TASK_FIELDS).forEach((names, slot) =>
      names.forEach((name, rank) => assert.equal(fieldCode(name), slot * 8 + rank, name)),
    );
    assert.equal(fieldCode('files_count'), -1);
  });
});
