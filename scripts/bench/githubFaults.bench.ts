/**
 * The GitHub client against a hostile server at full size, with the default limits (10 s to
 * connect, 30 s without data, 10 MB per answer): a 300 MB non-JSON answer, a server that never
 * answers, and one that stops mid-answer. Prints time, requests and the peak growth of the
 * process's memory for each; fails when a limit did not hold.
 * Run: `node --import tsx scripts/bench/githubFaults.bench.ts`
 */
import { performance } from 'node:perf_hooks';
import { GitHubService } from '../../src/features/github/client';
import { FakeGitHub, type FaultKind } from '../../test/support/fake-github';

const TOKEN = 'bench-token';
const MB = 1024 * 1024;
/** More than this much growth of the resident set for one refresh counts as unbounded reading. */
const MAX_RSS_GROWTH_MB = 100;

interface Case {
  fault: FaultKind;
  expectedKind: string;
  bytes?: number;
}

const CASES: Case[] = [
  { fault: 'hugeBody', bytes: 300 * MB, expectedKind: 'tooLarge' },
  { fault: 'neverAnswer', expectedKind: 'timeout' },
  { fault: 'stallBody', expectedKind: 'timeout' },
];

async function measure(item: Case): Promise<boolean> {
  const fake = await FakeGitHub.start({ token: TOKEN });
  try {
    fake.inject({
      kind: item.fault,
      times: 10,
      ...(item.bytes ? { bytes: item.bytes } : {}),
    });
    const service = new GitHubService({
      getToken: async () => TOKEN,
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: fake.state.owner, repo: fake.state.repo },
      paceWrites: false,
    });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    const status = await service.refresh([{ key: 'a', branch: 'feat/a' }]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const grewMb = (peak - baseline) / MB;
    const ok = status.error?.kind === item.expectedKind && grewMb < MAX_RSS_GROWTH_MB;
    console.log(
      `github fault ${item.fault}${item.bytes ? ` (${item.bytes / MB} MB)` : ''}: ${status.error?.kind ?? 'no error'} after ${seconds.toFixed(1)} s, ${fake.requestCount()} request(s), peak RSS +${grewMb.toFixed(0)} MB${ok ? '' : '  <-- limit did not hold'}`,
    );
    return ok;
  } finally {
    await fake.close();
  }
}

async function main(): Promise<void> {
  let failed = 0;
  for (const item of CASES) {
    if (!(await measure(item))) {
      failed += 1;
    }
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
