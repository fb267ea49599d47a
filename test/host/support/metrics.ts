/**
 * Figures a host test measured, reported with the results for the bench to read.
 * Tests never assert on them.
 */
const recorded = new Map<string, number[]>();

export function recordMetric(name: string, value: number): void {
  const values = recorded.get(name) ?? [];
  values.push(value);
  recorded.set(name, values);
}

export function recordedMetrics(): Record<string, number[]> {
  return Object.fromEntries(recorded);
}
