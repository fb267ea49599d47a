import type { ConflictForecast } from './types';

/** The branch pairs a conflict forecast expects to conflict at merge, as `a × b`. */
export function conflictingPairs(forecast: ConflictForecast): string[] {
  return forecast.pairs
    .filter((pair) => pair.verdict.status === 'conflict')
    .map((pair) => `${pair.a} × ${pair.b}`);
}
