import assert from 'node:assert/strict';
import { mergeTaskFiles } from '../../../src/features/plan-merge/model/mergeTaskFiles';
import type { PlanMergeResult } from '../../../src/features/plan-merge/model/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { conflictSides } from './conflictSides';

type Doc = Record<string, unknown> & { tasks: Record<string, Record<string, Task>> };
type Task = Record<string, unknown>;

function ancestor(): Doc {
  return {
    last_updated: '2025-10-16T05:32:29Z',
    schema_version: '1.0',
    summary: { total_tasks: 3, in_progress: 0, completed: 0, not_started: 3, blocked: 0 },
    tasks: {
      top5: {
        task1: {
          id: 't1',
          name: 'Shadow diff',
          status: 'not_started',
          owner: 'Codex',
          blockers: ['waiting_for_b'],
          notes: ['first'],
          x_custom: { keep: true },
        },
        task2: {
          id: 't2',
          name: 'Circuit breaker',
          status: 'in_progress',
          dependencies: ['task1'],
          progress: { total_steps: 4, completed_steps: 1, percentage: 25 },
        },
      },
      hygiene: { task3: { id: 't3', name: 'Lint', status: 'not_started' } },
    },
    pre_audit_guardrails: {
      lint: { command: 'npm run lint', required: true, depends_on: 'task2', status: 'pending' },
    },
  };
}

const text = (doc: unknown, indent: number | string = 2) =>
  `${JSON.stringify(doc, null, indent)}\n`;

function edited(change: (doc: Doc) => void): Doc {
  const doc = ancestor();
  change(doc);
  return doc;
}

function merge(ours: Doc, theirs: Doc, theirsIndent: number | string = 2): PlanMergeResult {
  return mergeTaskFiles(text(ancestor()), text(ours), text(theirs, theirsIndent));
}

function mergedDoc(result: PlanMergeResult): Doc {
  assert.equal(
    result.kind,
    'merged',
    JSON.stringify(result.kind === 'conflict' && result.conflicts),
  );
  return JSON.parse(result.text) as Doc;
}

describe('three-way merge of the task file', () => {
  it('takes changes to different tasks from both sides, in ours formatting', () => {
    const ours = edited((d) => (d.tasks.top5.task1.status = 'in_progress'));
    const theirs = edited((d) => (d.tasks.hygiene.task3.owner = 'Claude'));
    const result = merge(ours, theirs, 4);
    const doc = mergedDoc(result);
    assert.equal(doc.tasks.top5.task1.status, 'in_progress');
    assert.equal(doc.tasks.hygiene.task3.owner, 'Claude');
    // Ours' two-space layout and key order survive; theirs' four-space layout does not leak in.
    assert.equal(
      result.text,
      text(
        edited((d) => {
          d.tasks.top5.task1.status = 'in_progress';
          d.tasks.hygiene.task3.owner = 'Claude';
          d.summary = { total_tasks: 3, in_progress: 2, completed: 0, not_started: 1, blocked: 0 };
        }),
      ),
    );
  });

  it('takes different fields of one task from both sides and keeps unknown fields', () => {
    const ours = edited((d) => (d.tasks.top5.task1.owner = 'Codex + Copilot'));
    const theirs = edited((d) => (d.tasks.top5.task1.branch = 'feat/codex/shadow'));
    const task = mergedDoc(merge(ours, theirs)).tasks.top5.task1;
    assert.deepEqual(task, {
      ...ancestor().tasks.top5.task1,
      owner: 'Codex + Copilot',
      branch: 'feat/codex/shadow',
    });
    assert.deepEqual(Object.keys(task).slice(-2), ['x_custom', 'branch']);
  });

  it('resolves the same field changed on both sides by its rule and reports each decision', () => {
    const ours = edited((d) => {
      const t = d.tasks.top5.task1;
      t.status = 'in_progress';
      t.blockers = ['waiting_for_b', 'ours_blocker'];
      t.notes = ['first', 'ours note'];
      d.last_updated = '2025-10-17T00:00:00Z';
      d.tasks.top5.task2.progress = { total_steps: 4, completed_steps: 2, percentage: 50 };
    });
    const theirs = edited((d) => {
      const t = d.tasks.top5.task1;
      t.status = 'waiting';
      t.blockers = ['theirs_blocker'];
      t.notes = ['first', 'theirs note'];
      d.last_updated = '2025-10-18T00:00:00Z';
      d.tasks.top5.task2.progress = { total_steps: 4, completed_steps: 3, percentage: 75 };
    });
    const result = merge(ours, theirs);
    const doc = mergedDoc(result);
    const t = doc.tasks.top5.task1;
    assert.equal(t.status, 'in_progress');
    assert.deepEqual(
      t.blockers,
      ['ours_blocker', 'theirs_blocker'],
      'removed on one side stays removed',
    );
    assert.deepEqual(t.notes, ['first', 'ours note', 'theirs note']);
    assert.equal(doc.last_updated, '2025-10-18T00:00:00Z');
    assert.equal((doc.tasks.top5.task2.progress as Task).completed_steps, 3);
    assert.deepEqual(result.decisions.map((d) => d.path).sort(), [
      'last_updated',
      'tasks.top5.task1.blockers',
      'tasks.top5.task1.notes',
      'tasks.top5.task1.status',
      'tasks.top5.task2.progress',
    ]);
  });

  it('keeps completed only when the merged file shows its gates met, and says why not', () => {
    const ours = edited((d) => (d.tasks.top5.task2.status = 'blocked'));
    const theirs = edited((d) => {
      d.tasks.top5.task2.status = 'completed';
      d.tasks.top5.task2.progress = { total_steps: 4, completed_steps: 4, percentage: 100 };
    });
    const result = merge(ours, theirs);
    assert.equal(mergedDoc(result).tasks.top5.task2.status, 'blocked');
    assert.match(
      result.decisions.map((d) => d.message).join('\n'),
      /completed not kept: dependency "task1" is not_started/,
    );

    const depDone = (d: Doc) => (d.tasks.top5.task1.status = 'completed');
    const oursMet = edited((d) => {
      depDone(d);
      d.tasks.top5.task2.status = 'blocked';
    });
    const theirsMet = edited((d) => {
      d.tasks.top5.task2.status = 'completed';
      d.tasks.top5.task2.progress = { total_steps: 4, completed_steps: 4, percentage: 100 };
    });
    assert.equal(mergedDoc(merge(oursMet, theirsMet)).tasks.top5.task2.status, 'completed');

    const failing = edited((d) => {
      depDone(d);
      d.tasks.top5.task2.status = 'blocked';
      (d.pre_audit_guardrails as Record<string, Task>).lint.status = 'failed';
    });
    const gated = merge(failing, theirsMet);
    assert.equal(mergedDoc(gated).tasks.top5.task2.status, 'blocked');
    assert.match(gated.decisions.map((d) => d.message).join('\n'), /guardrail "lint" is failed/);
  });

  it('merges a task added on both sides field by field, and a plain field they disagree on is a conflict', () => {
    const added = { id: 'n', name: 'New', status: 'not_started' };
    const ours = edited((d) => (d.tasks.hygiene.new_task = { ...added, owner: 'Codex' }));
    const theirs = edited(
      (d) => (d.tasks.hygiene.new_task = { ...added, status: 'in_progress', files: ['a.ts'] }),
    );
    const doc = mergedDoc(merge(ours, theirs));
    assert.deepEqual(doc.tasks.hygiene.new_task, {
      ...added,
      owner: 'Codex',
      status: 'in_progress',
      files: ['a.ts'],
    });

    const renamed = edited((d) => (d.tasks.top5.task1.name = 'Ours name'));
    const renamedToo = edited((d) => (d.tasks.top5.task1.name = 'Theirs name'));
    const result = merge(renamed, renamedToo);
    assert.equal(result.kind, 'conflict');
    const sides = conflictSides(result.text);
    assert.equal((JSON.parse(sides.ours) as Doc).tasks.top5.task1.name, 'Ours name');
    assert.equal((JSON.parse(sides.theirs) as Doc).tasks.top5.task1.name, 'Theirs name');
  });

  it('makes a task removed on one side and changed on the other a conflict whose sides both parse', () => {
    const ours = edited((d) => {
      d.tasks.top5.task1.status = 'blocked';
      d.tasks.hygiene.task3.owner = 'Copilot';
    });
    const theirs = edited((d) => {
      delete d.tasks.top5.task1;
      d.tasks.top5.task2.owner = 'Claude';
    });
    const result = merge(ours, theirs);
    assert.equal(result.kind, 'conflict');
    assert.deepEqual(result.kind === 'conflict' && result.conflicts.map((c) => c.path), [
      'tasks.top5.task1',
    ]);
    const sides = conflictSides(result.text);
    const oursSide = JSON.parse(sides.ours) as Doc;
    const theirsSide = JSON.parse(sides.theirs) as Doc;
    assert.equal(oursSide.tasks.top5.task1.status, 'blocked');
    assert.equal(theirsSide.tasks.top5.task1, undefined);
    for (const side of [oursSide, theirsSide]) {
      assert.equal(
        side.tasks.top5.task2.owner,
        'Claude',
        'what did not conflict is merged on both sides',
      );
      assert.equal(side.tasks.hygiene.task3.owner, 'Copilot');
    }
    assert.ok(!loadTaskFile(sides.theirs).diagnostics.some((d) => d.code === 'summary-drift'));
  });

  it('removes a task removed on one side and unchanged on the other, and its emptied group', () => {
    const ours = edited((d) => (d.tasks.top5.task1.status = 'in_progress'));
    const theirs = edited((d) => delete (d.tasks as Record<string, unknown>).hygiene);
    const doc = mergedDoc(merge(ours, theirs));
    assert.deepEqual(Object.keys(doc.tasks), ['top5']);
    assert.deepEqual(doc.summary, {
      total_tasks: 2,
      in_progress: 2,
      completed: 0,
      not_started: 0,
      blocked: 0,
    });
  });

  it('inserts a task added on theirs after its neighbour, in a new group when needed', () => {
    const ours = edited((d) => (d.tasks.top5.task1.status = 'in_progress'));
    const theirs = edited((d) => {
      const top5 = d.tasks.top5;
      d.tasks.top5 = {
        task1: top5.task1,
        between: { id: 'b', name: 'Between' },
        task2: top5.task2,
      };
      d.tasks.fresh = { f: { id: 'f', name: 'Fresh' } };
    });
    const doc = mergedDoc(merge(ours, theirs));
    assert.deepEqual(Object.keys(doc.tasks.top5), ['task1', 'between', 'task2']);
    assert.deepEqual(Object.keys(doc.tasks), ['top5', 'hygiene', 'fresh']);
  });

  it('moves a task theirs moved to another group, with ours changes to it', () => {
    const ours = edited((d) => (d.tasks.hygiene.task3.status = 'in_progress'));
    const theirs = edited((d) => {
      d.tasks.top5.task3 = d.tasks.hygiene.task3;
      delete d.tasks.hygiene.task3;
    });
    const doc = mergedDoc(merge(ours, theirs));
    assert.equal(doc.tasks.top5.task3.status, 'in_progress');
    assert.equal(doc.tasks.hygiene.task3, undefined);
  });

  it('never throws on text that does not parse: the whole file becomes the conflict', () => {
    const ours = text(edited((d) => (d.tasks.top5.task1.status = 'in_progress')));
    const result = mergeTaskFiles(text(ancestor()), ours, '{ "tasks": ');
    assert.equal(result.kind, 'conflict');
    assert.equal(conflictSides(result.text).ours, ours);
  });

  it('merges flat task lists by task id', () => {
    const list = (change?: (tasks: Task[]) => void) => {
      const tasks: Task[] = [
        { id: 'a', name: 'A', status: 'not_started' },
        { id: 'b', name: 'B', status: 'not_started' },
      ];
      change?.(tasks);
      return text({ tasks });
    };
    const result = mergeTaskFiles(
      list(),
      list((t) => (t[1].status = 'in_progress')),
      list((t) => {
        t.shift();
        t.push({ id: 'c', name: 'C' });
      }),
    );
    const doc = JSON.parse(result.kind === 'merged' ? result.text : '{}') as { tasks: Task[] };
    assert.deepEqual(
      doc.tasks.map((t) => [t.id, t.status]),
      [
        ['b', 'in_progress'],
        ['c', undefined],
      ],
    );
  });
});
