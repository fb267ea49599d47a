import { faultSeed, seededRandom } from './seed';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { Task } from '../../../src/kernel/model/types';

/**
 * Random plans of every shape, edited at random: no edit may be lost, no task may disappear, and
 * no other task may change. Replay a run with FAULT_SEED=<seed>.
 */

const SHAPES = [
  'rootArray',
  'tasksArray',
  'groupMaps',
  'groupLists',
  'categories',
  'agents',
  'owners',
  'single',
] as const;
type Shape = (typeof SHAPES)[number];

const STATUSES = ['not_started', 'In Progress', 'done', 'todo', 'WAITING', 'blocked'];
const CASES = 400;

function planText(next: () => number): { shape: Shape; text: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const shape = pick(SHAPES);
  let serial = 0;
  const task = (withId: boolean): Record<string, unknown> => {
    serial++;
    const raw: Record<string, unknown> = {};
    if (withId) {
      raw[pick(['id', 'task_id', 'key'])] = `T-${serial}`;
    }
    raw[pick(['title', 'name'])] = `Task ${serial}`;
    raw.status = pick(STATUSES);
    if (next() < 0.3) {
      raw.pr_number = 100 + serial;
    }
    if (next() < 0.3) {
      raw[pick(['pr_numbers', 'prs'])] = [200 + serial, 300 + serial];
    }
    if (next() < 0.3) {
      raw.acceptance = { speed: 'fast enough', safety: 'no data lost' };
    }
    return raw;
  };
  const list = (n: number) => Array.from({ length: n }, () => task(next() < 0.8));
  const map = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, () => [`k${serial + 1}`, task(next() < 0.5)]));
  const count = () => 1 + Math.floor(next() * 5);
  const holder = () =>
    next() < 0.5 ? list(count()) : next() < 0.5 ? map(count()) : { tasks: list(count()) };
  const names = ['alpha', 'beta', 'gamma'].slice(0, 1 + Math.floor(next() * 3));
  let doc: unknown;
  switch (shape) {
    case 'rootArray':
      doc = list(count());
      break;
    case 'tasksArray':
      doc = { tasks: list(count()) };
      break;
    case 'groupMaps':
      doc = { tasks: Object.fromEntries(names.map((g) => [g, map(count())])) };
      break;
    case 'groupLists':
      doc = { tasks: Object.fromEntries(names.map((g) => [g, list(count())])) };
      break;
    case 'categories':
      doc = { task_categories: Object.fromEntries(names.map((g) => [g, holder()])) };
      break;
    case 'agents':
      doc = { agents: Object.fromEntries(names.map((g) => [g, holder()])) };
      break;
    case 'owners':
      doc = { owners: Object.fromEntries(names.map((g) => [g, holder()])) };
      break;
    case 'single':
      doc = { task_id: 'SOLO', ...task(false) };
      break;
  }
  return { shape, text: `${JSON.stringify(doc, null, pick([2, 4, '\t']))}\n` };
}

function randomEdit(next: () => number, tasks: readonly Task[], serial: number): TaskEdit {
  const task = tasks[Math.floor(next() * tasks.length)];
  const kind = Math.floor(next() * 3);
  if (kind === 0) {
    return { kind: 'setStatus', taskKey: task.key, status: next() < 0.5 ? 'completed' : 'blocked' };
  }
  if (kind === 1) {
    return { kind: 'setPrNumbers', taskKey: task.key, prNumbers: [900 + serial, 901 + serial] };
  }
  return { kind: 'appendNote', taskKey: task.key, text: `note ${serial}` };
}

function landed(edit: TaskEdit, task: Task | undefined): boolean {
  if (!task) {
    return false;
  }
  switch (edit.kind) {
    case 'setStatus':
      return task.status === edit.status;
    case 'setPrNumbers':
      return (
        edit.prNumbers.every((n) => task.prNumbers.includes(n)) &&
        task.prNumber === edit.prNumbers[0]
      );
    case 'appendNote':
      return task.notes.includes(edit.text);
    default:
      return true;
  }
}

describe('faults: edits on random plans of every shape', () => {
  it('never lose an edit, a task, or another task’s fields', () => {
    const seed = faultSeed();
    console.log(`plan shapes: seed ${seed} (replay with FAULT_SEED=${seed})`);
    const next = seededRandom(seed);
    let edits = 0;
    let lostWrites = 0;
    let lostTasks = 0;
    let collateral = 0;
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const { shape, text } = planText(next);
      let current = text;
      let before = loadTaskFile(current);
      assert.equal(
        before.broken,
        false,
        `${shape}: ${JSON.stringify(before.diagnostics)}\n${text}`,
      );
      const steps = 1 + Math.floor(next() * 4);
      for (let s = 0; s < steps; s++) {
        const edit = randomEdit(next, before.model!.tasks, edits++);
        current = applyEdits(current, [edit], new Date(Date.UTC(2026, 0, 1, 0, 0, s)));
        const after = loadTaskFile(current);
        const keysBefore = before.model!.tasks.map((t) => t.key);
        const keysAfter = after.model?.tasks.map((t) => t.key) ?? [];
        if (keysAfter.join('\n') !== keysBefore.join('\n')) {
          lostTasks += Math.max(1, keysBefore.length - keysAfter.length);
          failures.push(`${shape}: keys ${keysBefore.join(',')} became ${keysAfter.join(',')}`);
        }
        if (!landed(edit, after.model?.byKey.get('taskKey' in edit ? edit.taskKey : ''))) {
          lostWrites++;
          failures.push(`${shape}: ${JSON.stringify(edit)} did not land`);
        }
        for (const task of before.model!.tasks) {
          if ('taskKey' in edit && task.key === edit.taskKey) {
            continue;
          }
          const other = after.model?.byKey.get(task.key);
          if (JSON.stringify(other?.raw) !== JSON.stringify(task.raw)) {
            collateral++;
            failures.push(`${shape}: ${task.key} changed by ${JSON.stringify(edit)}`);
          }
        }
        before = after;
      }
    }
    console.log(
      `plan shapes: ${CASES} plans, ${edits} edits: ${lostWrites} lost writes, ${lostTasks} lost tasks, ${collateral} collateral changes`,
    );
    assert.deepEqual(failures.slice(0, 5), []);
  });
});
