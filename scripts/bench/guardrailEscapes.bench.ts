/**
 * Guardrails that detach (setsid, setsid -f, daemon-style double fork, nohup setsid, env -i) run
 * many times, several at once, each cancelled at a random moment: how many processes outlive
 * their run, and how long after the cancel each run ends. Fails on any orphan or a run ending
 * more than a second after its cancel. Linux only. Replay with FAULT_SEED=<n>.
 * Run: `node --import tsx scripts/bench/guardrailEscapes.bench.ts`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { runGuardrail } from '../../src/features/guardrails/runGuardrail';

const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 1_000_000));
const TRIALS_PER_ESCAPE = 12;
const AT_ONCE = 4;
const LIMIT_MS = 1000;

const ESCAPES: Record<string, (sleep: string) => string> = {
  'setsid &': (sleep) => `setsid ${sleep} & wait`,
  'setsid -f': (sleep) => `setsid -f ${sleep} >/dev/null 2>&1; ${sleep}`,
  'daemon double fork': (sleep) => `( setsid sh -c '( ${sleep} & ); sleep 0.1' & ); ${sleep}`,
  'nohup setsid &': (sleep) => `nohup setsid ${sleep} >/dev/null 2>&1 & ${sleep}`,
  'env -i setsid -f': (sleep) => `env -i setsid -f ${sleep} >/dev/null 2>&1; ${sleep}`,
  'fork loop': (sleep) => `while :; do setsid ${sleep} & sleep 0.02; done`,
};

function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pidsWithArgument(argument: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    try {
      if (
        /^\d+$/.test(entry) &&
        readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(argument)
      ) {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (!/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) {
          found.push(Number(entry));
        }
      }
    } catch {
      // gone while reading
    }
  }
  return found;
}

interface Trial {
  escape: string;
  marker: string;
  cancelAfterMs: number;
}

async function runTrial(trial: Trial): Promise<{ orphans: number; lateMs: number }> {
  const controller = new AbortController();
  let cancelledAt = 0;
  setTimeout(() => {
    cancelledAt = Date.now();
    controller.abort();
  }, trial.cancelAfterMs);
  await runGuardrail(
    {
      key: 'escape',
      command: ESCAPES[trial.escape](`sleep ${trial.marker}`),
      required: true,
      raw: {},
    },
    { cwd: tmpdir(), signal: controller.signal },
    { onStart() {}, onOutput() {}, onEnd() {} },
  );
  const lateMs = Date.now() - cancelledAt;
  const left = pidsWithArgument(trial.marker);
  left.forEach((pid) => process.kill(pid, 'SIGKILL'));
  return { orphans: left.length, lateMs };
}

const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    console.log('guardrail escapes: Linux only, skipped');
    return;
  }
  const random = randomFrom(SEED);
  const trials: Trial[] = [];
  Object.keys(ESCAPES).forEach((escape, escapeIndex) => {
    for (let n = 0; n < TRIALS_PER_ESCAPE; n++) {
      trials.push({
        escape,
        marker: `60.${String(SEED).padStart(6, '0')}${escapeIndex}${String(n).padStart(3, '0')}`,
        cancelAfterMs: 50 + Math.floor(random() * 600),
      });
    }
  });
  console.log(
    `guardrail escapes: FAULT_SEED=${SEED}; ${trials.length} runs, ${AT_ONCE} at once, cancelled after 50-650 ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
  const results: (Trial & { orphans: number; lateMs: number })[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < trials.length) {
      const trial = trials[next++];
      results.push({ ...trial, ...(await runTrial(trial)) });
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  let failed = false;
  for (const escape of Object.keys(ESCAPES)) {
    const mine = results.filter((result) => result.escape === escape);
    const orphans = mine.reduce((sum, result) => sum + result.orphans, 0);
    const late = mine.map((result) => result.lateMs);
    console.log(
      `guardrail escapes ${escape}: ${orphans} orphans in ${mine.length} runs; ended after the cancel: median ${percentile(late, 0.5)} ms, p95 ${percentile(late, 0.95)} ms, max ${Math.max(...late)} ms (limit ${LIMIT_MS} ms)`,
    );
    for (const result of mine.filter((one) => one.lateMs > LIMIT_MS || one.orphans > 0)) {
      console.log(
        `  late or leaking: cancelled after ${result.cancelAfterMs} ms, ended ${result.lateMs} ms later, ${result.orphans} orphans (marker ${result.marker})`,
      );
    }
    failed ||= orphans > 0 || Math.max(...late) > LIMIT_MS;
  }
  if (failed) {
    console.log('guardrail escapes: FAILED (orphans or a late end)');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
