import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import fsPromises from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { acquireLock, LockTimeoutError } from '../../../src/platform/files/lock';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { bundleForFaults } from './bundle';
import { runNode, startNode, type ChildRun } from './child';
import { faultSeed, seededRandom } from './seed';

const TASK_KEYS = ['shared', 'own1', 'own2', 'own3', 'own4', 'own5', 'own6', 'own7'];

function planText(keys: readonly string[] = TASK_KEYS): string {
  const tasks: Record<string, unknown> = {};
  for (const key of keys) {
    tasks[key] = { id: key, name: `Task ${key}`, status: 'not_started', notes: [] };
  }
  return `${JSON.stringify({ schema_version: '1.0', last_updated: '2026-01-01T00:00:00Z', tasks }, null, 2)}\n`;
}

function notesOf(file: string, key: string): Set<string> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    tasks: Record<string, { notes?: string[] }>;
  };
  return new Set(data.tasks[key].notes ?? []);
}

function missing(present: ReadonlySet<string>, label: string, count: number): number {
  let lost = 0;
  for (let i = 1; i <= count; i++) {
    if (!present.has(`${label}-${i}`)) {
      lost++;
    }
  }
  return lost;
}

/** The pid of a process that has exited, as a lock or temp file left by a kill would name. */
function deadPid(): number {
  const pid = Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']),
  );
  assert.throws(() => process.kill(pid, 0));
  return pid;
}

/** Everything in the folder but the task file: locks, temp files, files moved aside. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name !== 'task_status.json');
}

function failedRuns(runs: readonly ChildRun[]): string[] {
  return runs
    .filter((run) => run.code !== 0)
    .map((run) => `exit ${run.code}: ${run.stderr.trim()}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('store under faults', function () {
  this.timeout(60_000);
  let bundle: { dir: string; files: Record<'cli' | 'writer' | 'saver' | 'flapper', string> };
  let dir: string;
  let file: string;

  before(async () => {
    bundle = await bundleForFaults({
      cli: 'src/hosts/cli/main.ts',
      writer: 'test/unit/faults/storeWriter.ts',
      saver: 'test/unit/faults/renameSaver.ts',
      flapper: 'test/unit/faults/fileFlapper.ts',
    });
  });

  after(() => rmSync(bundle.dir, { recursive: true, force: true }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coord-store-faults-'));
    file = join(dir, 'task_status.json');
    writeFileSync(file, planText());
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writer = (key: string, label: string, count: number, lockTimeoutMs = 20_000) =>
    startNode(bundle.files.writer, [file, key, label, String(count), String(lockTimeoutMs)]);

  /** 8 writers: four on one task, four on a task each. Returns the writes lost. */
  async function eightWriters(perWriter: number): Promise<{ lost: number; failures: string[] }> {
    const plans = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => ({
      key: n < 4 ? 'shared' : `own${n}`,
      label: `w${n}`,
    }));
    const runs = await Promise.all(
      plans.map(({ key, label }) => writer(key, label, perWriter).done),
    );
    let lost = 0;
    for (const { key, label } of plans) {
      lost += missing(notesOf(file, key), label, perWriter);
    }
    return { lost, failures: failedRuns(runs) };
  }

  it('loses no write of 8 concurrent processes on the same and on different tasks', async () => {
    const perWriter = 30;
    let reads = 0;
    let failedReads = 0;
    let writing = true;
    const reading = (async () => {
      const store = new TaskFileStore(file);
      while (writing) {
        reads++;
        const loaded = await store.read().catch(() => undefined);
        if (!loaded?.model) {
          failedReads++;
        }
        await pause(2);
      }
    })();
    const { lost, failures } = await eightWriters(perWriter);
    writing = false;
    await reading;
    console.log(
      `      8 writers: ${lost} of ${8 * perWriter} writes lost; ${failedReads} of ${reads} reads failed`,
    );
    assert.deepEqual(failures, []);
    assert.equal(lost, 0);
    assert.equal(failedReads, 0);
    assert.deepEqual(leftovers(dir), []);
  });

  it('loses no write when 8 processes find a stale lock of a dead process', async () => {
    const perWriter = 15;
    const lock = { pid: deadPid(), host: hostname(), time: Date.now() };
    writeFileSync(`${file}.lock`, JSON.stringify(lock));
    const { lost, failures } = await eightWriters(perWriter);
    console.log(`      stale lock: ${lost} of ${8 * perWriter} writes lost`);
    assert.deepEqual(failures, []);
    assert.equal(lost, 0);
    assert.deepEqual(leftovers(dir), []);
  });

  it('never takes away a live lock that replaced the stale one it judged', async () => {
    const lockPath = `${file}.lock`;
    const originalReadFile = fsPromises.readFile;
    const rounds = 10;
    const gone = deadPid();
    let liveLocksTaken = 0;
    try {
      for (let round = 1; round <= rounds; round++) {
        writeFileSync(lockPath, JSON.stringify({ pid: gone, host: hostname(), time: 0 }));
        const live = JSON.stringify({
          pid: process.pid,
          host: hostname(),
          time: Date.now(),
          nonce: `live-${round}`,
        });
        let interfered = false;
        // Between reading the stale lock and breaking it, another writer breaks it and takes a
        // live lock of its own, with a 50 ms pause so the race is certain.
        fsPromises.readFile = (async (...args: Parameters<typeof originalReadFile>) => {
          const text = await originalReadFile(...args);
          if (!interfered && args[0] === lockPath) {
            interfered = true;
            rmSync(lockPath);
            writeFileSync(lockPath, live);
            await pause(50);
          }
          return text;
        }) as typeof originalReadFile;
        const outcome = await acquireLock(lockPath, { timeoutMs: 150 }).then(
          () => 'acquired',
          (error: unknown) => (error instanceof LockTimeoutError ? 'waited' : String(error)),
        );
        fsPromises.readFile = originalReadFile;
        if (readFileSync(lockPath, 'utf8') !== live) {
          liveLocksTaken++;
        }
        assert.ok(outcome === 'waited' || outcome === 'acquired', outcome);
        rmSync(lockPath, { force: true });
      }
    } finally {
      fsPromises.readFile = originalReadFile;
    }
    console.log(
      `      judged-stale lock replaced by a live one: ${liveLocksTaken} of ${rounds} taken away`,
    );
    assert.equal(liveLocksTaken, 0);
    assert.deepEqual(leftovers(dir), []);
  });

  it('breaks an empty or unreadable lock after a bounded age', async () => {
    for (const content of ['', '{"pid": 12']) {
      writeFileSync(`${file}.lock`, content);
      const started = Date.now();
      const run = await writer('own1', `after-${content.length}`, 1, 10_000).done;
      const waited = Date.now() - started;
      console.log(
        `      ${content ? 'unreadable' : 'empty'} lock: write ${run.code === 0 ? 'done' : 'failed'} after ${waited} ms`,
      );
      assert.equal(run.code, 0, run.stderr);
      assert.ok(waited < 6_000, `waited ${waited} ms`);
      assert.deepEqual(leftovers(dir), []);
    }
  });

  it('survives kill -9 at random moments of a write: valid file, no stuck lock, no leftovers', async () => {
    const seed = faultSeed();
    console.log(`      FAULT_SEED=${seed}`);
    const random = seededRandom(seed);
    const trials = 50;
    let stuck = 0;
    let invalid = 0;
    let lostAcknowledged = 0;
    const left: string[] = [];
    for (let trial = 1; trial <= trials; trial++) {
      const label = `kill${trial}`;
      const key = TASK_KEYS[Math.floor(random() * 3)];
      const child = writer(key, label, 100_000);
      await child.printed('ready');
      await pause(Math.floor(random() * 30));
      child.process.kill('SIGKILL');
      const run = await child.done;
      const acknowledged = (run.stdout.match(/^ok \d+$/gm) ?? []).length;
      try {
        await new TaskFileStore(file, { lock: { timeoutMs: 4_000 } }).apply({
          kind: 'appendNote',
          taskKey: 'own7',
          text: `check-${trial}`,
        });
      } catch (error) {
        stuck++;
        console.log(`      trial ${trial}: later write failed: ${String(error)}`);
      }
      if (!existsSync(file) || loadTaskFile(readFileSync(file, 'utf8')).broken) {
        invalid++;
        writeFileSync(file, planText());
        continue;
      }
      left.push(...leftovers(dir));
      lostAcknowledged += missing(notesOf(file, key), label, acknowledged);
    }
    console.log(
      `      kill -9 x${trials}: ${stuck} stuck, ${invalid} invalid files, ${left.length} leftovers, ${lostAcknowledged} acknowledged writes lost`,
    );
    assert.deepEqual(
      { stuck, invalid, leftovers: left, lostAcknowledged },
      { stuck: 0, invalid: 0, leftovers: [], lostAcknowledged: 0 },
    );
  });

  it('survives kill -9 at random moments of coord set: valid file, no stuck lock, no leftovers, an exit 0 is kept', async function () {
    // 100 CLI processes in sequence: about 30 s on an idle machine, and a loop that outlives its
    // timeout would go on writing into the next test's folder.
    this.timeout(300_000);
    const seed = faultSeed();
    console.log(`      FAULT_SEED=${seed}`);
    const random = seededRandom(seed);
    const trials = 50;
    let stuck = 0;
    let invalid = 0;
    let lostAfterExit0 = 0;
    const left: string[] = [];
    for (let trial = 1; trial <= trials; trial++) {
      const key = TASK_KEYS[Math.floor(random() * 3)];
      const note = `cli-kill-${trial}`;
      const child = startNode(bundle.files.cli, ['set', key, '--note', note, '--file', file]);
      // The CLI starts, reads, locks and writes within a few hundred ms: kill anywhere in that.
      await pause(Math.floor(random() * 250));
      child.process.kill('SIGKILL');
      const run = await child.done;
      const later = await runNode(bundle.files.cli, [
        'set',
        'own7',
        '--note',
        `after-${trial}`,
        '--file',
        file,
      ]);
      if (later.code !== 0) {
        stuck++;
        console.log(`      trial ${trial}: later coord set failed: ${later.stderr.trim()}`);
      }
      if (!existsSync(file) || loadTaskFile(readFileSync(file, 'utf8')).broken) {
        invalid++;
        writeFileSync(file, planText());
        continue;
      }
      left.push(...leftovers(dir));
      if (run.code === 0 && !notesOf(file, key).has(note)) {
        lostAfterExit0++;
      }
    }
    console.log(
      `      coord set kill -9 x${trials}: ${stuck} stuck, ${invalid} invalid files, ${left.length} leftovers, ${lostAfterExit0} writes lost after exit 0`,
    );
    assert.deepEqual(
      { stuck, invalid, leftovers: left, lostAfterExit0 },
      { stuck: 0, invalid: 0, leftovers: [], lostAfterExit0: 0 },
    );
  });

  it('never overwrites an editor save (temp file + rename) that races the store', async () => {
    const saves = 150;
    const perWriter = 60;
    const saver = startNode(bundle.files.saver, [file, String(saves), '4']);
    const writers = ['own1', 'own2', 'own3'].map((key) => writer(key, key, perWriter));
    const runs = await Promise.all([saver.done, ...writers.map((w) => w.done)]);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { external_saves?: string[] };
    const present = new Set(data.external_saves ?? []);
    const lost = missing(present, 'save', saves);
    console.log(`      rename saver: ${lost} of ${saves} external saves lost`);
    assert.deepEqual(failedRuns(runs), []);
    assert.equal(lost, 0);
    assert.deepEqual(
      leftovers(dir).filter((name) => !name.endsWith('.saving')),
      [],
    );
  });

  it('reads a task file that is briefly missing or half-written instead of reporting it gone', async () => {
    const flapper = startNode(bundle.files.flapper, [file, '15', '15']);
    await flapper.printed('ready');
    const store = new TaskFileStore(file);
    let reads = 0;
    const failures: string[] = [];
    while (flapper.process.exitCode === null) {
      reads++;
      try {
        const loaded = await store.read();
        if (!loaded.model) {
          failures.push('read a half-written file as broken');
        }
      } catch (error) {
        failures.push(String(error));
      }
      await pause(3);
    }
    const cli = await runNode(bundle.files.cli, ['list', '--file', file]);
    console.log(`      flapping file: ${failures.length} of ${reads} reads failed`);
    assert.equal((await flapper.done).code, 0);
    assert.equal(cli.code, 0, cli.stderr);
    assert.deepEqual(failures, []);
  });

  it('removes temp files of dead processes', async () => {
    const pid = deadPid();
    const stale = [
      `.task_status.json.${pid}.0a1b2c3d.tmp`,
      `.task_status.json.lock.${pid}.0a1b2c3d.tmp`,
    ];
    for (const name of stale) {
      writeFileSync(join(dir, name), 'partial');
      utimesSync(join(dir, name), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    }
    const run = await runNode(bundle.files.cli, ['set', 'own1', '--note', 'x', '--file', file]);
    console.log(`      dead temp files: ${leftovers(dir).length} of ${stale.length} left`);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(leftovers(dir), []);
  });

  it('edits a file without last_updated minimally, keeping its layout', async () => {
    const oneLine = '{"tasks": {"a": {"name": "A", "status": "todo", "notes": []}}}\n';
    writeFileSync(file, oneLine);
    const run = await runNode(bundle.files.cli, ['set', 'a', '--status', 'done', '--file', file]);
    const after = readFileSync(file, 'utf8');
    console.log(
      `      no last_updated: ${oneLine.split('\n').length - 1} line(s) became ${after.split('\n').length - 1}`,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(after.split('\n').length, oneLine.split('\n').length);
    assert.match(
      after,
      /^\{"last_updated": "[^"]+", "tasks": \{"a": \{"name": "A", "status": "completed", "notes": \[\], "status_history": \[\{"status": "completed", "at": "[^"]+", "from": "not_started", "by": "[^"]+", "host": "cli"\}\]\}\}\}\n$/,
    );
  });

  describe('symlink layouts', () => {
    let repo: TempRepo;
    let outside: string;

    beforeEach(() => {
      repo = createTempRepo();
      outside = mkdtempSync(join(tmpdir(), 'coord-outside-'));
    });

    afterEach(() => {
      repo.dispose();
      rmSync(outside, { recursive: true, force: true });
    });

    const set = (note: string) =>
      runNode(bundle.files.cli, ['set', 'own1', '--note', note], repo.root);

    it('writes through a symlinked task file or folder that stays inside the repository', async () => {
      repo.write('plans/real.json', planText());
      mkdirSync(join(repo.root, 'docs', 'plans'), { recursive: true });
      symlinkSync('../../plans/real.json', join(repo.root, 'docs', 'plans', 'task_status.json'));
      const fileLink = await set('through-file-link');

      const second = createTempRepo();
      try {
        second.write('shared-plans/task_status.json', planText());
        mkdirSync(join(second.root, 'docs'));
        symlinkSync('../shared-plans', join(second.root, 'docs', 'plans'));
        const folderLink = await runNode(
          bundle.files.cli,
          ['set', 'own1', '--note', 'through-folder-link'],
          second.root,
        );
        const replaced = [
          lstatSync(join(repo.root, 'docs', 'plans', 'task_status.json')).isSymbolicLink(),
          lstatSync(join(second.root, 'docs', 'plans')).isSymbolicLink(),
        ].filter((kept) => !kept).length;
        const written = [
          notesOf(join(repo.root, 'plans', 'real.json'), 'own1').has('through-file-link'),
          notesOf(join(second.root, 'shared-plans', 'task_status.json'), 'own1').has(
            'through-folder-link',
          ),
        ].filter(Boolean).length;
        console.log(
          `      inside links: ${replaced} replaced by a file, ${written} of 2 written through`,
        );
        assert.equal(fileLink.code, 0, fileLink.stderr);
        assert.equal(folderLink.code, 0, folderLink.stderr);
        assert.equal(replaced, 0);
        assert.equal(written, 2);
      } finally {
        second.dispose();
      }
    });

    it('refuses, in one line, a symlinked task file or folder that leads outside the repository', async () => {
      writeFileSync(join(outside, 'task_status.json'), planText());
      const before = readFileSync(join(outside, 'task_status.json'), 'utf8');
      mkdirSync(join(repo.root, 'docs'));
      symlinkSync(outside, join(repo.root, 'docs', 'plans'));
      const folderLink = await set('escape-folder');
      rmSync(join(repo.root, 'docs', 'plans'));
      mkdirSync(join(repo.root, 'docs', 'plans'));
      symlinkSync(
        join(outside, 'task_status.json'),
        join(repo.root, 'docs', 'plans', 'task_status.json'),
      );
      const fileLink = await set('escape-file');
      const outsideWrites =
        readFileSync(join(outside, 'task_status.json'), 'utf8') === before ? 0 : 1;
      console.log(`      outside links: ${outsideWrites} writes outside the repository`);
      assert.equal(outsideWrites, 0);
      for (const run of [folderLink, fileLink]) {
        assert.equal(run.code, 1);
        assert.match(run.stderr, /^coord: .*outside the repository.*\n$/);
      }
    });
  });
});
