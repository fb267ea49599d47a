import type { DashboardConflictCell, DashboardConflicts } from '../../../protocol/dashboardModel';
import type { ConflictForecast, PairForecast } from './types';

function cellOf(pair: PairForecast): DashboardConflictCell {
  const { verdict } = pair;
  if (verdict.status === 'conflict') {
    return {
      a: pair.a,
      b: pair.b,
      status: 'conflict',
      files: verdict.files.map((file) => ({ ...file, kinds: [...file.kinds] })),
    };
  }
  const files = pair.overlap.map((path) => ({ path, hunks: 0, kinds: [] }));
  return verdict.status === 'error'
    ? { a: pair.a, b: pair.b, status: 'error', files, message: verdict.message }
    : { a: pair.a, b: pair.b, status: 'clean', files };
}

/**
 * The forecast as the dashboard's matrix: one cell per pair that shares files (conflicting,
 * merging cleanly, or not mergeable), headed by every side that has one, live branches in the
 * forecast's order and the base last. Pairs that share no file are left out: they are clean.
 */
export function conflictMatrix(forecast: ConflictForecast): DashboardConflicts {
  const cells = forecast.pairs
    .filter((pair) => pair.verdict.status !== 'clean' || pair.overlap.length > 0)
    .map(cellOf);
  const present = new Set(cells.flatMap((cell) => [cell.a, cell.b]));
  const labels = [
    ...forecast.branches.map((branch) => branch.label).filter((label) => present.has(label)),
    ...(present.has(forecast.base) ? [forecast.base] : []),
  ];
  return { base: forecast.base, labels, cells, notes: [...forecast.notes] };
}
