import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTaskInWorktree, removeTaskWorktree } from '../../../src/features/worktrees';
import {
  portLedgerPath,
  readPortLedger,
  releasePorts,
} from '../../../src/features/worktrees/portAllocation';
import type { PortAllocation } from '../../../src/features/worktrees/model/portBlocks';
import { portInUse } from '../../../src/platform/net/portProbe';
import { isolateGitConfig } from '../../support/tempRepo';
import { TSX_LOADER } from '../cli/runCoord';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';

const run = promisify(execFile);
const ALLOCATOR = join(__dirname, 'allocatePortsProcess.ts');

/** Allocates in a fresh `node` process, as another window or `coord` run would. */
async function allocateInProcess(
  cwd: string,
  taskKey: string,
  base: number,
  size: number,
  worktreePath = '',
): Promise<PortAllocation> {
  const { stdout } = await run(
    process.execPath,
    ['--import', TSX_LOADER, ALLOCATOR, cwd, taskKey, String(base), String(size), worktreePath],
    { cwd },
  );
  return JSON.parse(stdout) as PortAllocation;
}

function listen(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port the system just handed out, free again: a base unlikely to collide with other tests. */
async function freshBase(): Promise<number> {
  const server = await listen(0, '127.0.0.1');
  const port = (server.address() as { port: number }).port;
  await close(server);
  return Math.min(port, 60_000);
}

function overlaps(a: PortAllocation, b: PortAllocation): boolean {
  return a.start <= b.start + b.size - 1 && b.start <= a.start + a.size - 1;
}

describe('port blocks per task (real processes, real sockets, real git)', function () {
  this.timeout(240_000);
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  it('keeps a task its block across restarts and gives another task a different one', async () => {
    repo = createTaskRepo();
    const base = await freshBase();
    const first = await allocateInProcess(repo.root, 'task1_shadow_diff', base, 5);
    const again = await allocateInProcess(repo.root, 'task1_shadow_diff', base, 5);
    const other = await allocateInProcess(repo.root, 'task2_golden_tokens', base, 5);
    assert.deepEqual(
      { start: again.start, size: again.size, allocatedAt: again.allocatedAt },
      { start: first.start, size: first.size, allocatedAt: first.allocatedAt },
    );
    assert.equal(first.size, 5);
    assert.ok(first.start >= base);
    assert.ok(!overlaps(first, other), `${first.start} and ${other.start} overlap`);
    const ledger = await readPortLedger(repo.root);
    assert.deepEqual([...ledger.keys()].sort(), ['task1_shadow_diff', 'task2_golden_tokens']);
    assert.equal(
      await portLedgerPath(repo.root),
      join(repo.root, '.git', 'coordinator', 'ports.json'),
      'local state, never in the work tree',
    );
    assert.equal(repo.git('status', '--porcelain').trim(), '');
  });

  it('gives 50 tasks allocated at once by separate node processes 50 disjoint blocks', async () => {
    repo = createTaskRepo();
    const base = await freshBase();
    const keys = Array.from({ length: 50 }, (_, index) => `task_${index}`);
    const blocks = await Promise.all(keys.map((key) => allocateInProcess(repo.root, key, base, 3)));
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        assert.ok(!overlaps(blocks[i], blocks[j]), `${keys[i]} and ${keys[j]} share ports`);
      }
    }
    const ledger = await readPortLedger(repo.root);
    assert.equal(ledger.size, 50, 'every allocation survived the others');
    for (const [index, key] of keys.entries()) {
      assert.equal(ledger.get(key)?.start, blocks[index].start);
    }
    const again = await allocateInProcess(repo.root, 'task_17', base, 3);
    assert.equal(again.start, blocks[17].start, 'the same block after all the restarts');
  });

  it('skips a block whose port something on the machine listens on (IPv4 loopback or IPv6 wildcard)', async () => {
    repo = createTaskRepo();
    const base = await freshBase();
    const size = 4;
    const held = [await listen(base + 1, '127.0.0.1')];
    try {
      held.push(await listen(base + size + 2, '::'));
    } catch {
      // No IPv6 here: the IPv4 listener alone is the case.
    }
    try {
      assert.equal(await portInUse(base + 1), true);
      const block = await allocateInProcess(repo.root, 'task1', base, size);
      const heldPorts = held.map((server) => (server.address() as { port: number }).port);
      for (const port of heldPorts) {
        assert.ok(
          port < block.start || port > block.start + size - 1,
          `block ${block.start} includes held port ${port}`,
        );
      }
      assert.ok(block.start >= base + size * held.length);
      assert.equal((block.start - base) % size, 0, 'blocks stay aligned on the base');
    } finally {
      await Promise.all(held.map(close));
    }
  });

  it('writes the ports and template names into the brief and the setup command, and releases them on removal', async () => {
    repo = createTaskRepo({ name: 'My Repo' });
    const base = await freshBase();
    const result = await startTaskInWorktree({
      taskKey: 'task1',
      taskFilePath: repo.taskFilePath,
      store: repo.store,
      portBase: base,
      portBlockSize: 3,
      taskEnv: {
        DATABASE_NAME: 'app_${taskKey}',
        COMPOSE_PROJECT_NAME: '${repo}-${taskId}',
        API_URL: 'http://localhost:${port2}/api',
        'BAD NAME': 'x',
        COORD_OTHER: 'y',
      },
      setupCommand: 'env > setup-env.txt',
      isTrusted: () => true,
    });
    const ports = result.ports;
    assert.ok(ports, 'the task got a block');
    assert.equal(result.env.COORD_TASK, 'task1_shadow_diff');
    assert.equal(result.env.COORD_PORT, String(ports.start));
    assert.equal(result.env.COORD_PORT_2, String(ports.start + 2));
    assert.equal(result.env.COORD_PORT_3, undefined);
    assert.equal(result.env.DATABASE_NAME, 'app_task1_shadow_diff');
    assert.equal(result.env.COMPOSE_PROJECT_NAME, 'my_repo-task1');
    assert.equal(result.env.API_URL, `http://localhost:${ports.start + 2}/api`);
    assert.equal(result.env['BAD NAME'], undefined);
    assert.equal(result.env.COORD_OTHER, undefined);
    assert.ok(result.notes.some((note) => note.includes('"BAD NAME" is not a variable name')));
    assert.ok(result.notes.some((note) => note.includes('COORD_OTHER is left out')));

    const seen = new Map(
      readFileSync(join(result.path, 'setup-env.txt'), 'utf8')
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    for (const [name, value] of Object.entries(result.env)) {
      assert.equal(seen.get(name), value, `the setup command saw ${name}`);
    }

    const brief = readFileSync(join(result.path, 'TASK_BRIEF.md'), 'utf8');
    assert.match(brief, /## Ports and environment/);
    for (const [name, value] of Object.entries(result.env)) {
      assert.ok(brief.includes(`- \`${name}=${value}\``), `brief lists ${name}`);
    }
    assert.ok(brief.includes('coord env task1_shadow_diff --shell'));

    const removed = await removeTaskWorktree({ cwd: repo.root, path: result.path, force: true });
    assert.deepEqual(removed.releasedPorts, { start: ports.start, size: 3 });
    assert.equal((await readPortLedger(repo.root)).has('task1_shadow_diff'), false);
    const next = await allocateInProcess(repo.root, 'task2_golden_tokens', base, 3);
    assert.ok(next.start <= ports.start, 'the freed block is free for the next task');
  });

  it('gives back the block of a worktree removed by hand at the next allocation, and on release by task', async () => {
    repo = createTaskRepo();
    const base = await freshBase();
    const gone = join(repo.parent, 'gone-worktree');
    mkdirSync(gone);
    const first = await allocateInProcess(repo.root, 'task1', base, 2, gone);
    rmSync(gone, { recursive: true });
    const second = await allocateInProcess(repo.root, 'task2', base, 2);
    assert.equal(second.start, first.start, 'the block of the removed worktree was reclaimed');
    assert.equal((await readPortLedger(repo.root)).has('task1'), false);
    assert.deepEqual(
      (await releasePorts(repo.root, { taskKey: 'task2' })).map((block) => block.start),
      [second.start],
    );
    assert.equal((await readPortLedger(repo.root)).size, 0);
    assert.ok(!existsSync(join(repo.root, 'coordinator')));
  });
});
