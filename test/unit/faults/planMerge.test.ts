import { faultSeed, seededRandom } from './seed';
// Many branches edit the plan at once, each through the store's minimal edits, and are merged one
// after another through the real merge driver: no edit may be lost. Random; prints its seed, and
// `FAULT_SEED=<n>` replays a run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { TASK_STATUSES } from '../../../src/kernel/model/types';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';

const PLAN = 'task_status.json';
const BRANCHES = 6;
const TASKS = 40;

function plan(): string {
  const tasks: Record<string, Record<string, unknown>> = { one: {}, two: {} };
  for (let i = 0; i < TASKS; i++) {
    tasks[i % 2 === 0 ? 'one' : 'two'][`task${i}`] = {
      id: `t${i}`,
      name: `Task ${i}`,
      owner: 'Codex',
      status: 'not_started',
      progress: { total_steps: 4, completed_steps: 0, percentage: 0 },
      blockers: [],
      notes: [],
    };
  }
  const summary = { total_tasks: TASKS, in_progress: 0, completed: 0, not_started: TASKS };
  return `${JSON.stringify({ last_updated: '2025-10-16T05:32:29Z', summary, tasks }, null, 2)}\n`;
}

interface Expected {
  status: Map<string, string>;
  owner: Map<string, string>;
  notes: Map<string, string[]>;
  blockers: Map<string, string[]>;
}

describe('faults: plan edits on many branches merged through the driver', function () {
  this.timeout(120_000);
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    repo.write(PLAN, plan());
    repo.commit('plan');
  });
  after(() => repo.dispose());

  it('loses no edit when every branch is merged in turn', async () => {
    const seed = faultSeed();
    console.log(`      seed ${seed} (replay with FAULT_SEED=${seed})`);
    const next = seededRandom(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    assert.equal((await coord(['setup', 'merge-driver'], repo.root)).code, 0);
    repo.commit('merge driver');

    // Each task's status and owner belong to one branch; notes and blockers may come from several.
    const expected: Expected = {
      status: new Map(),
      owner: new Map(),
      notes: new Map(),
      blockers: new Map(),
    };
    let clock = Date.parse('2025-10-17T00:00:00Z');
    for (let b = 0; b < BRANCHES; b++) {
      repo.git('checkout', '-q', '-b', `agent/${b}`, 'main');
      for (let commit = 0; commit < 3; commit++) {
        const edits: TaskEdit[] = [];
        for (let e = 0; e < 4; e++) {
          const taskKey = `task${Math.floor(next() * TASKS)}`;
          const kind = pick(['status', 'owner', 'note', 'blocker'] as const);
          if (kind === 'status' && (expected.status.get(taskKey) ?? `${b}`).startsWith(`${b}`)) {
            const status = pick(TASK_STATUSES.filter((s) => s !== 'completed'));
            edits.push({ kind: 'setStatus', taskKey, status });
            expected.status.set(taskKey, `${b}:${status}`);
          } else if (
            kind === 'owner' &&
            (expected.owner.get(taskKey) ?? `${b}`).startsWith(`${b}`)
          ) {
            edits.push({ kind: 'setOwner', taskKey, owner: `Agent ${b}` });
            expected.owner.set(taskKey, `${b}:Agent ${b}`);
          } else if (kind === 'note') {
            const text = `branch ${b} commit ${commit} note ${e}`;
            edits.push({ kind: 'appendNote', taskKey, text });
            expected.notes.set(taskKey, [...(expected.notes.get(taskKey) ?? []), text]);
          } else if (kind === 'blocker') {
            const text = `blocked_${b}_${commit}_${e}`;
            edits.push({ kind: 'appendBlocker', taskKey, text });
            expected.blockers.set(taskKey, [...(expected.blockers.get(taskKey) ?? []), text]);
          }
        }
        clock += 60_000;
        const file = join(repo.root, PLAN);
        repo.write(PLAN, applyEdits(readFileSync(file, 'utf8'), edits, new Date(clock)));
        repo.commit(`agent ${b} commit ${commit}`);
      }
    }
    repo.git('checkout', '-q', 'main');
    let conflicts = 0;
    for (let b = 0; b < BRANCHES; b++) {
      const merged = spawnSync('git', ['merge', '--no-edit', `agent/${b}`], {
        cwd: repo.root,
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      });
      if (merged.status !== 0) {
        conflicts++;
        console.log(merged.stdout, merged.stderr);
        repo.git('merge', '--abort');
      }
    }

    const loaded = loadTaskFile(readFileSync(join(repo.root, PLAN), 'utf8'));
    const lost: string[] = [];
    for (const task of loaded.model?.tasks ?? []) {
      const status = expected.status.get(task.key)?.split(':')[1];
      if (status && task.status !== status) {
        lost.push(`${task.key} status ${task.status}, expected ${status}`);
      }
      const owner = expected.owner.get(task.key)?.split(':')[1];
      if (owner && task.owner !== owner) {
        lost.push(`${task.key} owner ${task.owner}, expected ${owner}`);
      }
      for (const note of expected.notes.get(task.key) ?? []) {
        if (!task.notes.includes(note)) {
          lost.push(`${task.key} note "${note}"`);
        }
      }
      for (const blocker of expected.blockers.get(task.key) ?? []) {
        if (!task.blockers.includes(blocker)) {
          lost.push(`${task.key} blocker "${blocker}"`);
        }
      }
    }
    const edits =
      expected.status.size +
      expected.owner.size +
      [...expected.notes.values()].flat().length +
      [...expected.blockers.values()].flat().length;
    console.log(
      `      ${BRANCHES} branches, ${edits} edits: ${conflicts} conflicted merges, ${lost.length} lost edits`,
    );
    assert.equal(conflicts, 0);
    assert.deepEqual(lost, []);
    assert.ok(loaded.model && !loaded.diagnostics.some((d) => d.code === 'summary-drift'));
  });
});
