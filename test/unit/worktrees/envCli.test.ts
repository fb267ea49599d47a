import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';

const PLAN = {
  schema_version: '1.0',
  last_updated: '2026-11-01T00:00:00Z',
  tasks: {
    core: {
      'Api.Server': { id: 'a1', name: 'API server', owner: 'Human', status: 'not_started' },
      b_second: { id: 'b', name: 'Second thing', owner: 'Human', status: 'not_started' },
    },
  },
};

function settings(base: number): string {
  return `{
  "coordinator.worktrees.ports.base": ${base},
  "coordinator.worktrees.ports.blockSize": 3,
  "coordinator.worktrees.taskEnv": {
    "DATABASE_NAME": "app_\${taskKey}",
    "COMPOSE_PROJECT_NAME": "\${repo}-\${taskKey}",
  },
  "coordinator.worktrees.setupCommand": "env > setup-env.txt",
}
`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return Math.min(port, 60_000);
}

function envFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('coord env and the environment of a started worktree (real processes, real git)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  let configHome: string;
  let env: NodeJS.ProcessEnv;
  let base: number;

  beforeEach(async () => {
    base = await freePort();
    repo = createTempRepo({ name: 'Shop' });
    repo.write('docs/plans/task_status.json', `${JSON.stringify(PLAN, null, 2)}\n`);
    repo.write('.vscode/settings.json', settings(base));
    repo.commit('plan and settings');
    configHome = mkdtempSync(join(tmpdir(), 'coord-config-'));
    env = { ...process.env, XDG_CONFIG_HOME: configHome };
    delete env.COORD_TRUSTED;
  });
  afterEach(() => {
    repo.dispose();
    rmSync(configHome, { recursive: true, force: true });
  });

  it('prints the block and names the setup command saw, as lines, JSON and shell exports', async () => {
    const started = await coord(
      ['start', 'Api.Server', '--trusted', '--json'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(started.code, 0, started.stderr);
    const result = JSON.parse(started.stdout) as {
      path: string;
      ports: { start: number; size: number };
      env: Record<string, string>;
    };
    assert.ok(result.ports.start >= base);
    assert.equal(result.ports.size, 3);

    const lines = await coord(['env', 'Api.Server', '--trusted'], repo.root, undefined, env);
    assert.equal(lines.code, 0, lines.stderr);
    const printed = envFile(lines.stdout);
    assert.deepEqual(printed, {
      COORD_TASK: 'Api.Server',
      COORD_PORT: String(result.ports.start),
      COORD_PORT_1: String(result.ports.start + 1),
      COORD_PORT_2: String(result.ports.start + 2),
      DATABASE_NAME: 'app_api_server',
      COMPOSE_PROJECT_NAME: 'shop-api_server',
    });
    assert.deepEqual(Object.keys(printed), [
      'COORD_TASK',
      'COORD_PORT',
      'COORD_PORT_1',
      'COORD_PORT_2',
      'DATABASE_NAME',
      'COMPOSE_PROJECT_NAME',
    ]);

    const seenBySetup = envFile(readFileSync(join(result.path, 'setup-env.txt'), 'utf8'));
    for (const [name, value] of Object.entries(printed)) {
      assert.equal(seenBySetup[name], value, `the setup command saw ${name}`);
    }

    const json = await coord(['env', 'a1', '--json', '--trusted'], result.path, undefined, env);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), printed, 'by id, from inside the worktree');

    const shell = await coord(
      ['env', 'Api.Server', '--shell', '--trusted'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(shell.code, 0, shell.stderr);
    const evaluated = execFileSync('sh', ['-c', `${shell.stdout}\nenv`], {
      encoding: 'utf8',
      env: {},
    });
    for (const [name, value] of Object.entries(printed)) {
      assert.equal(envFile(evaluated)[name], value, `eval exports ${name}`);
    }

    const brief = readFileSync(join(result.path, 'TASK_BRIEF.md'), 'utf8');
    for (const [name, value] of Object.entries(printed)) {
      assert.ok(brief.includes(`\`${name}=${value}\``), `the brief lists ${name}`);
    }
  });

  it('leaves the template out untrusted, says so, and refuses a task with no worktree in one line', async () => {
    const started = await coord(['start', 'b_second', '--trusted'], repo.root, undefined, env);
    assert.equal(started.code, 0, started.stderr);
    const untrusted = await coord(['env', 'b_second'], repo.root, undefined, env);
    assert.equal(untrusted.code, 0, untrusted.stderr);
    assert.deepEqual(Object.keys(envFile(untrusted.stdout)), [
      'COORD_TASK',
      'COORD_PORT',
      'COORD_PORT_1',
      'COORD_PORT_2',
    ]);
    assert.match(
      untrusted.stderr,
      /coordinator\.worktrees\.taskEnv.*not trusted|not trusted.*coordinator\.worktrees\.taskEnv/,
    );

    const notStarted = await coord(['env', 'Api.Server'], repo.root, undefined, env);
    assert.equal(notStarted.code, 1);
    assert.equal(
      notStarted.stderr.trim(),
      'coord: Api.Server has no worktree yet; a task gets its ports when it starts (coord start Api.Server)',
    );
    const unknown = await coord(['env', 'nope'], repo.root, undefined, env);
    assert.notEqual(unknown.code, 0);
    assert.equal(unknown.stderr.trim().split('\n').length, 1, unknown.stderr);
  });

  it('removing the worktree gives the block back and says so', async () => {
    const started = await coord(
      ['start', 'b_second', '--trusted', '--json'],
      repo.root,
      undefined,
      env,
    );
    const { path, ports } = JSON.parse(started.stdout) as {
      path: string;
      ports: { start: number };
    };
    const removed = await coord(
      ['worktrees', 'remove', path, '--force'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stderr, new RegExp(`released ports ${ports.start}-${ports.start + 2}`));
    const ledger = JSON.parse(
      readFileSync(join(repo.root, '.git', 'coordinator', 'ports.json'), 'utf8'),
    ) as { blocks: Record<string, unknown> };
    assert.deepEqual(ledger.blocks, {});
  });
});
