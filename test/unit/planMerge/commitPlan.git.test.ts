import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { isGitError, updateRefChecked } from '../../../src/platform/git';
import { createTempRepo, isolateGitConfig, type TempRepo } from '../../support/tempRepo';
import { commitPlan } from '../../../src/features/plan-merge/commitPlan';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { coord } from '../cli/runCoord';
import { FIXTURES } from '../core/helpers';

const PLAN = 'docs/plans/task_status.json';
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

describe('coord commit-plan: the task file committed alone, the user index left as it was', function () {
  this.timeout(300_000);
  isolateGitConfig();
  let repo: TempRepo;
  const plan = () => readFileSync(join(repo.root, PLAN), 'utf8');
  const edit = (edits: TaskEdit[]) =>
    writeFileSync(join(repo.root, PLAN), applyEdits(plan(), edits, new Date()));

  beforeEach(() => {
    repo = createTempRepo();
    repo.write(PLAN, readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'));
    repo.write('src/a.txt', 'a\n');
    repo.write('src/b.txt', 'b\n');
    repo.commit('plan and code');
  });

  afterEach(() => repo.dispose());

  it('commits only the plan with the task changes in the message; staged and unstaged work survive', async () => {
    repo.write('src/a.txt', 'a staged\n');
    repo.git('add', 'src/a.txt');
    repo.write('src/b.txt', 'b not staged\n');
    edit([
      { kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'in_progress' },
      { kind: 'setProgress', taskKey: 'task2_golden_tokens', completedSteps: 2, totalSteps: 5 },
      { kind: 'appendNote', taskKey: 'task2_golden_tokens', text: 'halfway' },
    ]);
    const headBefore = repo.git('rev-parse', 'HEAD').trim();

    const run = await coord(['commit-plan'], repo.root, undefined, ENV);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^committed docs\/plans\/task_status\.json on main \([0-9a-f]{12}\)\n/,
    );

    assert.equal(repo.git('rev-parse', 'HEAD~1').trim(), headBefore);
    assert.equal(repo.git('show', '--name-only', '--format=', 'HEAD'), `${PLAN}\n`);
    assert.equal(
      repo.git('log', '-1', '--format=%B'),
      [
        'Plan: task1_shadow_diff, task2_golden_tokens',
        '',
        '- task1_shadow_diff: status not_started → in_progress',
        '- task2_golden_tokens: progress 0/6 → 2/5, 1 note added',
        '',
        '',
      ].join('\n'),
    );
    assert.equal(repo.git('show', `HEAD:${PLAN}`), plan());
    assert.equal(repo.git('diff', '--cached', '--name-only'), 'src/a.txt\n', 'still staged');
    assert.equal(repo.git('show', ':src/a.txt'), 'a staged\n');
    assert.equal(repo.git('diff', '--name-only'), 'src/b.txt\n', 'still unstaged');
    assert.equal(repo.git('status', '--porcelain', '--', PLAN), '', 'the plan is clean');

    const again = await coord(['commit-plan'], repo.root, undefined, ENV);
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stdout,
      /^nothing to commit: docs\/plans\/task_status\.json is as HEAD has it\n$/,
    );
  });

  it('takes a subject with -m, and the snapshots with --with-snapshots', async () => {
    edit([{ kind: 'setStatus', taskKey: 'task3_streaming_rl', status: 'blocked' }]);
    repo.write('docs/audits/coordination/2025-11-01.md', '# snapshot\n');
    repo.write('src/new.txt', 'not committed\n');
    const run = await coord(
      ['commit-plan', '-m', 'Plan after stand-up', '--with-snapshots'],
      repo.root,
      undefined,
      ENV,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      repo.git('show', '--name-only', '--format=%s', 'HEAD'),
      `Plan after stand-up\n\ndocs/audits/coordination/2025-11-01.md\n${PLAN}\n`,
    );
    assert.match(
      repo.git('log', '-1', '--format=%b'),
      /- task3_streaming_rl: status not_started → blocked/,
    );
    assert.equal(repo.git('status', '--porcelain'), '?? src/new.txt\n');
  });

  it('leaves a staged version of the plan that the user chose staged, and says so', async () => {
    edit([{ kind: 'appendNote', taskKey: 'task1_shadow_diff', text: 'staged by hand' }]);
    repo.git('add', PLAN);
    const staged = repo.git('rev-parse', `:${PLAN}`);
    edit([{ kind: 'appendNote', taskKey: 'task1_shadow_diff', text: 'later, not staged' }]);
    const run = await coord(['commit-plan'], repo.root, undefined, ENV);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /you had staged another version of docs\/plans\/task_status\.json; it is still staged/,
    );
    assert.equal(repo.git('rev-parse', `:${PLAN}`), staged);
    assert.equal(repo.git('show', `HEAD:${PLAN}`), plan());
  });

  it('commits on a detached HEAD too, and the checked ref update refuses a HEAD that moved', async () => {
    repo.git('checkout', '-q', '--detach');
    edit([{ kind: 'setStatus', taskKey: 'task4_backoff_hints', status: 'in_progress' }]);
    const run = await coord(['commit-plan'], repo.root, undefined, ENV);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /on a detached HEAD/);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const parent = repo.git('rev-parse', 'HEAD~1').trim();
    await assert.rejects(updateRefChecked(repo.root, 'HEAD', parent, parent, 'test'), (error) =>
      isGitError(error, 'refMoved'),
    );
    assert.equal(repo.git('rev-parse', 'HEAD').trim(), head);
  });

  it('writers committing the same change at once make one commit and leave the index as HEAD has the plan', async () => {
    repo.write('src/a.txt', 'a staged\n');
    repo.git('add', 'src/a.txt');
    edit([{ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'in_progress' }]);
    const before = repo.git('rev-parse', 'HEAD').trim();
    // As the editor's and coord's commits after one status change can meet: started together,
    // their git calls interleave, so all but one find HEAD moved under them.
    const store = new TaskFileStore(join(repo.root, PLAN));
    const results = await Promise.all(Array.from({ length: 4 }, () => commitPlan({ store })));
    assert.equal(repo.git('rev-list', '--count', `${before}..HEAD`).trim(), '1');
    assert.equal(results.filter((result) => result.kind === 'committed').length, 1);
    assert.equal(repo.git('status', '--porcelain', '--', PLAN), '', 'index and file as HEAD');
    assert.equal(repo.git('diff', '--cached', '--name-only'), 'src/a.txt\n');
  });

  it('refuses a broken task file with one line', async () => {
    writeFileSync(join(repo.root, PLAN), '{ "tasks": ');
    const run = await coord(['commit-plan'], repo.root, undefined, ENV);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^coord: .*task_status\.json has errors, so it is not committed\n$/);
  });
});
