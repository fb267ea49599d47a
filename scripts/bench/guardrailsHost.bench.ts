/**
 * Guardrails in the real extension host: the largest event-loop delay while one guardrail streams
 * 50 MB with the "Coordinator Guardrails" channel visible (target under 50 ms), and the run's time against
 * the same command spawned in the host with its output only counted (the baseline, same run).
 * Run: `node --import tsx scripts/bench/guardrailsHost.bench.ts --host` (needs `node esbuild.js --tests`
 * first; `npm run bench` builds it). Without `--host` it only says how to run it: it starts VS Code.
 */
import { loadHarness, median, withRealHost } from './realHost';

const DELAY_TARGET_MS = 50;

async function hostBench(): Promise<void> {
  const { guardrailsWorkspace } = await loadHarness<{
    guardrailsWorkspace(parent: string): string;
  }>('guardrailsWorkspace.mjs');
  await withRealHost(async (runScenario) => {
    const values = await runScenario({
      name: 'bench-guardrails',
      workspace: guardrailsWorkspace,
      hostTests: ['guardrailsBench'],
      timeoutMs: 600_000,
    });
    const show = (name: string) =>
      values(name)
        .map((v) => v.toFixed(0))
        .join(', ');
    const maxDelay = Math.max(...values('guardrailsHostMaxDelayMs'));
    const run = median(values('guardrailsHostRunMs'));
    const baseline = median(values('guardrailsHostBaselineMs'));
    console.log(
      `real host: largest event-loop delay while a guardrail prints 50 MB into the visible channel (which shows its first MB and last lines): ${maxDelay.toFixed(1)} ms over ${values('guardrailsHostMaxDelayMs').length} runs [${show('guardrailsHostMaxDelayMs')}], ${(maxDelay / DELAY_TARGET_MS).toFixed(2)}x of the ${DELAY_TARGET_MS} ms target`,
    );
    console.log(
      `real host: event-loop delay p99 while streaming: median ${median(values('guardrailsHostP99DelayMs')).toFixed(1)} ms`,
    );
    console.log(
      `real host: 50 MB guardrail run (median): ${run.toFixed(0)} ms vs ${baseline.toFixed(0)} ms for the command with output only counted, ${(run / baseline).toFixed(2)}x; baseline's largest delay ${Math.max(...values('guardrailsHostBaselineMaxDelayMs')).toFixed(1)} ms`,
    );
  });
}

if (process.argv.includes('--host')) {
  hostBench().catch((error: unknown) => {
    console.error(
      `guardrails host bench: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  });
} else {
  console.log(
    'guardrails host bench: starts VS Code; run with --host (after `node esbuild.js --tests`)',
  );
}
