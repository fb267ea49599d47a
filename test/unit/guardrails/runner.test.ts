import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runGuardrail } from '../../../src/features/guardrails/runGuardrail';
import { runShellCommand } from '../../../src/features/guardrails/runProcess';
import { guardrail } from './helpers';
import { alive, RecordingSink, tempFolder, waitFor } from './processes';

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

posixOnly('guardrails: running real processes', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  const run = (
    command: string,
    extra: Parameters<typeof guardrail>[2] = {},
    options = {},
    sink = new RecordingSink(),
  ) =>
    runGuardrail(guardrail('check', command, extra), { cwd: folder.dir, ...options }, sink).then(
      (result) => ({
        result,
        sink,
      }),
    );

  it('passes on exit 0, streaming stdout and stderr between a header and a footer', async () => {
    const { result, sink } = await run(
      "printf 'hello\\n'; printf 'warn\\n' >&2; printf '\\033[32mgreen\\033[0m\\n'",
    );
    assert.equal(result.verdict, 'pass');
    assert.equal(result.exitCode, 0);
    assert.deepEqual(sink.events, ['start', 'output', 'end']);
    assert.deepEqual([...sink.streams].sort(), ['stderr', 'stdout']);
    assert.ok(
      sink.text.includes('hello\n') &&
        sink.text.includes('warn\n') &&
        sink.text.includes('green\n'),
    );
    assert.ok(!sink.text.includes('\u001b'));
    assert.equal(sink.result, result);
    assert.equal(result.cwd, folder.dir);
  });

  it('fails on a non-zero exit and keeps the last lines', async () => {
    const { result } = await run('for i in 1 2 3 4 5; do echo "line $i"; done; exit 3');
    assert.equal(result.verdict, 'fail');
    assert.equal(result.reason, 'exit code 3');
    assert.deepEqual(result.lastLines, ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
  });

  it('fails when the expected text is missing, passes when it is on stderr', async () => {
    const missing = await run('echo "3 violations"', { expected: ['0 violations'] });
    assert.equal(missing.result.verdict, 'fail');
    assert.equal(missing.result.expectedFound, false);
    const onStderr = await run('echo "checked: 0 violations" >&2', { expected: ['0 violations'] });
    assert.equal(onStderr.result.verdict, 'pass');
    assert.equal(onStderr.result.expectedFound, true);
  });

  it('is an error when the command is not found', async () => {
    const { result } = await run('definitely-not-a-command-4c1e');
    assert.equal(result.verdict, 'error');
    assert.equal(result.reason, 'command not found (exit code 127)');
    assert.match(result.lastLines.join('\n'), /not found/);
  });

  it('is an error when the working folder does not exist', async () => {
    const result = await runGuardrail(
      guardrail('check', 'true'),
      { cwd: path.join(folder.dir, 'gone') },
      new RecordingSink(),
    );
    assert.equal(result.verdict, 'error');
    assert.match(result.reason, /could not start: working folder .* does not exist/);
  });

  it('fails when the process is killed by a signal', async () => {
    const { result } = await run('kill -KILL $$');
    assert.equal(result.verdict, 'fail');
    assert.equal(result.signal, 'SIGKILL');
    assert.equal(result.reason, 'killed by signal SIGKILL');
  });

  it('times out, killing the process tree', async () => {
    const pids = path.join(folder.dir, 'pids');
    const { result } = await run(
      `sleep 30 & echo $! > ${pids}; sleep 30`,
      {},
      { timeoutMs: 2000, killGraceMs: 500 },
    );
    assert.equal(result.verdict, 'error');
    assert.match(result.reason, /^timed out after/);
    const grandchild = Number(readFileSync(pids, 'utf8'));
    assert.equal(alive(grandchild), false);
  });

  it('on cancel leaves no child or grandchild, even one that ignores SIGTERM', async () => {
    const pids = path.join(folder.dir, 'pids');
    const command = [
      `echo $$ >> ${pids}`,
      `sleep 60 & echo $! >> ${pids}`,
      `sh -c 'trap "" TERM; echo $$ >> ${pids}; sleep 60 & echo $! >> ${pids}; wait' &`,
      `echo $! >> ${pids}`,
      'wait',
    ].join('\n');
    const controller = new AbortController();
    const running = run(command, {}, { signal: controller.signal, killGraceMs: 300 });
    await waitFor(
      () => existsSync(pids) && readFileSync(pids, 'utf8').trim().split('\n').length >= 5,
      'five pids',
    );
    const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    assert.ok(started.every(alive), 'all started');
    controller.abort();
    const { result, sink } = await running;
    assert.equal(result.verdict, 'cancelled');
    assert.deepEqual(sink.events.at(-1), 'end');
    assert.deepEqual(started.filter(alive), []);
  });

  it('ends background processes the command leaves behind after it exits', async () => {
    const pids = path.join(folder.dir, 'pids');
    const { result } = await run(`sleep 60 & echo $! > ${pids}; echo started`);
    assert.equal(result.verdict, 'pass');
    const leftover = Number(readFileSync(pids, 'utf8'));
    await waitFor(() => !alive(leftover), 'the leftover to end', 5000);
  });

  it('streams 100 MB in bounded memory and still finds the expected text at the end', async () => {
    const sink = new RecordingSink(false);
    const bytes = 100 * 1024 * 1024;
    const { result } = await run(
      `yes 'output line of some length 0123456789' | head -c ${bytes}; echo; echo ALL DONE`,
      { expected: ['ALL DONE'] },
      {},
      sink,
    );
    assert.equal(result.verdict, 'pass');
    assert.equal(result.outputBytes, bytes + 'ALL DONE\n'.length + 1);
    assert.equal(sink.chars, result.outputBytes);
    assert.equal(result.lastLines.at(-1), 'ALL DONE');
    assert.ok(result.lastLines.length <= 20);
  });

  it('takes binary output without throwing, replacing invalid bytes', async () => {
    // Random bytes with ESC and the C1 CSI byte replaced: random data that happens to open an OSC
    // string near its end would hide the tail, as it would in a terminal (26 runs in 1,000).
    const { result, sink } = await run(
      "head -c 200000 /dev/urandom | tr '\\033\\233' xx; printf '\\377\\376 tail\\n'",
    );
    assert.equal(result.verdict, 'pass');
    assert.equal(result.outputBytes, 200000 + 8);
    assert.ok(sink.text.includes('\ufffd\ufffd tail\n'));
  });

  it('keeps a multi-byte character split between chunks whole', async () => {
    // 65535 ASCII bytes then a 3-byte character: pipe reads of 64 KiB split it.
    const { sink } = await run("head -c 65535 /dev/zero | tr '\\0' a; printf '\\342\\202\\254\\n'");
    assert.ok(sink.text.endsWith('a€\n'));
    assert.ok(!sink.text.includes('\ufffd'));
  });

  it('saves the output to output_path with <timestamp> expanded, and passes it in the environment', async () => {
    const runStartedAt = new Date('2025-10-16T05:32:29Z');
    const { result } = await run(
      'echo "to $COORD_GUARDRAIL_OUTPUT_PATH"',
      { outputPath: 'audits/<timestamp>/' },
      { runStartedAt },
    );
    const dir = path.join(folder.dir, 'audits', '20251016T053229Z');
    assert.equal(result.outputPath, `${dir}/`);
    assert.equal(readFileSync(path.join(dir, 'check.log'), 'utf8'), `to ${dir}/\n`);
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'check.json'), 'utf8')).verdict, 'pass');

    const single = await run(
      'echo one-file',
      { outputPath: 'out/<timestamp>.log' },
      { runStartedAt },
    );
    assert.equal(
      readFileSync(path.join(folder.dir, 'out', '20251016T053229Z.log'), 'utf8'),
      'one-file\n',
    );
    assert.equal(single.result.outputPathError, undefined);
  });

  it('reports an output_path it cannot write without changing the verdict', async () => {
    writeFileSync(path.join(folder.dir, 'blocker'), '');
    const { result } = await run('echo hi', { outputPath: 'blocker/<timestamp>/' });
    assert.equal(result.verdict, 'pass');
    assert.match(result.outputPathError ?? '', /could not save the output/);
  });

  it('passes the configured environment and removes variables set to undefined', async () => {
    process.env.GUARDRAIL_TEST_REMOVE = 'present';
    try {
      const { sink } = await run(
        'echo "[$EXTRA] [${GUARDRAIL_TEST_REMOVE:-unset}]"',
        {},
        {
          env: { EXTRA: 'value', GUARDRAIL_TEST_REMOVE: undefined },
        },
      );
      assert.equal(sink.text, '[value] [unset]\n');
    } finally {
      delete process.env.GUARDRAIL_TEST_REMOVE;
    }
  });
});

posixOnly('guardrails: a sink that throws', () => {
  it('does not break the run: the verdict still comes, and the error is reported', async () => {
    const folder = tempFolder();
    try {
      let calls = 0;
      const result = await runShellCommand({
        command: 'echo one; sleep 0.1; echo two',
        cwd: folder.dir,
        env: process.env,
        onOutput: () => {
          calls++;
          throw new Error('Channel has been closed');
        },
      });
      assert.equal(result.outcome.kind, 'exited');
      assert.equal(result.outcome.exitCode, 0);
      assert.equal(result.outputError, 'Channel has been closed');
      assert.equal(calls, 1);
      assert.deepEqual(result.lastLines, ['one', 'two']);
    } finally {
      folder.remove();
    }
  });
});
