import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempRepo, isolateGitConfig, type TempRepo } from '../../support/tempRepo';
import { connectCoordMcp, resultJson, type CoordMcp } from '../agents/mcpClient';
import { coord } from '../cli/runCoord';
import { FIXTURES } from '../core/helpers';

const PLAN = 'docs/plans/task_status.json';

describe('the plan committed after a status change, from coord set, coord start and coord mcp', function () {
  this.timeout(300_000);
  isolateGitConfig();
  let repo: TempRepo;
  let configHome: string;
  let open: CoordMcp | undefined;
  const env = (trusted = true): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    // No trust list of the machine's: trust comes from COORD_TRUSTED alone.
    XDG_CONFIG_HOME: configHome,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LC_ALL: 'C',
    ...(trusted ? { COORD_TRUSTED: '1' } : {}),
  });
  const settings = (values: Record<string, unknown>) =>
    repo.write(
      '.vscode/settings.json',
      JSON.stringify(
        Object.fromEntries(Object.entries(values).map(([key, v]) => [`coordinator.${key}`, v])),
      ),
    );
  const head = () => repo.git('rev-parse', 'HEAD').trim();
  const status = (key: string) =>
    (Object.values(
      (
        JSON.parse(readFileSync(join(repo.root, PLAN), 'utf8')) as {
          tasks: Record<string, Record<string, { status: string }>>;
        }
      ).tasks,
    ).find((group) => group[key]) ?? {})[key]?.status;

  beforeEach(() => {
    configHome = mkdtempSync(join(tmpdir(), 'coord-config-'));
    repo = createTempRepo();
    repo.write(PLAN, readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'));
    repo.write('src/a.txt', 'a\n');
    repo.commit('plan and code');
    repo.write('src/a.txt', 'a staged by the user\n');
    repo.git('add', 'src/a.txt');
  });

  afterEach(async () => {
    await open?.close();
    open = undefined;
    repo.dispose();
    rmSync(configHome, { recursive: true, force: true });
  });

  /** The user's staged change is still staged, and still the only one. */
  const assertUserIndexKept = () => {
    assert.equal(repo.git('diff', '--cached', '--name-only'), 'src/a.txt\n');
    assert.equal(repo.git('show', ':src/a.txt'), 'a staged by the user\n');
  };

  it('coord set on the coordinator branch with the setting on makes one commit of the task file alone', async () => {
    settings({ 'plan.commitOnStatusChange': true, 'plan.coordinatorBranch': 'main' });
    const before = head();
    const run = await coord(
      ['set', 'task1_shadow_diff', '--status', 'in_progress'],
      repo.root,
      undefined,
      env(),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^task1_shadow_diff: in_progress.*\ncommitted the plan on main \([0-9a-f]{12}\): Plan: task1_shadow_diff\n$/,
    );
    assert.equal(repo.git('rev-list', '--count', `${before}..HEAD`).trim(), '1');
    assert.equal(repo.git('show', '--name-only', '--format=', 'HEAD'), `${PLAN}\n`);
    assert.match(
      repo.git('log', '-1', '--format=%B'),
      /- task1_shadow_diff: status not_started → in_progress/,
    );
    assert.equal(repo.git('status', '--porcelain', '--', PLAN), '', 'the plan is committed');
    assertUserIndexKept();

    // A change that is not a status change commits nothing.
    const after = head();
    const note = await coord(
      ['set', 'task1_shadow_diff', '--note', 'a note only'],
      repo.root,
      undefined,
      env(),
    );
    assert.equal(note.code, 0, note.stderr);
    assert.equal(head(), after);
  });

  it('coord start commits the plan too, its stdout still only the worktree path', async () => {
    settings({ 'plan.commitOnStatusChange': true, 'plan.coordinatorBranch': 'main' });
    const before = head();
    const run = await coord(['start', 'task1_shadow_diff'], repo.root, undefined, env());
    assert.equal(run.code, 0, run.stderr);
    const worktree = run.stdout.trim();
    assert.equal(run.stdout, `${worktree}\n`, 'only the path on stdout');
    assert.match(
      run.stderr,
      /^coord start: committed the plan on main \([0-9a-f]{12}\): Plan: task1_shadow_diff$/m,
    );
    assert.equal(repo.git('rev-list', '--count', `${before}..main`).trim(), '1');
    assert.equal(repo.git('show', '--name-only', '--format=', 'main'), `${PLAN}\n`);
    assert.match(repo.git('log', '-1', '--format=%B', 'main'), /status not_started → in_progress/);
    assertUserIndexKept();
    repo.git('worktree', 'remove', '--force', worktree);
  });

  it('commits nothing with the setting off, on another branch, or in an untrusted repository', async () => {
    const before = head();
    settings({ 'plan.commitOnStatusChange': false, 'plan.coordinatorBranch': 'main' });
    const off = await coord(
      ['set', 'task1_shadow_diff', '--status', 'in_progress'],
      repo.root,
      undefined,
      env(),
    );
    assert.equal(off.code, 0, off.stderr);
    assert.equal(status('task1_shadow_diff'), 'in_progress');

    settings({ 'plan.commitOnStatusChange': true, 'plan.coordinatorBranch': 'main' });
    const untrusted = await coord(
      ['set', 'task1_shadow_diff', '--status', 'blocked'],
      repo.root,
      undefined,
      env(false),
    );
    assert.equal(untrusted.code, 0, untrusted.stderr);
    assert.equal(status('task1_shadow_diff'), 'blocked');

    repo.git('checkout', '-q', '-b', 'dev');
    const elsewhere = await coord(
      ['set', 'task1_shadow_diff', '--status', 'in_progress'],
      repo.root,
      undefined,
      env(),
    );
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
    assert.equal(status('task1_shadow_diff'), 'in_progress');

    assert.equal(head(), before);
    assert.equal(repo.git('rev-parse', 'main').trim(), before);
    assert.doesNotMatch(off.stdout + untrusted.stdout + elsewhere.stdout, /committed/);
    assertUserIndexKept();
  });

  it('keeps the status change when the commit fails, and says so in one line', async () => {
    settings({ 'plan.commitOnStatusChange': true, 'plan.coordinatorBranch': 'main' });
    const before = head();
    // Another git process holds the branch.
    writeFileSync(join(repo.root, '.git', 'refs', 'heads', 'main.lock'), '');
    const run = await coord(
      ['set', 'task1_shadow_diff', '--status', 'in_progress'],
      repo.root,
      undefined,
      env(),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(status('task1_shadow_diff'), 'in_progress');
    assert.equal(head(), before);
    const lines = run.stderr.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^coord set: the change is saved, but committing the plan failed: \S/);
    assertUserIndexKept();
  });

  it('the MCP update tool commits the plan the same way, once, and only when the setting says so', async () => {
    settings({ 'plan.commitOnStatusChange': true, 'plan.coordinatorBranch': 'main' });
    const before = head();
    open = await connectCoordMcp(repo.root, env(), ['--allow-other-tasks']);
    const updated = resultJson(
      await open.call('update_task', { task: 'task1_shadow_diff', status: 'in_progress' }),
    );
    assert.equal(updated.status, 'in_progress');
    assert.match(
      String(updated.planCommit),
      /^committed the plan on main \([0-9a-f]{12}\): Plan: task1_shadow_diff$/,
    );
    assert.equal(repo.git('rev-list', '--count', `${before}..HEAD`).trim(), '1');
    assert.equal(repo.git('show', '--name-only', '--format=', 'HEAD'), `${PLAN}\n`);
    assertUserIndexKept();

    // A note is no status change; with the setting off a status change commits nothing either.
    const afterOne = head();
    const noted = resultJson(
      await open.call('update_task', { task: 'task1_shadow_diff', note: 'a note only' }),
    );
    assert.equal(noted.planCommit, undefined);
    settings({ 'plan.commitOnStatusChange': false, 'plan.coordinatorBranch': 'main' });
    const off = resultJson(
      await open.call('update_task', { task: 'task1_shadow_diff', status: 'blocked' }),
    );
    assert.equal(off.status, 'blocked');
    assert.equal(off.planCommit, undefined);
    assert.equal(head(), afterOne);
    assertUserIndexKept();
  });
});
