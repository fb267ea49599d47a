/**
 * Guardrails in the real extension host: the largest event-loop delay while one guardrail streams
 * 50 MB into the "Coordinator Guardrails" channel (target under 50 ms), and the run's time against
 * the same command spawned in the host with its output only counted (the baseline, same run).
 * Run: `node --import tsx scripts/bench/guardrailsHost.bench.ts --host` (needs `node esbuild.js --tests`
 * first; `npm run bench` builds it). Without `--host` it only says how to run it: it starts VS Code.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DELAY_TARGET_MS = 50;

interface HostResults {
  tests: { state: string; title: string; error?: { message: string } }[];
  metrics: Record<string, number[]>;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function hostBench(): Promise<void> {
  const load = async <T>(file: string) => (await import(pathToFileURL(path.join(root, 'scripts/vscode', file)).href)) as T;
  const { provision } = await load<{ provision(): void }>('provision.mjs');
  const { launchBrowser } = await load<{ launchBrowser(): Promise<{ browser: unknown; close(): Promise<void> }> }>('browser.mjs');
  const { runScenario } = await load<{ runScenario(scenario: object, options: object): Promise<{ host: HostResults[] }> }>('scenario-run.mjs');
  const { guardrailsWorkspace } = await load<{ guardrailsWorkspace(parent: string): string }>('guardrailsWorkspace.mjs');
  provision();
  const { browser, close } = await launchBrowser();
  try {
    const outcome = await runScenario(
      { name: 'bench-guardrails', workspace: guardrailsWorkspace, hostTests: ['guardrailsBench'], timeoutMs: 600_000 },
      { browser, uiTests: false },
    );
    const results = outcome.host[0];
    const failed = results?.tests.find((t) => t.state !== 'passed');
    if (!results || failed) {
      throw new Error(failed ? `${failed.title}: ${failed.error?.message ?? failed.state}` : 'no host results');
    }
    const values = (name: string) => results.metrics[name] ?? [];
    const show = (name: string) => values(name).map((v) => v.toFixed(0)).join(', ');
    const maxDelay = Math.max(...values('guardrailsHostMaxDelayMs'));
    const run = median(values('guardrailsHostRunMs'));
    const baseline = median(values('guardrailsHostBaselineMs'));
    console.log(
      `real host: largest event-loop delay while streaming 50 MB to the channel: ${maxDelay.toFixed(1)} ms over ${values('guardrailsHostMaxDelayMs').length} runs [${show('guardrailsHostMaxDelayMs')}], ${(maxDelay / DELAY_TARGET_MS).toFixed(2)}x of the ${DELAY_TARGET_MS} ms target`,
    );
    console.log(`real host: event-loop delay p99 while streaming: median ${median(values('guardrailsHostP99DelayMs')).toFixed(1)} ms`);
    console.log(
      `real host: 50 MB guardrail run (median): ${run.toFixed(0)} ms vs ${baseline.toFixed(0)} ms for the command with output only counted, ${(run / baseline).toFixed(2)}x; baseline's largest delay ${Math.max(...values('guardrailsHostBaselineMaxDelayMs')).toFixed(1)} ms`,
    );
  } finally {
    await close();
  }
}

if (process.argv.includes('--host')) {
  hostBench().catch((error: unknown) => {
    console.error(`guardrails host bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
} else {
  console.log('guardrails host bench: starts VS Code; run with --host (after `node esbuild.js --tests`)');
}
