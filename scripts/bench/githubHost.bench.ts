/**
 * GitHub in the real extension host, against the fake GitHub serving the real Lukhas PR list:
 * time from the tree first asking about a task with a branch to PR data on show (loading
 * dist/github.js, building the client, the first refresh) against a later on-demand refresh of the
 * same data (conditional requests, all 304) measured in the same window, and the requests per refresh.
 * Run: `node --import tsx scripts/bench/githubHost.bench.ts --host` (needs `node esbuild.js --tests`
 * first; `npm run bench` builds it). Without `--host` it only says how to run it: it starts VS Code.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WINDOWS = 3;

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
  const { lukhasWorkspace } = await load<{ lukhasWorkspace(parent: string): string }>('workspaces.mjs');
  provision();
  const { browser, close } = await launchBrowser();
  try {
    const outcome = await runScenario(
      {
        name: 'bench-github',
        workspace: lukhasWorkspace,
        hostTests: ['github'],
        grep: 'loads the GitHub client|shows PR #410',
        timeoutMs: 600_000,
      },
      { browser, uiTests: false, windows: WINDOWS },
    );
    const all = outcome.host;
    const failed = all.flatMap((r) => r.tests).find((t) => t.state !== 'passed');
    if (all.length === 0 || failed) {
      throw new Error(failed ? `${failed.title}: ${failed.error?.message ?? failed.state}` : 'no host results');
    }
    const values = (name: string) => all.flatMap((r) => r.metrics[name] ?? []);
    const first = median(values('githubFirstDataMs'));
    const refresh = median(values('githubRefreshMs'));
    const show = (name: string) => values(name).map((v) => v.toFixed(0)).join(', ');
    console.log(
      `real host: first PR data in the tree (load dist/github.js, client, first refresh), median of ${values('githubFirstDataMs').length} windows: ${first.toFixed(0)} ms [${show('githubFirstDataMs')}]`,
    );
    console.log(
      `real host: on-demand refresh of the same data (all 304), median: ${refresh.toFixed(0)} ms [${show('githubRefreshMs')}]; first data is ${(first / refresh).toFixed(2)}x of it`,
    );
    console.log(
      `real host: requests per refresh with ${median(values('githubOpenPullRequests'))} open PRs, ${median(values('githubTaskPullRequests'))} linked to tasks: ${median(values('githubRefreshRequests'))}`,
    );
  } finally {
    await close();
  }
}

if (process.argv.includes('--host')) {
  hostBench().catch((error: unknown) => {
    console.error(`github host bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
} else {
  console.log('github host bench: starts VS Code; run with --host (after `node esbuild.js --tests`)');
}
