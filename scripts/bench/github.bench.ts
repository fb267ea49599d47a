/**
 * GitHub refresh cost for 50 tasks and 200 open PRs against the local fake GitHub: requests per
 * refresh (cold, then warm with every GET answered 304 through ETags), refresh time, and the
 * minified size of the lazily loaded GitHub client. Baselines from the same run: the fewest
 * requests that can give CI state (list pages + check runs + statuses per task PR), and the same
 * requests replayed with plain `fetch` (no Octokit).
 * Run: `node --import tsx scripts/bench/github.bench.ts`
 */
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { GitHubService } from '../../src/features/github/client';
import { loadOctokitClass } from '../../src/features/github/client/octokit';
import { FakeGitHub, openPull } from '../../test/support/fake-github';

const TASKS = 50;
const OPEN_PRS = 200;
const TASK_PRS = 30;
const MERGED_TASK_PRS = 5;
const ROUNDS = 5;
const TOKEN = 'bench-token';
const LIST_PAGE_TARGET = 3;
const BUNDLE_BUDGET_KB = 250;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const fake = await FakeGitHub.start({ token: TOKEN });
  for (let n = 1; n <= OPEN_PRS; n++) {
    const head = n <= TASK_PRS ? `feat/codex/task-${n}` : `dependabot/pip/package-${n}`;
    const pr = openPull(n, head);
    fake.state.pulls.push(pr);
    if (n <= TASK_PRS) {
      fake.state.checkRuns.set(pr.headSha, [
        { name: 'unit', status: 'completed', conclusion: n % 4 === 0 ? 'failure' : 'success' },
        { name: 'lint', status: 'completed', conclusion: 'success' },
      ]);
      fake.state.statuses.set(pr.headSha, [{ context: 'ci/legacy', state: 'success' }]);
      fake.state.reviews.set(n, [{ user: 'lead', state: n % 3 === 0 ? 'APPROVED' : 'COMMENTED' }]);
    }
  }
  for (let i = 0; i < MERGED_TASK_PRS; i++) {
    fake.state.pulls.push(
      openPull(1000 + i, `feat/codex/merged-${i}`, { state: 'closed', merged: true }),
    );
  }
  const tasks = Array.from({ length: TASKS }, (_, i) => {
    if (i < TASK_PRS) {
      return { key: `task${i}`, branch: `feat/codex/task-${i + 1}` };
    }
    if (i < TASK_PRS + MERGED_TASK_PRS) {
      return {
        key: `task${i}`,
        branch: `feat/codex/merged-${i - TASK_PRS}`,
        prNumber: 1000 + i - TASK_PRS,
      };
    }
    return { key: `task${i}`, branch: `feat/codex/not-pushed-${i}` };
  });

  const loadStart = performance.now();
  await loadOctokitClass();
  const loadMs = performance.now() - loadStart;

  const cold: number[] = [];
  const warm: number[] = [];
  let coldRequests = 0;
  let warmRequests = 0;
  let warm304 = 0;
  let listPages = 0;
  let breakdown = '';
  for (let round = 0; round < ROUNDS; round++) {
    const service = new GitHubService({
      getToken: async () => TOKEN,
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: 'acme', repo: 'widgets' },
    });
    fake.exchanges.length = 0;
    let start = performance.now();
    const first = await service.refresh(tasks);
    cold.push(performance.now() - start);
    if (first.error) {
      throw new Error(first.error.message);
    }
    coldRequests = first.requestCount;
    listPages = fake.requestCount((e) => e.method === 'GET' && e.path.endsWith('/pulls'));
    const by = (suffix: RegExp) => fake.requestCount((e) => suffix.test(e.path));
    breakdown =
      `list pages ${listPages}, merged-PR lookups + mergeable ${by(/\/pulls\/\d+$/)}, ` +
      `check-runs ${by(/check-runs$/)}, statuses ${by(/\/status$/)}, reviews ${by(/reviews$/)}`;
    const coldPaths = fake.exchanges.map((e) => `${e.path}?${e.query.toString()}`);
    const before304 = service.requestStats.notModified;
    start = performance.now();
    const second = await service.refresh(tasks);
    warm.push(performance.now() - start);
    warmRequests = second.requestCount;
    warm304 = service.requestStats.notModified - before304;

    if (round === ROUNDS - 1) {
      const plain: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        const queue = [...coldPaths];
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
              const response = await fetch(`${fake.url}${path}`, {
                headers: { authorization: `token ${TOKEN}` },
              });
              await response.text();
            }
          }),
        );
        plain.push(performance.now() - t);
      }
      const minimal = listPages + 2 * TASK_PRS;
      console.log(
        `github: ${TASKS} tasks, ${OPEN_PRS} open PRs (${TASK_PRS} linked to tasks), ${MERGED_TASK_PRS} merged task PRs; median of ${ROUNDS}`,
      );
      console.log(
        `github requests per cold refresh: ${coldRequests} (${breakdown}); list pages ${listPages} (target ≤ ${LIST_PAGE_TARGET}); minimal for CI only ${minimal}, ratio ${(coldRequests / minimal).toFixed(2)}`,
      );
      const lean = new GitHubService({
        getToken: async () => TOKEN,
        baseUrl: fake.url,
        configuredApiBaseUrls: [fake.url],
        repository: { owner: 'acme', repo: 'widgets' },
        reviews: false,
        mergeable: false,
      });
      const leanCount = (await lean.refresh(tasks)).requestCount;
      console.log(
        `github requests per cold refresh without reviews and mergeable (settings off): ${leanCount}`,
      );
      console.log(
        `github requests per warm refresh: ${warmRequests}, of which ${warm304} answered 304 Not Modified (free against the rate limit)`,
      );
      console.log(
        `github cold refresh: ${median(cold).toFixed(1)} ms (same requests with plain fetch ${median(plain).toFixed(1)} ms, ratio ${(median(cold) / median(plain)).toFixed(2)})`,
      );
      console.log(
        `github warm refresh: ${median(warm).toFixed(1)} ms (ratio to cold ${(median(warm) / median(cold)).toFixed(2)})`,
      );
    }
  }
  await fake.close();

  const bundle = await build({
    entryPoints: ['src/features/github/client/index.ts'],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const kb = (bundle.outputFiles[0]?.contents.byteLength ?? 0) / 1024;
  console.log(
    `github first Octokit import: ${loadMs.toFixed(0)} ms (paid on the first refresh, not at activation)`,
  );
  console.log(
    `github client bundle (src/features/github/client, minified cjs): ${kb.toFixed(1)} KB (${((kb / BUNDLE_BUDGET_KB) * 100).toFixed(0)}% of the ${BUNDLE_BUDGET_KB} KB extension budget)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
