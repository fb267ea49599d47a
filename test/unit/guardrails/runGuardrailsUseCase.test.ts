import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GuardrailDefinition } from '../../../src/kernel/model/types';
import { CoordinatorError } from '../../../src/kernel/errors/coordinatorError';
import { parseRunLog } from '../../../src/features/guardrails/model/runLog';
import { readGuardrailSettings } from '../../../src/features/guardrails/model/settings';
import {
  runGuardrails,
  type GuardrailConfiguration,
  type RunGuardrailsRequest,
} from '../../../src/features/guardrails/runGuardrails';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { RecordingSink, tempFolder } from './processes';

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

/** The use case every host calls: trust, selection, run, run log and recording in one place. */
posixOnly('guardrails: the shared run use case', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof tempFolder>;
  let taskFile: string;
  let store: TaskFileStore;
  beforeEach(() => {
    folder = tempFolder();
    taskFile = path.join(folder.dir, 'task_status.json');
    writeFileSync(
      taskFile,
      `{
  "tasks": { "g": { "t1": { "id": "t1", "name": "One", "status": "not_started" } } },
  "pre_audit_guardrails": {
    "compat": { "command": "echo compat-ran", "status": "not_started" },
    "docs": { "command": "echo docs >&2; exit 3", "status": "not_started" },
    "shadow": { "command": "echo never", "depends_on": "t1", "status": "waiting" }
  }
}
`,
    );
    store = new TaskFileStore(taskFile);
  });
  afterEach(() => folder.remove());

  interface Seen {
    sinks: Map<string, RecordingSink>;
    progress: string[];
    selected: string[];
    configured: number;
  }

  async function request(
    overrides: Partial<RunGuardrailsRequest> = {},
    settings: Record<string, unknown> = {},
  ): Promise<{ request: RunGuardrailsRequest; seen: Seen }> {
    const model = (await store.read()).model;
    assert.ok(model);
    const seen: Seen = { sinks: new Map(), progress: [], selected: [], configured: 0 };
    const configuration: GuardrailConfiguration = {
      definitions: model.guardrails,
      settings: readGuardrailSettings((key) => settings[key]),
    };
    return {
      seen,
      request: {
        trust: { trusted: true, refusal: 'not running guardrails here' },
        configure: () => {
          seen.configured++;
          return configuration;
        },
        root: folder.dir,
        model,
        store,
        taskFile,
        ui: {
          sinkFor(definition: GuardrailDefinition) {
            const sink = new RecordingSink();
            seen.sinks.set(definition.key, sink);
            return sink;
          },
          progress(selected, work) {
            seen.selected = selected.map((d) => d.key);
            return work((message) => seen.progress.push(message));
          },
        },
        ...overrides,
      },
    };
  }

  it('runs, reports progress, writes the run log and records verdicts through the store', async () => {
    const { request: asked, seen } = await request();
    const report = await runGuardrails(asked);
    assert.deepEqual(
      report.results.map((r) => [r.key, r.verdict]),
      [
        ['compat', 'pass'],
        ['docs', 'fail'],
        ['shadow', 'skipped'],
      ],
    );
    assert.deepEqual(seen.selected, ['compat', 'docs', 'shadow']);
    assert.deepEqual(seen.progress, ['compat (1/3)', 'docs (2/3)', 'shadow (3/3)']);
    assert.match(seen.sinks.get('compat')?.text ?? '', /compat-ran/);
    assert.equal(report.cwd, folder.dir);
    assert.equal(report.recorded, 2, 'pass and fail are recorded, the skipped one is not');
    assert.equal(report.cancelled, false);

    const saved = JSON.parse(readFileSync(taskFile, 'utf8')) as {
      pre_audit_guardrails: Record<string, { status: string; last_run?: string }>;
    };
    assert.equal(saved.pre_audit_guardrails.compat.status, 'pass');
    assert.equal(saved.pre_audit_guardrails.docs.status, 'fail');
    assert.equal(saved.pre_audit_guardrails.shadow.status, 'waiting');

    assert.ok(report.logPath);
    assert.equal(path.dirname(report.logPath), path.join(folder.dir, '.dev', 'guardrails'));
    const log = parseRunLog(readFileSync(report.logPath, 'utf8'));
    assert.equal(log?.taskFile, taskFile);
    assert.equal(log?.requiredPassed, false);
    assert.deepEqual(log?.results, report.results);
  });

  it('refuses an untrusted repository before reading its settings or running anything', async () => {
    const { request: asked, seen } = await request({
      trust: { trusted: false, refusal: 'not running guardrails: untrusted' },
    });
    await assert.rejects(runGuardrails(asked), (error) => {
      assert.ok(CoordinatorError.is(error, 'untrusted'));
      assert.equal(error.message, 'not running guardrails: untrusted');
      return true;
    });
    assert.equal(seen.configured, 0);
    assert.equal(seen.sinks.size, 0);
    assert.equal(existsSync(path.join(folder.dir, '.dev')), false, 'no run log');
  });

  it('refuses an unknown key naming the known ones, and a run with no guardrails', async () => {
    const { request: unknown, seen } = await request({ keys: ['compat', 'nope'] });
    await assert.rejects(runGuardrails(unknown), (error) => {
      assert.ok(CoordinatorError.is(error, 'unknownGuardrail'));
      assert.equal(error.message, 'no guardrail "nope"; known: compat, docs, shadow');
      return true;
    });
    assert.equal(seen.sinks.size, 0);
    const { request: none } = await request({
      configure: () => ({ definitions: [], settings: readGuardrailSettings(() => undefined) }),
    });
    await assert.rejects(runGuardrails(none), (error) =>
      CoordinatorError.is(error, 'noGuardrails'),
    );
  });

  it('runs only the keys asked for, in the settings’ cwd, with the log folder asked for', async () => {
    const sub = path.join(folder.dir, 'sub');
    const { request: asked } = await request(
      { keys: ['compat'], logFolder: 'my-logs', store: undefined },
      { 'guardrails.cwd': 'sub' },
    );
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    const report = await runGuardrails(asked);
    assert.deepEqual(
      report.results.map((r) => [r.key, r.verdict, r.cwd]),
      [['compat', 'pass', sub]],
    );
    assert.equal(report.recorded, 0, 'nothing recorded without a store');
    assert.match(
      readFileSync(taskFile, 'utf8'),
      /"compat": \{ "command": "echo compat-ran", "status": "not_started" \}/,
    );
    assert.equal(path.dirname(report.logPath ?? ''), path.join(sub, 'my-logs'));
  });

  it('keeps the results when the run log cannot be written or the task file is gone', async () => {
    writeFileSync(path.join(folder.dir, 'blocked'), 'a file where the log folder should be');
    const { request: asked } = await request({ logFolder: 'blocked' });
    const run = runGuardrails({
      ...asked,
      ui: {
        ...asked.ui,
        progress: async (selected, work) => {
          const results = await work(() => undefined);
          await import('node:fs/promises').then((fs) => fs.rm(taskFile));
          return results;
        },
      },
    });
    const report = await run;
    assert.equal(report.results.length, 3);
    assert.equal(report.logPath, undefined);
    assert.match(report.logError ?? '', /^could not write the guardrail run log in .*blocked: /);
    assert.equal(report.recordError?.reason, 'taskFileGone');
    assert.equal(report.recorded, 0);
    assert.deepEqual(readdirSync(folder.dir).sort(), ['blocked']);
  });

  it('reports a cancelled run, and the ones not started as cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    const { request: asked } = await request({ signal: abort.signal });
    const report = await runGuardrails(asked);
    assert.equal(report.cancelled, true);
    assert.deepEqual(
      report.results.map((r) => r.verdict),
      ['cancelled', 'cancelled', 'cancelled'],
    );
    assert.equal(report.recorded, 0, 'cancelled runs are not recorded');
  });
});
