import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { createTempRepo, gitIn, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { FIXTURES } from '../core/helpers';

const PLAN = 'docs/plans/task_status.json';
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

describe('coord plan push / pull: the plan on a ref of its own, through a real remote', function () {
  this.timeout(600_000);
  let origin: TempRepo;
  let remote: string;
  let clones = 0;

  before(() => {
    origin = createTempRepo({ name: 'origin' });
    origin.write(PLAN, readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'));
    origin.commit('plan');
    remote = join(origin.parent, 'remote.git');
    gitIn(origin.parent, ['clone', '-q', '--bare', origin.root, remote]);
  });

  after(() => origin.dispose());

  function clone(): string {
    const path = join(origin.parent, `clone${++clones}`);
    gitIn(origin.parent, ['clone', '-q', remote, path]);
    gitIn(path, ['config', 'user.name', `Pusher ${clones}`]);
    gitIn(path, ['config', 'user.email', `p${clones}@example.com`]);
    gitIn(path, ['config', 'commit.gpgsign', 'false']);
    return path;
  }

  const planIn = (root: string) => readFileSync(join(root, PLAN), 'utf8');
  const edit = (root: string, edits: TaskEdit[]) =>
    writeFileSync(join(root, PLAN), applyEdits(planIn(root), edits, new Date()));
  const remotePlan = () => gitIn(remote, ['show', `refs/coordinator/plan:${PLAN}`]);
  const notesOf = (text: string, key: string) => loadTaskFile(text).model!.byKey.get(key)!.notes;

  it('20 pushers from separate clones at once lose nothing', async () => {
    const keys = loadTaskFile(planIn(origin.root)).model!.tasks.map((task) => task.key);
    assert.ok(keys.length >= 20);
    const pushers = keys.slice(0, 20).map((key, index) => {
      const root = clone();
      gitIn(root, ['add', PLAN]);
      edit(root, [
        { kind: 'appendNote', taskKey: key, text: `pusher ${index} was here` },
        { kind: 'appendNote', taskKey: keys[20] ?? keys[0]!, text: `shared note ${index}` },
      ]);
      return { root, key, index };
    });
    const runs = await Promise.all(
      pushers.map(({ root }) => coord(['plan', 'push'], root, undefined, ENV)),
    );
    runs.forEach((run, index) => assert.equal(run.code, 0, `pusher ${index}: ${run.stderr}`));
    // Every pusher but the first to land found the remote moved and merged it in, whether it
    // learnt that from its first fetch or from a push refused by the lease (then retried).
    const merged = runs.filter((run) => /merged origin's changes/.test(run.stdout));
    assert.equal(merged.length, 19, runs.map((run) => run.stdout).join(''));

    const final = remotePlan();
    const loaded = loadTaskFile(final);
    assert.equal(loaded.broken, false);
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.code === 'summary-drift'),
      [],
    );
    for (const { key, index } of pushers) {
      assert.ok(notesOf(final, key).includes(`pusher ${index} was here`), `${key} keeps its note`);
    }
    const shared = notesOf(final, keys[20] ?? keys[0]!).filter((n) => n.startsWith('shared note'));
    assert.equal(shared.length, 20, 'every pusher appended to the one shared task');

    // Each pusher's task file now holds what it sent, merged with what the remote had then; the
    // last one to push holds everything; nobody's index or HEAD moved.
    for (const { root } of pushers) {
      assert.equal(gitIn(root, ['diff', '--cached', '--name-only']), '');
      assert.equal(gitIn(root, ['rev-parse', 'HEAD']), gitIn(origin.root, ['rev-parse', 'HEAD']));
    }

    // A fresh clone pulls it all into its file.
    const reader = clone();
    const pull = await coord(['plan', 'pull'], reader, undefined, ENV);
    assert.equal(pull.code, 0, pull.stderr);
    assert.match(
      pull.stdout,
      /merged origin's plan \([0-9a-f]{12}\) into docs\/plans\/task_status\.json/,
    );
    for (const { key, index } of pushers) {
      assert.ok(notesOf(planIn(reader), key).includes(`pusher ${index} was here`));
    }
    const again = await coord(['plan', 'pull'], reader, undefined, ENV);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already has origin's plan/);
  });

  it('pull keeps local edits not pushed yet, and push then sends both', async () => {
    const a = clone();
    const b = clone();
    assert.equal((await coord(['plan', 'pull'], a, undefined, ENV)).code, 0);
    assert.equal((await coord(['plan', 'pull'], b, undefined, ENV)).code, 0);
    edit(a, [{ kind: 'setStatus', taskKey: 'task2_golden_tokens', status: 'blocked' }]);
    edit(b, [
      { kind: 'setProgress', taskKey: 'task3_streaming_rl', completedSteps: 1, totalSteps: 4 },
    ]);
    const pushA = await coord(['plan', 'push'], a, undefined, ENV);
    assert.equal(pushA.code, 0, pushA.stderr);
    const pullB = await coord(['plan', 'pull'], b, undefined, ENV);
    assert.equal(pullB.code, 0, pullB.stderr);
    const inB = loadTaskFile(planIn(b)).model!;
    assert.equal(inB.byKey.get('task2_golden_tokens')!.status, 'blocked');
    assert.equal(inB.byKey.get('task3_streaming_rl')!.progress?.completedSteps, 1);
    const pushB = await coord(['plan', 'push'], b, undefined, ENV);
    assert.equal(pushB.code, 0, pushB.stderr);
    const onRemote = loadTaskFile(remotePlan()).model!;
    assert.equal(onRemote.byKey.get('task2_golden_tokens')!.status, 'blocked');
    assert.equal(onRemote.byKey.get('task3_streaming_rl')!.progress?.completedSteps, 1);
    const noop = await coord(['plan', 'push'], b, undefined, ENV);
    assert.equal(noop.code, 0, noop.stderr);
    assert.match(noop.stdout, /origin already has this plan/);
  });

  it('refuses with one line when the plans cannot be merged, and sends nothing', async () => {
    const a = clone();
    const b = clone();
    await coord(['plan', 'pull'], a, undefined, ENV);
    await coord(['plan', 'pull'], b, undefined, ENV);
    const doc = JSON.parse(planIn(a)) as { tasks: Record<string, Record<string, unknown>> };
    delete doc.tasks.quick_wins!.taskA_idempotency;
    writeFileSync(join(a, PLAN), `${JSON.stringify(doc, null, 2)}\n`);
    assert.equal((await coord(['plan', 'push'], a, undefined, ENV)).code, 0);
    const before = remotePlan();
    edit(b, [{ kind: 'appendNote', taskKey: 'taskA_idempotency', text: 'still here' }]);
    const push = await coord(['plan', 'push'], b, undefined, ENV);
    assert.equal(push.code, 1);
    assert.match(
      push.stderr,
      /^coord: the plan on the remote and this one cannot be merged: .*taskA_idempotency/,
    );
    assert.equal(push.stderr.trim().split('\n').length, 1);
    assert.equal(remotePlan(), before);
  });

  it('says what is wrong with a remote that does not exist or a bad name', async () => {
    const a = clone();
    const missing = await coord(['plan', 'push', '--remote', 'nowhere'], a, undefined, ENV);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
    const bad = await coord(['plan', 'pull', '--remote=--upload-pack=touch'], a, undefined, ENV);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /is not a remote name/);
  });
});
