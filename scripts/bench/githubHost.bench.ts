/**
 * GitHub in the real extension host, against the fake GitHub serving the real Lukhas PR list:
 * time from the tree first asking about a task with a branch to PR data on show (loading
 * dist/github.js, building the client, the first refresh) against a later on-demand refresh of the
 * same data (conditional requests, all 304) measured in the same window, and the requests per refresh.
 * Run: `node --import tsx scripts/bench/githubHost.bench.ts --host` (needs `node esbuild.js --tests`
 * first; `npm run bench` builds it). Without `--host` it only says how to run it: it starts VS Code.
 */
import { loadHarness, median, withRealHost } from './realHost';

const WINDOWS = 3;

async function hostBench(): Promise<void> {
  const { lukhasWorkspace } = await loadHarness<{ lukhasWorkspace(parent: string): string }>(
    'workspaces.mjs',
  );
  await withRealHost(async (run) => {
    const values = await run(
      {
        name: 'bench-github',
        workspace: lukhasWorkspace,
        hostTests: ['github'],
        grep: 'loads the GitHub client|shows PR #410',
        timeoutMs: 600_000,
      },
      WINDOWS,
    );
    const first = median(values('githubFirstDataMs'));
    const refresh = median(values('githubRefreshMs'));
    const show = (name: string) =>
      values(name)
        .map((v) => v.toFixed(0))
        .join(', ');
    console.log(
      `real host: first PR data in the tree (load dist/github.js, client, first refresh), median of ${values('githubFirstDataMs').length} windows: ${first.toFixed(0)} ms [${show('githubFirstDataMs')}]`,
    );
    console.log(
      `real host: on-demand refresh of the same data (all 304), median: ${refresh.toFixed(0)} ms [${show('githubRefreshMs')}]; first data is ${(first / refresh).toFixed(2)}x of it`,
    );
    console.log(
      `real host: requests per refresh with ${median(values('githubOpenPullRequests'))} open PRs, ${median(values('githubTaskPullRequests'))} linked to tasks: ${median(values('githubRefreshRequests'))}`,
    );
  });
}

if (process.argv.includes('--host')) {
  hostBench().catch((error: unknown) => {
    console.error(`github host bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
} else {
  console.log(
    'github host bench: starts VS Code; run with --host (after `node esbuild.js --tests`)',
  );
}
