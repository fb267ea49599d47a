/**
 * Listing 50 worktrees of a generated 25,000-file repository (built once and kept in the temp
 * folder, see listingRepo.ts): cold (no cache) and warm (nothing changed, and one new untracked
 * file), each as a ratio to one plain `git status` per worktree run in sequence, measured in the
 * same run; then measuring every worktree's disk usage. Targets: cold <= 2 s, warm <= 200 ms.
 * Run: `node --import tsx scripts/bench/worktreeListing.bench.ts`
 */
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listWorktreesWithStatus, measureWorktreeDiskUsage } from '../../src/features/worktrees';
import { statusCachePath } from '../../src/features/worktrees/statusCacheFile';
import { benchGit, LISTING_FILES, LISTING_WORKTREES, listingRepo } from './listingRepo';

const ROUNDS = 3;
const COLD_TARGET_MS = 2000;
const WARM_TARGET_MS = 200;

process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * CPU time of this process and of the git processes it waited for (Linux: `/proc/self/stat`
 * counts finished children), in ms: on a machine shared with other work, wall time measures the
 * machine's load as much as the listing, CPU time much less so.
 */
function cpuMs(): number {
  const own = process.cpuUsage();
  let children = 0;
  if (existsSync('/proc/self/stat')) {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // cutime and cstime are fields 16 and 17 of stat(5), in clock ticks of 10 ms.
    children = (Number(fields[13]) + Number(fields[14])) * 10;
  }
  return (own.user + own.system) / 1000 + children;
}

const cpu = new Map<string, number[]>();

async function timed<T>(run: () => Promise<T> | T, name?: string): Promise<[number, T]> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const result = await run();
  const wall = performance.now() - t0;
  if (name) {
    cpu.set(name, [...(cpu.get(name) ?? []), cpuMs() - c0]);
  }
  return [wall, result];
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { root, worktrees } = listingRepo();
  const built = performance.now() - t0;
  console.log(
    `worktreeListing: ${LISTING_WORKTREES} worktrees of ${LISTING_FILES} files (${built > 5000 ? `generated in ${(built / 1000).toFixed(0)} s` : 'cached'})`,
  );
  const cache = await statusCachePath(root);
  const paths = [root, ...worktrees];
  const probe = join(worktrees[10] ?? root, 'src', 'pkg40', 'mod3', 'bench-probe.ts');
  rmSync(probe, { force: true });
  const baseline: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const warmOne: number[] = [];
  let dirty = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const [plain] = await timed(() => {
      for (const path of paths) {
        benchGit(path, 'status', '--porcelain=v2', '--branch');
      }
    }, 'baseline');
    baseline.push(plain);
    rmSync(cache, { force: true });
    const [coldMs, coldRows] = await timed(() => listWorktreesWithStatus(root), 'cold');
    cold.push(coldMs);
    if (coldRows.length !== LISTING_WORKTREES) {
      throw new Error(`expected ${LISTING_WORKTREES} worktrees, got ${coldRows.length}`);
    }
    dirty = coldRows.filter((row) => (row.status?.dirtyCount ?? 0) > 0).length;
    const [warmMs, warmRows] = await timed(() => listWorktreesWithStatus(root), 'warm');
    warm.push(warmMs);
    if (warmRows.filter((row) => row.statusCached).length !== LISTING_WORKTREES) {
      throw new Error('a warm listing with nothing changed asked git for some worktree');
    }
    writeFileSync(probe, 'new\n');
    const [oneMs, oneRows] = await timed(() => listWorktreesWithStatus(root), 'warmOne');
    warmOne.push(oneMs);
    const probed = oneRows.find((row) => probe.startsWith(`${row.path}/`));
    if (!probed || probed.statusCached || (probed.status?.untracked ?? 0) === 0) {
      throw new Error('the new untracked file was not noticed by the warm listing');
    }
    unlinkSync(probe);
  }
  const base = median(baseline);
  const baseCpu = median(cpu.get('baseline') ?? []);
  const report = (name: string, key: string, values: number[], target?: number) => {
    const ms = median(values);
    const cpuUsed = median(cpu.get(key) ?? []);
    const verdict =
      target === undefined ? '' : ` (target <= ${target} ms) ${ms <= target ? 'OK' : 'OVER'}`;
    console.log(
      `worktreeListing: ${name}: median ${ms.toFixed(0)} ms, ratio ${(ms / base).toFixed(3)}${verdict}; CPU ${cpuUsed.toFixed(0)} ms, ratio ${(cpuUsed / baseCpu).toFixed(3)}`,
    );
  };
  console.log(
    `worktreeListing: baseline, git status per worktree in sequence: median ${base.toFixed(0)} ms, CPU ${baseCpu.toFixed(0)} ms (${dirty} worktrees dirty; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  report('cold listing (no cache)', 'cold', cold, COLD_TARGET_MS);
  report('warm listing (nothing changed)', 'warm', warm, WARM_TARGET_MS);
  report('warm listing (one new untracked file)', 'warmOne', warmOne);
  const rows = await listWorktreesWithStatus(root);
  const [diskMs, measured] = await timed(() =>
    measureWorktreeDiskUsage(root, rows, { fresh: true }),
  );
  const total = [...measured.values()].reduce((sum, usage) => sum + usage.bytes, 0);
  console.log(
    `worktreeListing: disk usage of ${measured.size} worktrees (${(total / 2 ** 30).toFixed(2)} GB) in the background: ${diskMs.toFixed(0)} ms, ratio ${(diskMs / base).toFixed(2)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
