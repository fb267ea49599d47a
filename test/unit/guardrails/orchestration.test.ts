import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildRunLog } from '../../../src/features/guardrails/model/runLog';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { BatchedWriter } from '../../../src/features/guardrails/batchedWriter';
import {
  guardrailResultEdits,
  isGuardrailRecordError,
  recordGuardrailResults,
} from '../../../src/features/guardrails/record';
import { readRunLogs, writeRunLog } from '../../../src/features/guardrails/runLogFiles';
import { runGuardrailBatch } from '../../../src/features/guardrails/runGuardrailBatch';
import { textSink } from '../../../src/features/guardrails/textSink';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { guardrail, modelWith } from './helpers';
import { RecordingSink, tempFolder, waitFor } from './processes';

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

posixOnly('guardrails: running several', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  it('runs in order, skips those whose task is not completed, and returns results in definition order', async () => {
    const definitions = [
      guardrail('first', 'echo one'),
      guardrail('shadow', 'echo never', { dependsOn: 'task1' }),
      guardrail('third', 'exit 1', { required: false }),
    ];
    const sinks = new Map<string, RecordingSink>();
    const results = await runGuardrailBatch(definitions, {
      cwd: folder.dir,
      model: modelWith('task1_shadow_diff:task1:waiting'),
      sinkFor: (definition) => {
        const sink = new RecordingSink();
        sinks.set(definition.key, sink);
        return sink;
      },
    });
    assert.deepEqual(
      results.map((result) => [result.key, result.verdict]),
      [
        ['first', 'pass'],
        ['shadow', 'skipped'],
        ['third', 'fail'],
      ],
    );
    assert.equal(results[1].reason, 'depends on task1_shadow_diff, which is waiting');
    assert.deepEqual(sinks.get('shadow')?.events, ['start', 'end']);
    assert.equal(sinks.get('shadow')?.text, '');
  });

  it('runs a skipped one when told to ignore dependencies', async () => {
    const [result] = await runGuardrailBatch(
      [guardrail('shadow', 'true', { dependsOn: 'task1' })],
      {
        cwd: folder.dir,
        model: modelWith('task1_shadow_diff:task1:waiting'),
        ignoreDependencies: true,
        sinkFor: () => new RecordingSink(),
      },
    );
    assert.equal(result.verdict, 'pass');
  });

  it('runs up to `parallelism` at once', async () => {
    // Each waits until both have started: only possible when two run at the same time.
    const marker = (name: string) => path.join(folder.dir, name);
    const waitOther = (mine: string, other: string) =>
      `touch ${marker(mine)}; i=0; while [ ! -f ${marker(other)} ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; test -f ${marker(other)}`;
    const results = await runGuardrailBatch(
      [guardrail('a', waitOther('a', 'b')), guardrail('b', waitOther('b', 'a'))],
      { cwd: folder.dir, parallelism: 2, sinkFor: () => new RecordingSink() },
    );
    assert.deepEqual(
      results.map((result) => result.verdict),
      ['pass', 'pass'],
    );
  });

  it('after a cancel reports the rest as cancelled without starting them', async () => {
    const controller = new AbortController();
    const started = path.join(folder.dir, 'started');
    const running = runGuardrailBatch(
      [
        guardrail('long', `touch ${started}; sleep 60`),
        guardrail('next', `touch ${path.join(folder.dir, 'next')}`),
      ],
      {
        cwd: folder.dir,
        signal: controller.signal,
        killGraceMs: 200,
        sinkFor: () => new RecordingSink(),
      },
    );
    await waitFor(() => {
      try {
        readFileSync(started);
        return true;
      } catch {
        return false;
      }
    }, 'the first guardrail to start');
    controller.abort();
    const results = await running;
    assert.deepEqual(
      results.map((result) => [result.verdict, result.reason]),
      [
        ['cancelled', 'cancelled'],
        ['cancelled', 'cancelled before it started'],
      ],
    );
    assert.throws(() => readFileSync(path.join(folder.dir, 'next')));
  });

  it('prints header, output and footer as text, with line prefixes for parallel runs', async () => {
    let printed = '';
    const definition = guardrail('lint', "printf 'a\\nb'");
    await runGuardrailBatch([definition], {
      cwd: folder.dir,
      sinkFor: (d) => textSink(d, (text) => (printed += text), { prefixLines: true }),
    });
    const lines = printed.split('\n');
    assert.equal(lines[0], '[lint] >>> lint (required)');
    assert.equal(lines[1], "[lint] $ printf 'a\\nb'");
    assert.ok(lines.includes('[lint] a'));
    assert.ok(lines.includes('[lint] b'), 'an unfinished last line is ended before the footer');
    assert.match(printed, /\[lint\] <<< lint: PASS · exit code 0 · \d+ ms\n/);
  });
});

describe('guardrails: batched writing', () => {
  it('hands text on in order, in few writes, and everything on flush', async () => {
    const writes: string[] = [];
    const writer = new BatchedWriter((text) => writes.push(text), 20, 10);
    writer.write('abc');
    writer.write('def');
    assert.deepEqual(writes, []);
    writer.write('ghijk');
    assert.deepEqual(writes, ['abcdefghijk']);
    writer.write('late');
    await waitFor(() => writes.length === 2, 'the timed flush');
    writer.write('end');
    writer.dispose();
    assert.deepEqual(writes, ['abcdefghijk', 'late', 'end']);
  });
});

describe('guardrails: run log files and recording', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  const result = {
    key: 'compat',
    command: 'make compat',
    required: true,
    cwd: '/repo',
    verdict: 'pass' as const,
    reason: 'exit code 0',
    exitCode: 0,
    startedAt: '2025-10-16T05:32:29.000Z',
    finishedAt: '2025-10-16T05:32:30.500Z',
    durationMs: 1500,
    lastLines: ['ok'],
    outputBytes: 3,
  };

  it('writes run logs and reads them back newest first, ignoring other files', async () => {
    const logs = path.join(folder.dir, 'logs');
    const first = buildRunLog({
      startedAt: result.startedAt,
      finishedAt: result.finishedAt,
      cwd: '/repo',
      results: [result],
    });
    const second = { ...first, startedAt: '2025-10-17T00:00:00.000Z' };
    const firstPath = await writeRunLog(logs, first);
    await writeRunLog(logs, second);
    assert.match(path.basename(firstPath), /^20251016T053229Z-[0-9a-f]+\.json$/);
    writeFileSync(path.join(logs, '20251018T000000Z-aaaa.json'), '{ broken');
    writeFileSync(path.join(logs, 'notes.txt'), 'x');
    assert.deepEqual(await readRunLogs(logs), [second, first]);
    assert.deepEqual(await readRunLogs(path.join(folder.dir, 'missing')), []);
  });

  it('records pass, fail and error of guardrails the file defines, in one write', async () => {
    const results = [
      result,
      { ...result, key: 'openapi', verdict: 'error' as const },
      { ...result, key: 'shadow', verdict: 'skipped' as const },
      { ...result, key: 'cancelled', verdict: 'cancelled' as const },
      { ...result, key: 'settingOnly', verdict: 'fail' as const },
    ];
    const fileKeys = new Set(['compat', 'openapi', 'shadow', 'cancelled']);
    const applied: TaskEdit[][] = [];
    const count = await recordGuardrailResults(
      { apply: async (edits) => applied.push(Array.isArray(edits) ? edits : [edits]) },
      results,
      fileKeys,
    );
    assert.equal(count, 2);
    assert.deepEqual(applied, [guardrailResultEdits(results, fileKeys)]);
    assert.deepEqual(applied[0][0], {
      kind: 'setGuardrailResult',
      guardrailKey: 'compat',
      status: 'pass',
      lastRun: '2025-10-16T05:32:30.500Z',
      durationMs: 1500,
    });
  });

  it('still records the others when one guardrail entry has a field written twice, and names it', async () => {
    const file = path.join(folder.dir, 'task_status.json');
    writeFileSync(
      file,
      `{
  "tasks": { "g": { "t": { "id": "t", "name": "T", "status": "not_started" } } },
  "pre_audit_guardrails": {
    "compat": { "command": "true", "status": "not_started", "status": "failed" },
    "openapi": { "command": "true", "status": "not_started" }
  }
}
`,
    );
    const store = new TaskFileStore(file);
    const results = [result, { ...result, key: 'openapi' }];
    await assert.rejects(
      recordGuardrailResults(store, results, new Set(['compat', 'openapi'])),
      /1 result\(s\) recorded; not recorded: guardrail "compat": "status" is written twice/,
    );
    const saved = readFileSync(file, 'utf8');
    const openapi = (JSON.parse(saved) as { pre_audit_guardrails: Record<string, unknown> })
      .pre_audit_guardrails.openapi;
    assert.deepEqual(openapi, {
      command: 'true',
      status: 'pass',
      last_run: '2025-10-16T05:32:30.500Z',
      duration_ms: 1500,
    });
    assert.match(
      saved,
      /"compat": \{ "command": "true", "status": "not_started", "status": "failed" \}/,
    );
  });

  it('reports a task file deleted before recording as one error with a stable reason', async () => {
    const file = path.join(folder.dir, 'task_status.json');
    writeFileSync(
      file,
      '{ "tasks": {}, "pre_audit_guardrails": { "compat": { "command": "true" } } }\n',
    );
    const store = new TaskFileStore(file);
    rmSync(file);
    await assert.rejects(recordGuardrailResults(store, [result], new Set(['compat'])), (error) => {
      assert.ok(isGuardrailRecordError(error, 'taskFileGone'));
      assert.equal(
        error.message,
        'results not recorded: the task file is gone (deleted while the guardrails ran?)',
      );
      assert.equal(error.recorded, 0);
      return true;
    });
  });
});
