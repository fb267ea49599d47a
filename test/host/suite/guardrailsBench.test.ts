// Measures (never asserts on time) the extension host's event-loop delay while a guardrail streams
// 50 MB with the output channel visible (the channel shows the first MB and the last lines, as
// `coordinator.guardrails.channelLimitMB` says by default), against the same command spawned with
// its output only counted.
// Run by `node --import tsx scripts/bench/guardrailsHost.bench.ts`.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { recordMetric } from '../support/metrics';
import { coordinator, sessionWithFile } from './tasksSupport';

const BYTES = 50 * 1024 * 1024;
const COMMAND = `yes "$(printf '\\033[32mok\\033[0m  src/module/file.ts: 12 checks passed, 0 violations')" | head -c ${BYTES}; echo; echo ALL DONE`;

async function measured<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; maxDelayMs: number; p99DelayMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  histogram.disable();
  return { value, ms, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6 };
}

function countOnly(cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', COMMAND], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', () => resolve(bytes));
  });
}

describe('guardrail streaming in the extension host (bench)', function () {
  this.timeout(300_000);

  it('streams 50 MB into the output channel and records the largest event-loop delay', async () => {
    const testing = await coordinator();
    const session = await sessionWithFile(testing);
    const config = vscode.workspace.getConfiguration('coordinator', session.folder.uri);
    await config.update(
      'guardrails.definitions',
      [{ key: 'big_output', required: false, command: COMMAND, expected: 'ALL DONE' }],
      vscode.ConfigurationTarget.WorkspaceFolder,
    );
    try {
      for (let round = 0; round < 3; round++) {
        const baseline = await measured(() => countOnly(session.folder.uri.fsPath));
        assert.ok(baseline.value >= BYTES);
        const run = await measured(() =>
          testing.guardrails.controller.run({ session, keys: ['big_output'] }),
        );
        const result = run.value?.results[0];
        assert.equal(result?.verdict, 'pass', result?.reason);
        assert.ok((result?.outputBytes ?? 0) >= BYTES);
        recordMetric('guardrailsHostRunMs', run.ms);
        recordMetric('guardrailsHostMaxDelayMs', run.maxDelayMs);
        recordMetric('guardrailsHostP99DelayMs', run.p99DelayMs);
        recordMetric('guardrailsHostBaselineMs', baseline.ms);
        recordMetric('guardrailsHostBaselineMaxDelayMs', baseline.maxDelayMs);
      }
    } finally {
      await config.update(
        'guardrails.definitions',
        undefined,
        vscode.ConfigurationTarget.WorkspaceFolder,
      );
    }
  });
});
