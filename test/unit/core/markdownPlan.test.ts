import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readMarkdownPlan } from '../../../src/features/plan-import/model/markdownPlan';
import { importEdits } from '../../../src/features/plan-import/model/importEdits';
import { matchImportedTask } from '../../../src/features/plan-import/model/matchTasks';
import { repairMojibake } from '../../../src/features/plan-import/model/mojibake';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { FIXTURES, fixture } from './helpers';

/** The team's Markdown plan as it is on disk: double-encoded UTF-8 included. */
const SEED = join(FIXTURES, 'lukhas', 'task_assignments.md');

function markdown(name: string) {
  return readMarkdownPlan(fixture('markdown', name));
}

describe('reading Markdown plans', () => {
  it('repairs double-encoded UTF-8 and drops what cannot be repaired', () => {
    assert.equal(repairMojibake('Checklist âœ…'), 'Checklist ✅');
    assert.equal(repairMojibake('2â€“4 Hour Wins (â‰¤20)'), '2–4 Hour Wins (≤20)');
    assert.equal(repairMojibake('ğŸ¯ Role'), ' Role');
    assert.equal(repairMojibake('café crème, Größe'), 'café crème, Größe');
  });

  it('reads the seed plan’s tables and task sections with clean names', () => {
    const plan = readMarkdownPlan(readFileSync(SEED, 'utf8'));
    assert.equal(plan.tasks.length, 21);
    for (const task of plan.tasks) {
      assert.ok(!/[âğŸ€œ]/.test(task.name + (task.group ?? '')), task.name);
    }
    const byId = new Map(plan.tasks.map((t) => [t.id, t]));
    assert.deepEqual(
      [byId.get('B')!.owner, byId.get('B')!.reviewer, byId.get('B')!.criticalReview],
      ['Codex', 'CRITICAL REVIEW', true],
    );
    assert.equal(byId.get('E402-1')!.name, 'E402 Batch 1 (≤20 files)');
    const cc3 = byId.get('CC-3')!;
    assert.equal(cc3.checklist.length, 6);
    assert.equal(cc3.acceptance[0], 'All checklist items verified');
    assert.equal(cc3.priority, 'CRITICAL');
    assert.equal(byId.get('CC-1')!.branch, 'chore/claude/coordination-dashboard');
    assert.equal(byId.get('CC-2')!.name, 'Coordination Dashboard (Real-Time Progress)');
    assert.deepEqual(plan.unread, []);
  });

  it('matches every seed row to the team’s JSON plan by the documented rule', () => {
    const plan = readMarkdownPlan(readFileSync(SEED, 'utf8'));
    const model = loadTaskFile(fixture('lukhas', 'task_status.json')).model!;
    const matches = plan.tasks.map((task) => matchImportedTask(task, model.tasks));
    assert.ok(matches.every((m) => m.kind === 'matched'));
    const keyOf = (i: number) => (matches[i].kind === 'matched' ? matches[i].task.key : '');
    assert.equal(keyOf(0), 'task1_shadow_diff');
    assert.equal(keyOf(plan.tasks.findIndex((t) => t.id === 'CC-1')), 'cc1_guardrails');
  });

  it('reads GitHub task lists under their headings', () => {
    const plan = markdown('task-lists.md');
    assert.deepEqual(
      plan.tasks.map((t) => [t.name, t.group, t.done]),
      [
        ['Freeze the public API', 'Backend', true],
        ['Migrate the sessions table', 'Backend', false],
        ['Drop the legacy v1 endpoints', 'Backend', false],
        ['Changelog entry', 'Docs', false],
        ['Upgrade guide', 'Docs', true],
      ],
    );
  });

  it('merges a table row with its task section, and lists what it could not read by line', () => {
    const plan = markdown('table-and-sections.md');
    const pay1 = plan.tasks.find((t) => t.id === 'PAY-1')!;
    assert.deepEqual(
      [pay1.owner, pay1.estimate, pay1.priority, pay1.status, pay1.criticalReview, pay1.branch],
      ['Codex', 'M', 'P1', 'In Progress', true, 'feat/codex/ledger-writer'],
    );
    assert.deepEqual(pay1.acceptance, [
      'no double writes',
      'replay is idempotent',
      'Ledger totals match the nightly reconciliation',
      'Dashboards updated',
    ]);
    assert.deepEqual(pay1.checklist, ['Extract the writer', 'Add the outbox']);
    const pay9 = plan.tasks.find((t) => t.id === 'PAY-9')!;
    assert.deepEqual(
      [pay9.priority, pay9.estimate, pay9.files],
      ['low', '90min', ['jobs/archive.py', 'jobs/archive_test.py']],
    );
    assert.deepEqual(
      plan.unread.map((u) => u.line),
      [9, 25],
    );
  });

  it('reads task sections with no table, and names an unknown field’s line', () => {
    const plan = markdown('sections-only.md');
    assert.deepEqual(
      plan.tasks.map((t) => [t.id, t.name, t.priority]),
      [
        ['SR-1', 'Query parser behind a flag', 'HIGH'],
        ['SR-2', 'Synonyms', 'MEDIUM'],
      ],
    );
    assert.deepEqual(plan.tasks[0].deliverables, ['Parser module', 'Feature flag search.v2']);
    assert.deepEqual(plan.tasks[0].checklist, ['Flag defaults to off', 'Golden queries unchanged']);
    assert.deepEqual(plan.unread, [{ line: 18, text: '**Mystery field**: something unknown' }]);
  });

  it('imports one way without churn: a priority or estimate spelled otherwise, a base branch and status are left alone', () => {
    const model = loadTaskFile(
      JSON.stringify({
        tasks: {
          g: {
            t1: {
              id: 'X-1',
              name: 'One',
              status: 'in_progress',
              priority: 'high',
              estimated_hours: 2,
            },
          },
        },
      }),
    ).model!;
    const rows = readMarkdownPlan(
      [
        '## Task X-1: One',
        '**Priority**: **HIGH**',
        '**Time**: 120min',
        '**Branch**: `main`',
        '**Risk**: LOW',
      ].join('\n'),
    ).tasks;
    const plan = importEdits(rows, model);
    assert.deepEqual(plan.edits, [
      { kind: 'setTaskField', taskKey: 't1', field: 'risk', value: 'LOW' },
    ]);
    const fresh = importEdits(rows, undefined);
    assert.equal(fresh.edits[0].kind, 'addTask');
    assert.ok(fresh.edits[0].kind === 'addTask' && fresh.edits[0].fields.branch === undefined);
  });

  it('never throws on any text', () => {
    const markdownish = fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          '| # | Task |',
          '|---|---|',
          '### Task X-1: y',
          '**Files**:',
          '- [ ] a',
          '---',
          'â€“ğŸ¯',
        ),
      ),
    );
    fc.assert(
      fc.property(markdownish, (lines) => {
        const plan = readMarkdownPlan(lines.join('\n'));
        assert.ok(Array.isArray(plan.tasks) && Array.isArray(plan.unread));
      }),
      { numRuns: 500 },
    );
  });
});
