/**
 * Guardrail streaming: a guardrail printing 50 MB through the runner (decode, ANSI stripping,
 * expected-text search, last lines, header/footer text, 50 ms batched "channel" appends) against
 * the same command spawned with `sh -c` whose output is only counted. Also the largest event-loop
 * delay while streaming, with batched appends and with one append per chunk.
 * Run: `node --import tsx scripts/bench/guardrails.bench.ts`
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { performance } from 'node:perf_hooks';
import type { GuardrailDefinition } from '../../src/core/model/types';
import { BatchedWriter } from '../../src/guardrails/batchedWriter';
import { runGuardrail } from '../../src/guardrails/runGuardrail';
import { textSink } from '../../src/guardrails/textSink';

const BYTES = 50 * 1024 * 1024;
const ROUNDS = 5;
const RATIO_TARGET = 1.1;
const DELAY_TARGET_MS = 50;
const OUTPUTS = {
  plain: 'ok  src/module/file.ts: 12 checks passed, 0 violations',
  coloured: '\u001b[32mok\u001b[0m  src/module/file.ts: 12 checks passed, 0 violations',
};
const commandPrinting = (line: string): string => `yes '${line}' | head -c ${BYTES}; echo; echo ALL DONE`;

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

function runPlain(command: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', () => (bytes >= BYTES ? resolve(performance.now() - started) : reject(new Error('short output'))));
  });
}

async function runThroughRunner(command: string, batched: boolean): Promise<{ ms: number; maxDelayMs: number }> {
  const definition: GuardrailDefinition = { key: 'bench', command, required: true, expected: 'ALL DONE', raw: {} };
  const channel = channelAppend();
  const writer = new BatchedWriter(channel.append);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const result = await runGuardrail(definition, { cwd: tmpdir() }, textSink(definition, batched ? writer.write : channel.append));
  writer.dispose();
  const ms = performance.now() - started;
  delay.disable();
  if (result.verdict !== 'pass' || channel.chars() < BYTES / 2) {
    throw new Error(`unexpected result: ${result.verdict} ${result.reason}`);
  }
  return { ms, maxDelayMs: delay.max / 1e6 };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(kind: keyof typeof OUTPUTS): Promise<void> {
  const command = commandPrinting(OUTPUTS[kind]);
  await runPlain(command); // warm up
  await runThroughRunner(command, true);
  const plain: number[] = [];
  const runner: number[] = [];
  const delays: number[] = [];
  const unbatchedDelays: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await runPlain(command));
    const measured = await runThroughRunner(command, true);
    runner.push(measured.ms);
    delays.push(measured.maxDelayMs);
    unbatchedDelays.push((await runThroughRunner(command, false)).maxDelayMs);
  }
  const ratio = median(runner) / median(plain);
  const delay = median(delays);
  console.log(
    `guardrails runner 50 MB ${kind}: ${median(runner).toFixed(0)} ms (sh -c alone ${median(plain).toFixed(0)} ms, ratio ${ratio.toFixed(2)}, target ${RATIO_TARGET})`,
  );
  console.log(
    `guardrails event-loop delay 50 MB ${kind}: max ${delay.toFixed(1)} ms batched (target ${DELAY_TARGET_MS} ms, ratio ${(delay / DELAY_TARGET_MS).toFixed(2)}); ${median(unbatchedDelays).toFixed(1)} ms with one append per chunk`,
  );
}

async function main(): Promise<void> {
  console.log(`guardrails: 50 MB of output lines, plain and with colour codes on every line; median of ${ROUNDS} runs`);
  await measure('plain');
  await measure('coloured');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
