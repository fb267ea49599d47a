import assert from 'node:assert/strict';
import {
  blockingChain,
  displayStatus,
  externalPrerequisites,
} from '../../../src/kernel/model/graph';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { normaliseStatus } from '../../../src/kernel/model/statuses';
import { fixture, pointedText, positionOf } from './helpers';

const text = fixture('lukhas', 'task_status.json');
const raw = JSON.parse(text) as {
  tasks: Record<
    string,
    Record<string, { status: string; dependencies: string[]; estimated_hours: number }>
  >;
};

describe('loadTaskFile on the real lukhas task file', () => {
  const loaded = loadTaskFile(text);
  const model = loaded.model!;
  const graph = loaded.graph!;

  it('reads every group and task in file order', () => {
    assert.equal(loaded.broken, false);
    assert.deepEqual(
      model.groups.map((g) => g.key),
      Object.keys(raw.tasks),
    );
    const keys = Object.values(raw.tasks).flatMap((group) => Object.keys(group));
    assert.deepEqual(
      model.tasks.map((t) => t.key),
      keys,
    );
    assert.equal(model.layout, 'map');
    assert.equal(model.schemaVersion, '1.0');
  });

  it('gives each task the range of its object in the text', () => {
    for (const task of model.tasks) {
      const slice = text.slice(task.range!.offset, task.range!.offset + task.range!.length);
      assert.deepEqual(JSON.parse(slice), raw.tasks[task.group][task.key]);
    }
  });

  it('keeps the waiting tasks waiting and blocks them on their task dependencies', () => {
    const waiting = model.tasks.filter((t) => t.status === 'waiting').map((t) => t.id);
    assert.deepEqual(waiting, ['cc3', 'cc4', 'cc5', 'cc6']);
    const cc3 = model.byKey.get('cc3_circuit_review')!;
    assert.deepEqual(graph.dependencies.get(cc3.key), [
      { name: 'taskB_circuit_breaker', taskKey: 'taskB_circuit_breaker' },
    ]);
    assert.equal(displayStatus(cc3, graph), 'waiting');
    assert.deepEqual(blockingChain(model, graph, 'cc3_circuit_review'), ['taskB_circuit_breaker']);
    assert.deepEqual(graph.dependents.get('taskB_circuit_breaker'), ['cc3_circuit_review']);
  });

  it('shows external prerequisites without letting them block readiness', () => {
    assert.deepEqual(externalPrerequisites(graph, 'task5_soak_sentinel'), ['prometheus_running']);
    assert.ok(graph.ready.has('task5_soak_sentinel'));
    assert.equal(displayStatus(model.byKey.get('task5_soak_sentinel')!, graph), 'ready');
    assert.deepEqual(externalPrerequisites(graph, 'cc6_integration_tests'), [
      'multiple_prs_merged',
    ]);
  });

  it('marks ready exactly the not-started tasks whose task dependencies are completed', () => {
    for (const [group, tasks] of Object.entries(raw.tasks)) {
      for (const [key, task] of Object.entries(tasks)) {
        const depsDone = task.dependencies.every((d) => {
          const dep = Object.values(raw.tasks).find((g) => g[d])?.[d];
          return !dep || normaliseStatus(dep.status) === 'completed';
        });
        assert.equal(
          graph.ready.has(key),
          task.status === 'not_started' && depsDone,
          `${group}.${key}`,
        );
      }
    }
  });

  it('derives the summary from the tasks and warns where the stored one drifts', () => {
    const statuses = Object.values(raw.tasks).flatMap((g) => Object.values(g).map((t) => t.status));
    assert.equal(loaded.summary!.total, statuses.length);
    assert.equal(
      loaded.summary!.byStatus.in_progress,
      statuses.filter((s) => s === 'in_progress').length,
    );
    assert.equal(loaded.summary!.byStatus.waiting, statuses.filter((s) => s === 'waiting').length);
    const drift = loaded.diagnostics.filter((d) => d.code === 'summary-drift');
    assert.equal(drift.length, 1);
    assert.equal(drift[0].severity, 'warning');
    assert.match(drift[0].message, /in_progress 0 \(tasks say 1\)/);
    assert.ok(pointedText(text, drift[0]).startsWith('{'));
    assert.deepEqual(
      { line: drift[0].line, column: drift[0].column },
      positionOf(text, drift[0].range.offset),
    );
    assert.equal(loaded.diagnostics.filter((d) => d.severity === 'error').length, 0);
  });

  it('reads the guardrails with their commands and task dependency', () => {
    const shadow = model.guardrails.find((g) => g.key === 'shadow_diff')!;
    assert.equal(shadow.command, 'make shadow-diff');
    assert.equal(shadow.dependsOn, 'task1_shadow_diff');
    assert.equal(
      model.guardrails.find((g) => g.key === 'openapi_validation')!.command,
      'make openapi-spec && make openapi-headers-guard',
    );
  });

  it('finds the critical path as the longest chain of open tasks by estimate', () => {
    const hours = (key: string) => model.byKey.get(key)!.estimate?.hours ?? 0;
    const sum = (keys: string[]) => keys.reduce((s, k) => s + hours(k), 0);
    // Brute force: every chain that follows dependencies between open tasks.
    const open = model.tasks.filter((t) => t.status !== 'completed').map((t) => t.key);
    const longest = (key: string): number =>
      hours(key) +
      Math.max(
        0,
        ...(graph.dependencies.get(key) ?? [])
          .filter((r) => r.taskKey && open.includes(r.taskKey))
          .map((r) => longest(r.taskKey!)),
      );
    const best = Math.max(...open.map(longest));
    assert.ok(Math.abs(sum(graph.criticalPath) - best) < 1e-9);
    for (let i = 1; i < graph.criticalPath.length; i++) {
      const refs = graph.dependencies.get(graph.criticalPath[i])!;
      assert.ok(refs.some((r) => r.taskKey === graph.criticalPath[i - 1]));
    }
  });
});
