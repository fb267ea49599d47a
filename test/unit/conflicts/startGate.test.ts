import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coord } from '../cli/runCoord';
import { createTempRepo, gitIn, type TempRepo } from '../../support/tempRepo';

const PLAN = {
  schema_version: '1.0',
  tasks: {
    api: {
      api_routes: {
        id: 'routes',
        name: 'Routes',
        owner: 'Codex',
        status: 'in_progress',
        files: ['src/api/**'],
      },
      api_auth: {
        id: 'auth',
        name: 'Auth',
        owner: 'Claude',
        status: 'not_started',
        files: ['src/api/auth.ts', 'docs/auth.md'],
      },
      ui_theme: {
        id: 'theme',
        name: 'Theme',
        owner: 'Copilot',
        status: 'not_started',
        files: ['src/ui/theme.css'],
      },
    },
  },
};

interface RawTask {
  status: string;
  overrides?: { gate: string; reasons: string[] }[];
}

describe('the start gate and declared claims (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const planPath = () => join(repo.root, 'task_status.json');
  const raw = (key: string) =>
    (JSON.parse(readFileSync(planPath(), 'utf8')) as { tasks: { api: Record<string, RawTask> } })
      .tasks.api[key] as RawTask;

  beforeEach(() => {
    repo = createTempRepo({ name: 'Claims' });
    repo.write('task_status.json', `${JSON.stringify(PLAN, null, 2)}\n`);
    repo.commit('plan');
  });
  afterEach(() => repo.dispose());

  it('refuses a task whose claims meet a task in progress, naming it and the files', async () => {
    const before = readFileSync(planPath(), 'utf8');
    const refused = await coord(['start', 'auth'], repo.root);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'coord: Cannot start api_auth ("Auth"): claims the same files as api_routes (in progress): src/api/auth.ts ~ src/api/**. Use --wait to record that it waits for api_routes. Use --force to go ahead anyway; it is recorded on the task.\n',
    );
    assert.equal(readFileSync(planPath(), 'utf8'), before, 'a refused start writes nothing');
    assert.equal(gitIn(repo.root, ['worktree', 'list']).trim().split('\n').length, 1);
  });

  it('starts a task whose claims meet nothing in progress', async () => {
    const started = await coord(['start', 'theme'], repo.root);
    assert.equal(started.code, 0, started.stderr);
    assert.equal(raw('ui_theme').status, 'in_progress');
    assert.equal(raw('ui_theme').overrides, undefined);
  });

  it('starts with --force and records the overlap as the overridden reason', async () => {
    const forced = await coord(['start', 'auth', '--force'], repo.root);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(raw('api_auth').status, 'in_progress');
    assert.deepEqual(
      raw('api_auth').overrides?.map((o) => [o.gate, o.reasons]),
      [
        [
          'start',
          ['claims the same files as api_routes (in progress): src/api/auth.ts ~ src/api/**'],
        ],
      ],
    );
  });

  it('refuses a task whose existing branch would conflict with a task in progress, naming the file', async () => {
    const { api_routes, ui_theme } = PLAN.tasks.api;
    const plan = {
      ...PLAN,
      tasks: {
        api: {
          api_routes: { ...api_routes, files: [], branch: 'feat/routes' },
          ui_theme: { ...ui_theme, branch: 'feat/theme' },
        },
      },
    };
    repo.write('task_status.json', `${JSON.stringify(plan, null, 2)}\n`);
    repo.write('shared.txt', 'one\ntwo\nthree\n');
    repo.commit('plan with branches');
    for (const [branch, text] of [
      ['feat/routes', 'one\nROUTES\nthree\n'],
      ['feat/theme', 'one\nTHEME\nthree\n'],
    ] as const) {
      repo.git('checkout', '-q', '-b', branch, 'main');
      repo.write('shared.txt', text);
      repo.commit(branch);
    }
    repo.git('checkout', '-q', 'main');
    const refused = await coord(['start', 'theme'], repo.root);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^coord: Cannot start ui_theme \("Theme"\): would conflict with api_routes \(in progress\): shared\.txt \(1 hunk\)\. Use --wait to record that it waits for api_routes\. Use --force/,
    );
  });

  it('coord next puts ready tasks that overlap a task in progress last, and says why', async () => {
    const plan = structuredClone(PLAN);
    Object.assign(plan.tasks.api.api_auth, { priority: 'critical' });
    Object.assign(plan.tasks.api.ui_theme, { priority: 'low' });
    repo.write('task_status.json', `${JSON.stringify(plan, null, 2)}\n`);
    const table = await coord(['next'], repo.root);
    assert.equal(table.code, 0, table.stderr);
    const rows = table.stdout.trim().split('\n');
    assert.match(rows[0] ?? '', /WHY LATER$/);
    assert.match(
      rows[1] ?? '',
      /^ui_theme .* low\s*$/,
      'the low-priority task goes first: it collides with nothing',
    );
    assert.match(rows[2] ?? '', /^api_auth .* critical .*overlaps api_routes \(src\/api\//);
    const json = await coord(['next', '--json'], repo.root);
    const tasks = (JSON.parse(json.stdout) as { tasks: { key: string; overlaps: unknown[] }[] })
      .tasks;
    assert.deepEqual(
      tasks.map((t) => [t.key, t.overlaps]),
      [
        ['ui_theme', []],
        [
          'api_auth',
          [{ otherTask: 'api_routes', kind: 'claims', files: ['src/api/auth.ts ~ src/api/**'] }],
        ],
      ],
    );
  });

  it('refuses a task that claims a file a task in progress has changed, even uncommitted', async () => {
    const { api_routes, api_auth } = PLAN.tasks.api;
    const plan = {
      ...PLAN,
      tasks: {
        api: {
          api_routes: { ...api_routes, files: [], branch: 'feat/routes' },
          api_auth: { ...api_auth, files: ['src/api/auth.ts'] },
        },
      },
    };
    repo.write('task_status.json', `${JSON.stringify(plan, null, 2)}\n`);
    repo.commit('plan with a branch');
    const worktree = join(repo.parent, 'routes');
    repo.git('worktree', 'add', '-q', '-b', 'feat/routes', worktree);
    writeFileSync(join(worktree, 'auth-notes.txt'), 'not claimed\n');
    mkdirSync(join(worktree, 'src', 'api'), { recursive: true });
    writeFileSync(join(worktree, 'src', 'api', 'auth.ts'), 'export {};\n');
    const refused = await coord(['start', 'auth'], repo.root);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^coord: Cannot start api_auth \("Auth"\): claims files changed by api_routes \(in progress\): src\/api\/auth\.ts\. Use --wait to record that it waits for api_routes\. Use --force/,
    );
    assert.equal(
      gitIn(worktree, ['status', '--porcelain']),
      '?? auth-notes.txt\n?? src/\n',
      'the worktree of the task in progress is left as it was',
    );
  });
});
