import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../core/helpers';
import { createTempRepo, type TempRepo } from '../taskfile/gitRepo';
import { coord } from './runCoord';

describe('coord import --dry-run (real process, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let plan: string;

  before(() => {
    repo = createTempRepo();
    plan = repo.write(
      'docs/plans/task_status.json',
      readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'),
    );
    repo.write(
      'docs/plans/TASK_ASSIGNMENTS.md',
      readFileSync(join(FIXTURES, 'lukhas', 'task_assignments.md'), 'utf8'),
    );
    repo.write(
      'docs/plans/payments.md',
      readFileSync(join(FIXTURES, 'markdown', 'table-and-sections.md'), 'utf8'),
    );
  });
  after(() => repo.remove());

  it('reports matched, new and ambiguous rows against the plan, and writes nothing', async () => {
    const before = readFileSync(plan, 'utf8');
    const run = await coord(['import', 'docs/plans/TASK_ASSIGNMENTS.md', '--dry-run'], repo.main);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^57: CC-1 Pre-Audit Guardrails Checklist: matches cc1_guardrails \(by id\)$/m,
    );
    assert.match(
      run.stdout,
      /^25: 1 Shadow-Diff Harness: matches task1_shadow_diff \(by key column\)$/m,
    );
    assert.match(
      run.stdout,
      /^21 tasks: 21 matched, 0 new, 0 ambiguous; dry run: nothing written$/m,
    );
    assert.equal(readFileSync(plan, 'utf8'), before);
  });

  it('lists the lines it could not read', async () => {
    const run = await coord(['import', 'docs/plans/payments.md', '--dry-run'], repo.main);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^3 tasks: 0 matched, 3 new, 0 ambiguous/m);
    assert.match(run.stdout, /^not read: line 9: \| PAY-3 \| this row has \| too few cells \|$/m);
  });

  it('imports into the plan: fields added to the matched tasks, status and progress kept; again, nothing changes', async () => {
    const { loadTaskFile } = await import('../../../src/kernel/model/load');
    const before = loadTaskFile(readFileSync(plan, 'utf8')).model!;
    const run = await coord(['import', 'docs/plans/TASK_ASSIGNMENTS.md'], repo.main);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^21 tasks: 21 matched, 0 new, 0 ambiguous; \d+ changes written to /m);
    const after = loadTaskFile(readFileSync(plan, 'utf8')).model!;
    for (const task of before.tasks) {
      const now = after.byKey.get(task.key)!;
      assert.deepEqual([now.status, now.progress], [task.status, task.progress], task.key);
    }
    const cc3 = after.byKey.get('cc3_circuit_review')!;
    assert.equal(cc3.checklist.length, 6);
    assert.equal(cc3.acceptance.length, 3);
    assert.deepEqual(after.byKey.get('taskB_circuit_breaker')!.files, [
      'matriz/core/',
      'lukhas/adapters/',
    ]);
    const show = await coord(['show', 'cc3'], repo.main);
    assert.match(
      show.stdout,
      /^checklist: +MATRIZ integration preserves reasoning chain provenance; /m,
    );

    const again = await coord(['import', 'docs/plans/TASK_ASSIGNMENTS.md'], repo.main);
    assert.match(again.stdout, /^21 tasks: 21 matched, 0 new, 0 ambiguous; 0 changes written/m);
  });

  it('a plan that cannot be created is one line, not a stack trace', async () => {
    const run = await coord(
      ['import', 'docs/plans/payments.md', '--into', 'no-such-folder/plan.json'],
      repo.main,
    );
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /^coord: cannot create no-such-folder\/plan\.json: ENOENT/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  });

  it('imports into a new plan file, and a second import matches the same tasks', async () => {
    const first = await coord(
      ['import', 'docs/plans/payments.md', '--into', 'payments.json'],
      repo.main,
    );
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^3 tasks: 0 matched, 3 new, 0 ambiguous/m);
    const list = await coord(['list', '--json', '--file', 'payments.json'], repo.main);
    const tasks = (
      JSON.parse(list.stdout) as { tasks: { key: string; status: string; group: string }[] }
    ).tasks;
    assert.deepEqual(
      tasks.map((t) => [t.key, t.status, t.group]),
      [
        ['pay-1', 'in_progress', 'sprint-7'],
        ['pay-2', 'not_started', 'sprint-7'],
        ['pay-9', 'not_started', 'sprint-7'],
      ],
    );
    const second = await coord(
      ['import', 'docs/plans/payments.md', '--into', 'payments.json'],
      repo.main,
    );
    assert.match(second.stdout, /^3 tasks: 3 matched, 0 new, 0 ambiguous; 0 changes written/m);
  });
});
