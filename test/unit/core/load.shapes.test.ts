import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/kernel/edits/apply';
import { externalPrerequisites, unfinishedDependencies } from '../../../src/kernel/model/graph';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { fixture } from './helpers';

function load(name: string) {
  const text = fixture('variants', name);
  const loaded = loadTaskFile(text);
  assert.equal(loaded.broken, false, `${name}: ${JSON.stringify(loaded.diagnostics)}`);
  assert.deepEqual(loaded.diagnostics, [], name);
  return { text, model: loaded.model!, graph: loaded.graph! };
}

const NOW = new Date('2026-11-29T21:00:00Z');

/**
 * The lines that differ between `before` and `after`, at the same positions, once a `last_updated` the edit
 * added is taken out again (the only plan-level field a write adds).
 */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  // The store adds a missing `last_updated` as a line of its own, written like the first member.
  const unstamped = before.includes('"last_updated"')
    ? after
    : after
        .split('\n')
        .filter((line) => !/^\s*"last_updated":\s*"[^"]*",?\s*$/.test(line))
        .join('\n');
  const a = before.split('\n');
  const b = unstamped.split('\n');
  assert.equal(b.length, a.length, 'no line added or removed');
  const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
  return { removed: changed.map((i) => a[i]), added: changed.map((i) => b[i]) };
}

describe('every plan shape read into the one model', () => {
  it('a flat array of agent batch tasks: keys from task_id, P0–P3, T-shirt and object estimates, acceptance object, several PRs', () => {
    const { model, graph } = load('batch-array.json');
    assert.deepEqual(
      model.tasks.map((t) => [t.key, t.id, t.name, t.priority, t.estimate?.hours]),
      [
        ['INV-101', 'INV-101', 'Index the invoice ledger by customer', 'critical', 4],
        ['INV-102', 'INV-102', 'Paginate the invoice export', 'high', 2],
        ['INV-103', 'INV-103', 'Email the monthly statement', 'medium', 16],
        ['INV-104', 'INV-104', 'Render statements as PDF', 'low', 3],
      ],
    );
    assert.equal(model.byKey.get('INV-101')!.estimate!.text, 'M (architectural)');
    const inv102 = model.byKey.get('INV-102')!;
    assert.deepEqual(inv102.acceptance, [
      'pagination: cursor survives a concurrent insert',
      'latency: p95 under 300 ms for 10k rows',
    ]);
    assert.deepEqual([inv102.prNumber, inv102.prNumbers], [451, [451, 452]]);
    assert.equal(inv102.criticalReview, true);
    const inv103 = model.byKey.get('INV-103')!;
    assert.deepEqual(inv103.checklist, ['template reviewed', 'unsubscribe link present']);
    assert.equal(inv103.reviewer, 'Critical review');
    assert.deepEqual(unfinishedDependencies(model, graph, 'INV-103'), ['INV-102', 'INV-104']);
    assert.deepEqual(externalPrerequisites(graph, 'INV-103'), ['smtp_relay_provisioned']);
  });

  it('tasks under task_categories.<name>.tasks, as a list or a map', () => {
    const { model, graph } = load('categories.json');
    assert.deepEqual(
      model.groups.map((g) => [g.key, g.taskKeys]),
      [
        ['backend', ['SR-1', 'SR-2']],
        ['frontend', ['sr_results_page']],
      ],
    );
    assert.equal(model.byKey.get('sr_results_page')!.id, 'SR-3');
    assert.deepEqual(
      graph.dependencies.get('sr_results_page')!.map((r) => r.taskKey ?? r.name),
      ['SR-1', 'SR-2', 'design_signed_off'],
    );
    assert.equal(model.byKey.get('SR-1')!.estimate!.hours, 8);
  });

  it('tasks under agents.<name>.tasks take the agent as owner unless they name one', () => {
    const { model } = load('agents.json');
    assert.deepEqual(
      model.tasks.map((t) => [t.key, t.group, t.owners, t.prNumbers]),
      [
        ['AG-1', 'codex', ['codex'], [610, 611]],
        ['AG-2', 'copilot', ['Copilot', 'Claude Code'], []],
      ],
    );
  });

  it('tasks keyed by owner, as a list or a map', () => {
    const { model, graph } = load('owners.json');
    assert.deepEqual(
      model.tasks.map((t) => [t.key, t.owner, t.status]),
      [
        ['OW-1', 'Ana', 'completed'],
        ['OW-2', 'Ana', 'not_started'],
        ['OW-3', 'Codex', 'not_started'],
      ],
    );
    assert.ok(graph.ready.has('OW-2'));
  });

  it('groups that hold lists of tasks beside groups that hold maps', () => {
    const { model } = load('grouped-lists.json');
    assert.deepEqual(
      model.tasks.map((t) => [t.key, t.group]),
      [
        ['GL-1', 'week_1'],
        ['week_1-2', 'week_1'],
        ['gl_rollout', 'week_2'],
      ],
    );
  });

  it('a file that is one task', () => {
    const { model } = load('single-task.json');
    assert.equal(model.tasks.length, 1);
    const task = model.tasks[0];
    assert.deepEqual(
      [task.key, task.name, task.priority, task.estimate?.hours],
      ['SOLO-7', 'Rotate the signing keys', 'critical', 1],
    );
    assert.deepEqual(task.files, ['ops/keys.sh']);
  });

  it('a pull-request listing says in one line that it is not a plan, and gives no tasks', () => {
    const loaded = loadTaskFile(fixture('variants', 'gh-pr-list.json'));
    assert.equal(loaded.broken, true);
    assert.equal(loaded.model, undefined);
    assert.equal(loaded.diagnostics.length, 1);
    assert.equal(loaded.diagnostics[0].code, 'not-a-plan');
    assert.match(loaded.diagnostics[0].message, /list of 2 pull requests .* not a plan/);
    assert.ok(!loaded.diagnostics[0].message.includes('\n'));
  });

  it('a Markdown plan read as JSON says so in one line instead of listing syntax errors', () => {
    const loaded = loadTaskFile(fixture('markdown', 'table-and-sections.md'));
    assert.equal(loaded.diagnostics.length, 1);
    assert.equal(loaded.diagnostics[0].code, 'not-a-plan');
    assert.match(loaded.diagnostics[0].message, /Markdown plan, not JSON: import it/);
    assert.equal(loadTaskFile('{"tasks": [}').diagnostics[0].code, 'json-syntax');
  });

  it('a list of objects with no task field at all is not a plan either', () => {
    const loaded = loadTaskFile(JSON.stringify({ tasks: [{ sha: 'abc' }, { sha: 'def' }] }));
    assert.equal(loaded.diagnostics[0].code, 'not-a-plan');
    assert.match(
      loaded.diagnostics[0].message,
      /none of its 2 entries has a title, name, status or id/,
    );
  });
});

describe('edits stay minimal in each shape’s own layout', () => {
  const cases: [string, string][] = [
    ['batch-array.json', 'INV-104'],
    ['categories.json', 'SR-2'],
    ['categories.json', 'SR-3'],
    ['agents.json', 'AG-2'],
    ['owners.json', 'OW-3'],
    ['grouped-lists.json', 'week_1-2'],
    ['single-task.json', 'SOLO-7'],
  ];
  for (const [file, key] of cases) {
    it(`${file}: setting ${key} in progress changes its status line only`, () => {
      const text = fixture('variants', file);
      const after = applyEdits(
        text,
        [{ kind: 'setStatus', taskKey: key, status: 'in_progress' }],
        NOW,
      );
      const { removed, added } = changedLines(text, after);
      assert.equal(removed.length, 1, `${file}: ${removed.join(' | ')}`);
      assert.equal(added.length, 1, `${file}: ${added.join(' | ')}`);
      assert.match(removed[0], /"status"|"state"/);
      const withoutStatus = (line: string) => line.replace(/"(status|state)": "[^"]*"/, '');
      assert.equal(withoutStatus(added[0]), withoutStatus(removed[0]));
      const reloaded = loadTaskFile(after);
      const task =
        reloaded.model!.byKey.get(key) ?? reloaded.model!.tasks.find((t) => t.id === key)!;
      assert.equal(task.status, 'in_progress');
      assert.equal(reloaded.model!.tasks.length, loadTaskFile(text).model!.tasks.length);
    });
  }

  it('a file that is one task gets no last_updated added to it', () => {
    const text = fixture('variants', 'single-task.json');
    const after = applyEdits(
      text,
      [{ kind: 'setStatus', taskKey: 'SOLO-7', status: 'completed' }],
      NOW,
    );
    assert.ok(!after.includes('last_updated'));
  });

  it('several PRs go to the task’s own list field, or pr_numbers beside pr_number', () => {
    const batch = fixture('variants', 'batch-array.json');
    const one = applyEdits(
      batch,
      [{ kind: 'setPrNumbers', taskKey: 'INV-101', prNumbers: [442, 443] }],
      NOW,
    );
    const inv101 = loadTaskFile(one).model!.byKey.get('INV-101')!;
    assert.deepEqual([inv101.prNumber, inv101.prNumbers], [442, [442, 443]]);
    assert.deepEqual(inv101.raw.pr_numbers, [442, 443]);
    const agents = fixture('variants', 'agents.json');
    const two = applyEdits(
      agents,
      [{ kind: 'setPrNumbers', taskKey: 'AG-1', prNumbers: [610, 611, 612] }],
      NOW,
    );
    const ag1 = loadTaskFile(two).model!.byKey.get('AG-1')!;
    assert.deepEqual(ag1.prNumbers, [610, 611, 612]);
    assert.deepEqual([ag1.raw.prs, ag1.raw.pr_numbers], [[610, 611, 612], undefined]);
  });
});

describe('the task brief of a batch task', () => {
  it('lists its acceptance criteria written as an object, and its checklist as a task list', async () => {
    const { renderTaskBrief } = await import('../../../src/features/worktrees/model/brief');
    const { model } = load('batch-array.json');
    const brief = (key: string) =>
      renderTaskBrief({
        task: model.byKey.get(key)!,
        model,
        branch: 'feat/x',
        base: 'main',
        worktreePath: '/tmp/x',
        taskFileLabel: 'plan.json',
        taskFilePath: '/tmp/plan.json',
      });
    assert.match(
      brief('INV-102'),
      /## Acceptance criteria\n\n- pagination: cursor survives a concurrent insert\n- latency: p95 under 300 ms for 10k rows\n/,
    );
    assert.match(
      brief('INV-103'),
      /## Checklist\n\n- \[ \] template reviewed\n- \[ \] unsubscribe link present\n/,
    );
  });
});

describe('adding a task in the plan’s own layout', () => {
  const fields = { name: 'Imported', status: 'completed' };
  it('goes to its group (made when missing), to a flat list, or to a group’s list; a stored summary counts it', () => {
    const grouped = `${JSON.stringify({ summary: { total_tasks: 1, completed: 0 }, tasks: { a: { t1: { name: 'One', status: 'todo' } } } }, null, 2)}\n`;
    const into = (text: string, group: string, key: string) =>
      loadTaskFile(applyEdits(text, [{ kind: 'addTask', taskKey: key, group, fields }], NOW));
    const sameGroup = into(grouped, 'a', 'n1');
    assert.deepEqual(
      sameGroup.model!.groups.map((g) => [g.key, g.taskKeys]),
      [['a', ['t1', 'n1']]],
    );
    assert.deepEqual(sameGroup.model!.storedSummary, { totalTasks: 2, completed: 1 });
    const newGroup = into(grouped, 'b', 'n1');
    assert.deepEqual(
      newGroup.model!.groups.map((g) => g.key),
      ['a', 'b'],
    );
    const batch = into(fixture('variants', 'batch-array.json'), 'ignored', 'INV-105');
    assert.equal(batch.model!.tasks.at(-1)!.key, 'INV-105');
    const lists = into(fixture('variants', 'grouped-lists.json'), 'week_1', 'GL-9');
    assert.deepEqual(lists.model!.groups[0].taskKeys, ['GL-1', 'week_1-2', 'GL-9']);
    assert.throws(
      () => applyEdits(grouped, [{ kind: 'addTask', taskKey: 't1', group: 'a', fields }], NOW),
      /already in the plan/,
    );
  });

  it('goes under a category, an agent or an owner in a nested plan, in the layout already there', () => {
    const add = (file: string, taskKey: string, group: string, extra = {}) => {
      const text = fixture('variants', file);
      const after = applyEdits(
        text,
        [{ kind: 'addTask', taskKey, group, fields: { ...fields, ...extra } }],
        NOW,
      );
      return { before: loadTaskFile(text).model!, after: loadTaskFile(after).model!, text: after };
    };
    const category = add('categories.json', 'SR-9', 'backend');
    assert.equal(category.after.tasks.length, category.before.tasks.length + 1);
    assert.deepEqual(
      category.after.groups.find((g) => g.key === 'backend')?.taskKeys.at(-1),
      'SR-9',
    );
    const newCategory = add('categories.json', 'SR-10', 'docs');
    assert.deepEqual(newCategory.after.groups.at(-1)?.taskKeys, ['SR-10']);
    assert.ok(
      Array.isArray(
        (JSON.parse(newCategory.text) as { task_categories: { docs: { tasks: unknown } } })
          .task_categories.docs.tasks,
      ),
      'a new category gets a tasks list like the others',
    );

    const agent = add('agents.json', 'AG-9', 'imported', { owner: 'codex' });
    const added = agent.after.tasks.find((t) => t.key === 'AG-9' || t.id === 'AG-9');
    assert.equal(added?.owner, 'codex', 'filed under its agent');
    assert.equal(added?.name, 'Imported');
    const newAgent = add('agents.json', 'AG-10', 'imported', { owner: 'Claude Code' });
    assert.equal(
      newAgent.after.tasks.find((t) => t.key === 'AG-10' || t.id === 'AG-10')?.owner,
      'Claude Code',
    );

    const owner = add('owners.json', 'OW-9', 'imported', { owner: 'Ana' });
    assert.equal(owner.after.tasks.length, owner.before.tasks.length + 1);
    assert.equal(owner.after.tasks.find((t) => t.id === 'OW-9')?.owner, 'Ana');
    const unowned = add('owners.json', 'OW-10', 'imported');
    assert.ok(unowned.after.tasks.some((t) => t.id === 'OW-10'));

    for (const text of [category.text, agent.text, owner.text]) {
      assert.equal(loadTaskFile(text).broken, false);
    }
    assert.throws(
      () =>
        applyEdits(
          fixture('variants', 'single-task.json'),
          [{ kind: 'addTask', taskKey: 'x', group: 'a', fields }],
          NOW,
        ),
      /one task and cannot hold another/,
    );
  });
});
