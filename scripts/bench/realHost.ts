// Shared by the benches that measure inside a real VS Code: provision, one browser, scenarios run
// through the test harness, and the figures the host tests recorded with recordMetric().
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface HostResults {
  tests: { state: string; title: string; error?: { message: string } }[];
  metrics: Record<string, number[]>;
}

/** Every sample a metric got, across the scenario's windows. */
export type Samples = (metric: string) => number[];

/** Runs one harness scenario in `windows` fresh windows; throws when any of its tests failed. */
export type RunScenario = (scenario: object, windows?: number) => Promise<Samples>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A module of the harness in scripts/vscode/ (workspace builders and the like). */
export async function loadHarness<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(root, 'scripts/vscode', file)).href)) as T;
}

export async function withRealHost(use: (run: RunScenario) => Promise<void>): Promise<void> {
  const { provision } = await loadHarness<{ provision(): void }>('provision.mjs');
  const { launchBrowser } = await loadHarness<{
    launchBrowser(): Promise<{ browser: unknown; close(): Promise<void> }>;
  }>('browser.mjs');
  const { runScenario } = await loadHarness<{
    runScenario(scenario: object, options: object): Promise<{ host: HostResults[] }>;
  }>('scenario-run.mjs');
  provision();
  const { browser, close } = await launchBrowser();
  try {
    await use(async (scenario, windows = 1) => {
      const { host } = await runScenario(scenario, { browser, uiTests: false, windows });
      const failed = host.flatMap((r) => r.tests).find((t) => t.state !== 'passed');
      if (host.length === 0 || failed) {
        throw new Error(
          failed ? `${failed.title}: ${failed.error?.message ?? failed.state}` : 'no host results',
        );
      }
      return (metric) => host.flatMap((r) => r.metrics[metric] ?? []);
    });
  } finally {
    await close();
  }
}
