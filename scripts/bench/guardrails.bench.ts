/**
 * Guardrail streaming: a guardrail printing 50 MB through the runner (decode, ANSI stripping,
 * expected-text search, last lines, header/footer text, 50 ms batched "channel" appends) against
 * the same command spawned with `sh -c` whose output is only counted. Also the largest event-loop
 * delay while streaming, with batched appends and with one append per chunk.
 * Run: `node --import tsx scripts/bench/guardrails.bench.ts`
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { performance } from 'node:perf_hooks';
import type { GuardrailDefinition } from '../../src/kernel/model/types';
import { BatchedWriter } from '../../src/features/guardrails/batchedWriter';
import { runGuardrail } from '../../src/features/guardrails/runGuardrail';
import { textSink } from '../../src/features/guardrails/textSink';

const BYTES = 50 * 1024 * 1024;
const ROUNDS = 5;
const RATIO_TARGET = 1.1;
const DELAY_TARGET_MS = 50;
const OUTPUTS = {
  plain: 'ok  src/module/file.ts: 12 checks passed, 0 violations',
  coloured: '\u001b[32mok\u001b[0m  src/module/file.ts: 12 checks passed, 0 violations',
};
const commandPrinting = (line: string): string =>
  `yes '${line}' | head -c ${BYTES}; echo; echo ALL DONE`;

/** Stands in for an output channel: each append concatenates onto the channel's pending text. */
function channelAppend(): { append(text: string): void; chars(): number } {
  let pending = '';
  let chars = 0;
  return {
    append(text) {
      pending += text;
      if (pending.length > 1024 * 1024) {
        chars += pending.length;
        pending = '';
      }
    },
    chars: () => chars + pending.length,
  };
}

/**
 * The baseline: `sh -c` with its output only counted. `detached` spawns it in a new session as the
 * runner does (to kill the tree); on Linux that also puts it in its own scheduler autogroup, which
 * on a loaded machine changes its CPU share, so both baselines are shown.
 */
function runPlain(command: string, detached = false): Promise<{ ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached,
    });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', () =>
      bytes >= BYTES
        ? resolve({ ms: performance.now() - started, cpuMs: cpuMsSince(cpuStart) })
        : reject(new Error('short output')),
    );
  });
}

/** CPU time of this process (not the child's): what reading, cleaning and appending the output cost. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function runThroughRunner(
  command: string,
  batched: boolean,
): Promise<{ ms: number; cpuMs: number; maxDelayMs: number }> {
  const definition: GuardrailDefinition = {
    key: 'bench',
    command,
    required: true,
    expected: ['ALL DONE'],
    raw: {},
  };
  const channel = channelAppend();
  const writer = new BatchedWriter(channel.append);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await runGuardrail(
    definition,
    { cwd: tmpdir() },
    textSink(definition, batched ? writer.write : channel.append),
  );
  writer.dispose();
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpuStart);
  delay.disable();
  if (result.verdict !== 'pass' || channel.chars() < BYTES / 2) {
    throw new Error(`unexpected result: ${result.verdict} ${result.reason}`);
  }
  return { ms, cpuMs, maxDelayMs: delay.max / 1e6 };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(kind: keyof typeof OUTPUTS): Promise<void> {
  const command = commandPrinting(OUTPUTS[kind]);
  await runPlain(command); // warm up
  await runThroughRunner(command, true);
  const plain: number[] = [];
  const detachedPlain: number[] = [];
  const runner: number[] = [];
  const plainCpu: number[] = [];
  const runnerCpu: number[] = [];
  const delays: number[] = [];
  const unbatchedDelays: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const baseline = await runPlain(command);
    plain.push(baseline.ms);
    plainCpu.push(baseline.cpuMs);
    detachedPlain.push((await runPlain(command, true)).ms);
    const measured = await runThroughRunner(command, true);
    runner.push(measured.ms);
    runnerCpu.push(measured.cpuMs);
    delays.push(measured.maxDelayMs);
    unbatchedDelays.push((await runThroughRunner(command, false)).maxDelayMs);
  }
  const ratio = median(runner) / median(plain);
  const detachedRatio = median(runner) / median(detachedPlain);
  const delay = median(delays);
  console.log(
    `guardrails runner 50 MB ${kind}: ${median(runner).toFixed(0)} ms (sh -c alone ${median(plain).toFixed(0)} ms, ratio ${ratio.toFixed(2)}, target ${RATIO_TARGET}; ` +
      `sh -c in a new session ${median(detachedPlain).toFixed(0)} ms, ratio ${detachedRatio.toFixed(2)})`,
  );
  console.log(
    `guardrails runner 50 MB ${kind} CPU of this process: ${median(runnerCpu).toFixed(0)} ms (sh -c alone ${median(plainCpu).toFixed(0)} ms, ratio ${(median(runnerCpu) / median(plainCpu)).toFixed(2)})`,
  );
  console.log(
    `guardrails event-loop delay 50 MB ${kind}: max ${delay.toFixed(1)} ms batched (target ${DELAY_TARGET_MS} ms, ratio ${(delay / DELAY_TARGET_MS).toFixed(2)}); ${median(unbatchedDelays).toFixed(1)} ms with one append per chunk`,
  );
}

async function main(): Promise<void> {
  console.log(
    `guardrails: 50 MB of output lines, plain and with colour codes on every line; median of ${ROUNDS} runs; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
  await measure('plain');
  await measure('coloured');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
