import { faultSeed, seededRandom } from './seed';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { GuardrailResult } from '../../../src/features/guardrails/model/types';
import { runGuardrail } from '../../../src/features/guardrails/runGuardrail';
import { coord } from '../cli/runCoord';
import { guardrail } from '../guardrails/helpers';
import { RecordingSink, tempFolder } from '../guardrails/processes';
import { createTempRepo, type TempRepo } from '../taskfile/gitRepo';

/**
 * Guardrails that try to outlive their run: each starts a `sleep` whose argument is unique to the
 * case (a fraction of a second made from the seed and the case number), so whatever is left is
 * found by that argument in /proc/<pid>/cmdline. The run must end within its timeout plus a second
 * (or within a second of the cancel) and leave no such process.
 */

const linuxOnly = process.platform === 'linux' ? describe : describe.skip;

const SEED = faultSeed();
const SLEEP_SECONDS = 40;
const TIMEOUT_MS = 1000;
const ALLOWED_OVERSHOOT_MS = 1000;

function pidsWithArgument(argument: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
      continue;
    }
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (args.includes(argument) && state !== 'Z' && state !== 'X') {
        found.push(Number(entry));
      }
    } catch {
      // gone while reading
    }
  }
  return found;
}

function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Each escape as a shell line around `sleep ARG`, where ARG is the case's marker. */
const ESCAPES: { name: string; command: (sleep: string) => string }[] = [
  { name: 'setsid sleep &', command: (sleep) => `setsid ${sleep} & echo started; wait` },
  {
    name: 'setsid -f, output kept',
    command: (sleep) => `setsid -f ${sleep}; echo started; ${sleep}`,
  },
  {
    name: 'setsid -f, output closed',
    command: (sleep) => `setsid -f ${sleep} >/dev/null 2>&1; echo started; ${sleep}`,
  },
  { name: 'double fork', command: (sleep) => `( ( ${sleep} & ) & ); echo started; ${sleep}` },
  {
    name: 'double fork around setsid (daemon style)',
    command: (sleep) => `( setsid sh -c '( ${sleep} & ); sleep 0.1' & ); echo started; ${sleep}`,
  },
  { name: 'nohup &', command: (sleep) => `nohup ${sleep} >/dev/null 2>&1 & echo started; wait` },
  {
    name: 'nohup setsid &',
    command: (sleep) => `nohup setsid ${sleep} >/dev/null 2>&1 & echo started; ${sleep}`,
  },
  {
    name: 'setsid, ignoring SIGTERM',
    command: (sleep) => `setsid sh -c 'trap "" TERM; ${sleep}' & echo started; wait`,
  },
  { name: 'env -i setsid &', command: (sleep) => `env -i setsid ${sleep} & echo started; wait` },
  {
    name: 'env -i setsid -f, output closed',
    command: (sleep) => `env -i setsid -f ${sleep} >/dev/null 2>&1; echo started; ${sleep}`,
  },
];

linuxOnly('faults: guardrails that escape their process group', function () {
  this.timeout(8000);
  const random = seededRandom(SEED);
  let folder: ReturnType<typeof tempFolder>;
  let markers: string[] = [];
  const figures: string[] = [];

  before(() => console.log(`    guardrail escapes: FAULT_SEED=${SEED}`));
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => {
    killAll(markers.flatMap(pidsWithArgument));
    markers = [];
    folder.remove();
  });
  after(() => figures.forEach((line) => console.log(`    ${line}`)));

  const markerFor = (caseNumber: number): string => {
    const marker = `${SLEEP_SECONDS}.${String(SEED).padStart(6, '0')}${String(caseNumber).padStart(3, '0')}`;
    markers.push(marker);
    return marker;
  };

  async function runEscape(
    command: string,
    options: { timeoutMs?: number; signal?: AbortSignal },
  ): Promise<{ result: GuardrailResult; ms: number; sink: RecordingSink }> {
    const sink = new RecordingSink();
    const started = Date.now();
    const result = await runGuardrail(
      guardrail('escape', command),
      { cwd: folder.dir, ...options },
      sink,
    );
    return { result, ms: Date.now() - started, sink };
  }

  ESCAPES.forEach((escape, index) => {
    it(`timeout: ${escape.name} leaves nothing and ends in time`, async () => {
      const marker = markerFor(index);
      const { result, ms, sink } = await runEscape(escape.command(`sleep ${marker}`), {
        timeoutMs: TIMEOUT_MS,
      });
      const orphans = pidsWithArgument(marker).length;
      const overshoot = ms - TIMEOUT_MS;
      figures.push(
        `timeout, ${escape.name}: ${orphans} orphans, overshoot ${overshoot} ms (${result.verdict})`,
      );
      assert.equal(result.verdict, 'error');
      assert.match(result.reason, /^timed out after/);
      assert.match(sink.text, /started/);
      assert.equal(orphans, 0, `${orphans} process(es) left with argument ${marker}`);
      assert.ok(overshoot < ALLOWED_OVERSHOOT_MS, `ended ${overshoot} ms after the timeout`);
    });
  });

  ESCAPES.forEach((escape, index) => {
    it(`cancel at a random moment: ${escape.name} leaves nothing`, async () => {
      const marker = markerFor(100 + index);
      const cancelAfterMs = 200 + Math.floor(random() * 1200);
      const controller = new AbortController();
      const cancelAt = Date.now() + cancelAfterMs;
      setTimeout(() => controller.abort(), cancelAfterMs);
      const { result } = await runEscape(escape.command(`sleep ${marker}`), {
        signal: controller.signal,
      });
      const lateMs = Date.now() - cancelAt;
      const orphans = pidsWithArgument(marker).length;
      figures.push(
        `cancel after ${cancelAfterMs} ms, ${escape.name}: ${orphans} orphans, ended ${lateMs} ms after the cancel (${result.verdict})`,
      );
      assert.equal(result.verdict, 'cancelled');
      assert.equal(orphans, 0, `${orphans} process(es) left with argument ${marker}`);
      assert.ok(lateMs < ALLOWED_OVERSHOOT_MS, `ended ${lateMs} ms after the cancel`);
    });
  });

  it('timeout: setsid sleep & after killing the subreaper helper leaves nothing', async () => {
    const marker = markerFor(300);
    // Only where the parent is the Perl helper: without it the parent would be this test process.
    const command = `setsid sleep ${marker} & echo started; [ "$(cat /proc/$PPID/comm)" = perl ] && kill -KILL $PPID; sleep ${marker}`;
    const { result, ms } = await runEscape(command, { timeoutMs: TIMEOUT_MS });
    const orphans = pidsWithArgument(marker).length;
    figures.push(
      `helper killed, then setsid sleep &: ${orphans} orphans, run took ${ms} ms (${result.verdict})`,
    );
    assert.notEqual(result.verdict, 'pass');
    assert.equal(orphans, 0, `${orphans} process(es) left with argument ${marker}`);
    assert.ok(ms - TIMEOUT_MS < ALLOWED_OVERSHOOT_MS, `took ${ms} ms`);
  });

  it('a guardrail that exits at once leaves no escaped process behind either', async () => {
    const marker = markerFor(200);
    const started = Date.now();
    const { result } = await runEscape(
      `setsid -f sleep ${marker} >/dev/null 2>&1; env -i setsid sleep ${marker} >/dev/null 2>&1 & echo done`,
      {},
    );
    const ms = Date.now() - started;
    const orphans = pidsWithArgument(marker).length;
    figures.push(`exits at once, two escapes left: ${orphans} orphans, run took ${ms} ms`);
    assert.equal(result.verdict, 'pass');
    assert.equal(orphans, 0, `${orphans} process(es) left with argument ${marker}`);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });
});

function taskFileWith(guardrails: Record<string, { command: string; required: boolean }>): string {
  return `${JSON.stringify({ schema_version: '1.0', tasks: {}, pre_audit_guardrails: guardrails }, null, 2)}\n`;
}

linuxOnly(
  'faults: coord guardrails run (the CLI) under escapes and a vanishing task file',
  function () {
    this.timeout(30_000);
    let repo: TempRepo;
    let marker = '';
    beforeEach(() => {
      repo = createTempRepo();
    });
    afterEach(() => {
      if (marker) {
        killAll(pidsWithArgument(marker));
        marker = '';
      }
      repo.remove();
    });

    it('times out a guardrail that detached twice and leaves nothing running', async () => {
      marker = `${SLEEP_SECONDS}.${String(SEED).padStart(6, '0')}900`;
      const timeoutMinutes = 0.02; // 1.2 s
      repo.write(
        'task_status.json',
        taskFileWith({
          escape: {
            required: true,
            command: `setsid sleep ${marker} & env -i setsid -f sleep ${marker} >/dev/null 2>&1; echo started; wait`,
          },
        }),
      );
      const run = await coord(
        [
          'guardrails',
          'run',
          '--trusted',
          '--json',
          '--no-record',
          '--timeout',
          String(timeoutMinutes),
        ],
        repo.main,
      );
      const orphans = pidsWithArgument(marker).length;
      const result = JSON.parse(run.stdout).results[0] as GuardrailResult;
      const overshoot = result.durationMs - timeoutMinutes * 60_000;
      console.log(
        `    coord guardrails run, two escapes: ${orphans} orphans, overshoot ${overshoot} ms`,
      );
      assert.equal(run.code, 1, run.stderr);
      assert.match(result.reason, /^timed out after/);
      assert.equal(orphans, 0, `${orphans} process(es) left with argument ${marker}`);
      assert.ok(overshoot < ALLOWED_OVERSHOOT_MS, `ended ${overshoot} ms after the timeout`);
    });

    it('a guardrail deleting the task file: one line, the results still printed, exit 1', async () => {
      const taskFile = repo.write(
        'task_status.json',
        taskFileWith({
          remover: { required: true, command: 'rm task_status.json; echo removed' },
          after: { required: true, command: 'echo still runs' },
        }),
      );
      const run = await coord(['guardrails', 'run', '--trusted'], repo.main);
      assert.equal(run.code, 1);
      assert.equal(
        run.stderr,
        'coord: task_status.json: results not recorded: the task file is gone (deleted while the guardrails ran?)\n',
      );
      assert.match(run.stdout, /PASS\s+remover/);
      assert.match(run.stdout, /PASS\s+after/);
      assert.match(run.stdout, /run log: /);
      assert.equal(existsSync(taskFile), false);
      const logs = readdirSync(join(repo.main, '.dev', 'guardrails'));
      assert.equal(logs.length, 1, 'the run log is still written');
    });

    it('a guardrail breaking the task file: one line, the results still printed, the file left as it was', async () => {
      const taskFile = repo.write(
        'task_status.json',
        taskFileWith({
          breaker: { required: true, command: "echo '{ broken' > task_status.json" },
        }),
      );
      const run = await coord(['guardrails', 'run', '--trusted'], repo.main);
      assert.equal(run.code, 1);
      assert.equal(run.stderr.split('\n').filter(Boolean).length, 1, run.stderr);
      assert.match(run.stderr, /^coord: task_status\.json: results not recorded: .*invalid JSON/);
      assert.match(run.stdout, /PASS\s+breaker/);
      assert.equal(readFileSync(taskFile, 'utf8'), '{ broken\n');
      assert.equal(loadTaskFile(readFileSync(taskFile, 'utf8')).model, undefined);
    });
  },
);
