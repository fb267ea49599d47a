import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { unfinishedWaits, waitsOver } from '../../../src/features/conflicts/model/softDependencies';
import { coord } from '../cli/runCoord';
import { connectCoordMcp, resultJson, type CoordMcp } from '../agents/mcpClient';
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
      api_docs: {
        id: 'docs',
        name: 'Docs',
        owner: 'Codex',
        status: 'in_progress',
        files: ['docs/auth.md'],
      },
      api_auth: {
        id: 'auth',
        name: 'Auth',
        owner: 'Claude',
        status: 'not_started',
        files: ['src/api/auth.ts', 'docs/auth.md'],
      },
    },
  },
};

interface RawTask {
  status: string;
  waits_for?: string[];
  overrides?: unknown[];
}

describe('Wait at start: a soft dependency instead of a colliding start (real processes, real git)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  let mcp: CoordMcp | undefined;
  const planPath = () => join(repo.root, 'task_status.json');
  const raw = (key: string) =>
    (JSON.parse(readFileSync(planPath(), 'utf8')) as { tasks: { api: Record<string, RawTask> } })
      .tasks.api[key] as RawTask;
  const worktreeCount = () => gitIn(repo.root, ['worktree', 'list']).trim().split('\n').length;

  beforeEach(() => {
    repo = createTempRepo({ name: 'Wait' });
    repo.write('task_status.json', `${JSON.stringify(PLAN, null, 2)}\n`);
    repo.commit('plan');
  });
  afterEach(async () => {
    await mcp?.close();
    mcp = undefined;
    repo.dispose();
  });

  it('names --wait beside --force when a start collides', async () => {
    const refused = await coord(['start', 'auth'], repo.root);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'coord: Cannot start api_auth ("Auth"): claims the same files as api_routes (in progress): src/api/auth.ts ~ src/api/**; claims the same files as api_docs (in progress): docs/auth.md. Use --wait to record that it waits for api_routes, api_docs. Use --force to go ahead anyway; it is recorded on the task.\n',
    );
  });

  it('coord start --wait starts nothing, records every task it collides with, and exits 1', async () => {
    const waited = await coord(['start', 'auth', '--wait'], repo.root);
    assert.equal(waited.code, 1);
    assert.equal(
      waited.stderr,
      'coord: api_auth ("Auth") was not started: it waits for api_routes, api_docs to finish (recorded in waits_for).\n',
    );
    assert.equal(waited.stdout, '');
    assert.equal(raw('api_auth').status, 'not_started');
    assert.deepEqual(raw('api_auth').waits_for, ['api_routes', 'api_docs']);
    assert.equal(raw('api_auth').overrides, undefined, 'waiting overrides nothing');
    assert.equal(worktreeCount(), 1, 'no worktree');
    const json = await coord(['start', 'auth', '--wait', '--json'], repo.root);
    assert.equal(json.code, 1);
    assert.deepEqual(JSON.parse(json.stdout), {
      outcome: 'waiting',
      taskKey: 'api_auth',
      waitsFor: ['api_routes', 'api_docs'],
    });
    assert.deepEqual(raw('api_auth').waits_for, ['api_routes', 'api_docs'], 'recorded once');
  });

  it('the wait is over only when every waited-for task is completed; the start then clears it', async () => {
    assert.equal((await coord(['start', 'auth', '--wait'], repo.root)).code, 1);
    const model = () => {
      const loaded = loadTaskFile(readFileSync(planPath(), 'utf8'));
      assert.ok(loaded.model);
      return loaded.model;
    };
    const auth = () => model().byKey.get('api_auth')!;
    assert.deepEqual(unfinishedWaits(model(), auth()), ['api_routes', 'api_docs']);
    assert.equal((await coord(['set', 'api_routes', '--status', 'completed'], repo.root)).code, 0);
    assert.deepEqual(unfinishedWaits(model(), auth()), ['api_docs']);
    assert.deepEqual(waitsOver(model()), [], 'one of two finished is not the end of the wait');
    assert.equal((await coord(['set', 'api_docs', '--status', 'completed'], repo.root)).code, 0);
    assert.deepEqual(
      waitsOver(model()).map((over) => [over.task.key, over.waitedFor]),
      [['api_auth', ['api_routes', 'api_docs']]],
    );
    const attention = async () =>
      (
        JSON.parse((await coord(['attention', '--json'], repo.root)).stdout) as {
          items: { kind: string; title: string; detail: string; target: unknown }[];
        }
      ).items.filter((item) => item.kind === 'waitOver');
    assert.deepEqual(await attention(), [
      {
        id: 'waitOver:api_auth:api_routes,api_docs',
        kind: 'waitOver',
        title: 'api_auth: can start now',
        detail: 'api_routes, api_docs have finished',
        taskKey: 'api_auth',
        target: { kind: 'task', taskKey: 'api_auth' },
      },
    ]);
    const started = await coord(['start', 'auth', '--wait'], repo.root);
    assert.equal(started.code, 0, started.stderr);
    assert.equal(raw('api_auth').status, 'in_progress');
    assert.equal(raw('api_auth').waits_for, undefined, 'the soft dependency is cleared on start');
    assert.equal(worktreeCount(), 2);
    assert.deepEqual(await attention(), [], 'a started task waits for no one');
  });

  it('--wait on a start that collides with nothing just starts it; --wait with --force is refused', async () => {
    const both = await coord(['start', 'auth', '--wait', '--force'], repo.root);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^coord: --force and --wait ask for opposite things: give one\n/);
    const plan = structuredClone(PLAN);
    plan.tasks.api.api_auth.files = ['src/web/login.ts'];
    repo.write('task_status.json', `${JSON.stringify(plan, null, 2)}\n`);
    const started = await coord(['start', 'auth', '--wait'], repo.root);
    assert.equal(started.code, 0, started.stderr);
    assert.equal(raw('api_auth').status, 'in_progress');
  });

  it('a blocked task that collides with nothing is refused, not recorded as waiting', async () => {
    const plan = structuredClone(PLAN);
    Object.assign(plan.tasks.api.api_auth, { files: ['src/web/login.ts'], status: 'blocked' });
    repo.write('task_status.json', `${JSON.stringify(plan, null, 2)}\n`);
    const refused = await coord(['start', 'auth', '--wait'], repo.root);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^coord: Cannot start api_auth \("Auth"\): status is blocked\./);
    assert.equal(raw('api_auth').waits_for, undefined);
  });

  it('the MCP start_task tool waits the same way', async () => {
    mcp = await connectCoordMcp(repo.root, { COORD_TASK: 'api_auth', COORD_AGENT: 'Claude' });
    const reply = resultJson(await mcp.call('start_task', { wait: true }));
    assert.deepEqual(reply, {
      task: 'api_auth',
      outcome: 'waiting',
      waitsFor: ['api_routes', 'api_docs'],
      message:
        'api_auth ("Auth") was not started: it waits for api_routes, api_docs to finish (recorded in waits_for).',
    });
    assert.deepEqual(raw('api_auth').waits_for, ['api_routes', 'api_docs']);
    assert.equal(worktreeCount(), 1);
  });

  it('coord next puts a task that waits for unfinished tasks last and says so, until they finish', async () => {
    const api: Record<string, Record<string, unknown>> = structuredClone(PLAN.tasks.api);
    Object.assign(api.api_auth!, { files: [], priority: 'critical', waits_for: ['api_routes'] });
    api.api_misc = {
      id: 'misc',
      name: 'Misc',
      owner: 'Codex',
      status: 'not_started',
      priority: 'low',
    };
    const plan = { ...PLAN, tasks: { api } };
    repo.write('task_status.json', `${JSON.stringify(plan, null, 2)}\n`);
    const next = async () =>
      (
        JSON.parse((await coord(['next', '--json'], repo.root)).stdout) as {
          tasks: { key: string; waitsFor: string[] }[];
        }
      ).tasks.map((t) => [t.key, t.waitsFor]);
    assert.deepEqual(await next(), [
      ['api_misc', []],
      ['api_auth', ['api_routes']],
    ]);
    const table = await coord(['next'], repo.root);
    assert.match(table.stdout.trim().split('\n')[2] ?? '', /^api_auth .* waits for api_routes\s*$/);
    assert.equal((await coord(['set', 'api_routes', '--status', 'completed'], repo.root)).code, 0);
    assert.deepEqual(await next(), [
      ['api_auth', []],
      ['api_misc', []],
    ]);
  });
});
