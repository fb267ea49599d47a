import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  readdirSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { acquireLock, LockTimeoutError } from '../../../src/platform/files/lock';
import { TaskFileBrokenError, TaskFileStore } from '../../../src/platform/taskfile/store';
import { generatePlan } from '../../../scripts/bench/generatedPlan';
import { FIXTURES } from '../core/helpers';

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('TaskFileStore', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coord-store-'));
    file = join(dir, 'task_status.json');
    copyFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), file);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies an edit, replaces the file and leaves no lock or temp file', async () => {
    const store = new TaskFileStore(file, { now: () => new Date('2026-01-02T03:04:05Z') });
    const result = await store.apply({
      kind: 'setStatus',
      taskKey: 'task2_golden_tokens',
      status: 'in_progress',
    });
    assert.equal(result.model!.byKey.get('task2_golden_tokens')!.status, 'in_progress');
    const reread = await store.read();
    assert.equal(reread.text, result.text);
    assert.equal(reread.model!.lastUpdated, '2026-01-02T03:04:05Z');
    assert.deepEqual(readdirSync(dir), ['task_status.json']);
  });

  it('reads an unchanged file as the result it last read or wrote, and a changed one afresh', async () => {
    const store = new TaskFileStore(file);
    const first = await store.read();
    assert.equal(await store.read(), first, 'the same text, the same result');
    const written = await store.apply({
      kind: 'setStatus',
      taskKey: 'task2_golden_tokens',
      status: 'in_progress',
    });
    assert.equal(await store.read(), written, 'the text it wrote');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"in_progress"', '"blocked"'));
    const changed = await store.read();
    assert.notEqual(changed, written);
    const fresh = loadTaskFile(readFileSync(file, 'utf8'));
    assert.equal(changed.text, fresh.text);
    assert.deepEqual(changed.diagnostics, fresh.diagnostics);
    assert.deepEqual(changed.model!.tasks, fresh.model!.tasks);
  });

  it('never writes a file that does not parse', async () => {
    const broken = readFileSync(file, 'utf8').replace('"priority": "low"', '"priority": low');
    writeFileSync(file, broken);
    const store = new TaskFileStore(file);
    await assert.rejects(
      store.apply({ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'completed' }),
      TaskFileBrokenError,
    );
    assert.equal(readFileSync(file, 'utf8'), broken);
    assert.deepEqual(readdirSync(dir), ['task_status.json']);
  });

  it('re-applies its edit when the file changed between read and write', async () => {
    const store = new TaskFileStore(file);
    let changed = false;
    const original = readFileSync(file, 'utf8');
    // A writer that ignores the lock changes the file right after the store's first read.
    const withExternalWrite = new TaskFileStore(file, {
      now: () => {
        if (!changed) {
          changed = true;
          writeFileSync(file, original.replace('"owner": "Copilot"', '"owner": "Copilot + Codex"'));
        }
        return new Date();
      },
    });
    await withExternalWrite.apply({
      kind: 'setStatus',
      taskKey: 'cc1_guardrails',
      status: 'completed',
    });
    const model = (await store.read()).model!;
    assert.equal(model.byKey.get('cc1_guardrails')!.status, 'completed');
    assert.equal(model.byKey.get('task5_soak_sentinel')!.owner, 'Copilot + Codex');
  });

  it('re-reads only the edited task of a large plan it read, giving what a whole read gives', async () => {
    writeFileSync(file, generatePlan(3000));
    const store = new TaskFileStore(file, { now: () => new Date('2026-01-02T03:04:05Z') });
    await store.read();
    // The generated plan's stored summary disagrees with its tasks, so the first edit reads whole.
    const first = await store.apply({
      kind: 'setStatus',
      taskKey: 'task2000_generated_slug',
      status: 'completed',
    });
    const second = await store.apply({
      kind: 'appendNote',
      taskKey: 'task2500_generated_slug',
      text: 'checked',
    });
    // Tasks before the edit are the very objects of the edit before: only the edited one was read.
    assert.equal(second.model!.tasks[10], first.model!.tasks[10]);
    assert.notEqual(second.model!.tasks[2900], first.model!.tasks[2900]);
    const whole = loadTaskFile(readFileSync(file, 'utf8'));
    assert.deepEqual(second.diagnostics, whole.diagnostics);
    assert.deepEqual(second.summary, whole.summary);
    assert.deepEqual(second.model, whole.model);
    assert.deepEqual(second.model!.byKey.get('task2500_generated_slug')!.notes, ['checked']);
    // A save by another program in between: the store's read no longer matches, so it reads whole.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Claude Code"', '"Claude"'));
    const third = await store.apply({
      kind: 'setStatus',
      taskKey: 'task1_generated_slug',
      status: 'blocked',
    });
    assert.notEqual(third.model!.tasks[0], second.model!.tasks[0]);
    assert.deepEqual(third.model, loadTaskFile(readFileSync(file, 'utf8')).model);
    assert.equal(third.model!.byKey.get('task1_generated_slug')!.owner, 'Claude');
  });

  it('waits for the lock, takes over a stale one, and times out on a live one', async () => {
    const lock = await acquireLock(`${file}.lock`);
    const store = new TaskFileStore(file, { lock: { timeoutMs: 200 } });
    await assert.rejects(
      store.apply({ kind: 'setStatus', taskKey: 'cc1_guardrails', status: 'completed' }),
      LockTimeoutError,
    );
    const waiting = new TaskFileStore(file).apply({
      kind: 'setStatus',
      taskKey: 'cc1_guardrails',
      status: 'completed',
    });
    setTimeout(() => void lock.release(), 100);
    await waiting;
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), time: Date.now() }),
    );
    await new TaskFileStore(file, { lock: { timeoutMs: 2000 } }).apply({
      kind: 'setStatus',
      taskKey: 'cc1_guardrails',
      status: 'blocked',
    });
    assert.equal(existsSync(`${file}.lock`), false);
    assert.equal(
      (await new TaskFileStore(file).read()).model!.byKey.get('cc1_guardrails')!.status,
      'blocked',
    );
  });

  it('loses no update when two processes apply 200 edits each to different tasks at once', async function () {
    this.timeout(180_000);
    const script = join(__dirname, 'applyMany.ts');
    const results = await Promise.all([
      run([script, file, 'task1_shadow_diff', '200']),
      run([script, file, 'taskB_circuit_breaker', '200']),
    ]);
    for (const result of results) {
      assert.equal(result.code, 0, result.stderr);
    }
    const loaded = loadTaskFile(readFileSync(file, 'utf8'));
    assert.equal(loaded.broken, false);
    for (const key of ['task1_shadow_diff', 'taskB_circuit_breaker']) {
      const task = loaded.model!.byKey.get(key)!;
      assert.deepEqual(task.progress, { totalSteps: 200, completedSteps: 200, percentage: 100 });
      assert.deepEqual(
        task.notes,
        Array.from({ length: 100 }, (_, i) => `note ${2 * i + 1}`),
      );
    }
    assert.deepEqual(readdirSync(dir), ['task_status.json']);
  });
});
