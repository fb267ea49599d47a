export interface CoalescedRunsTiming {
  /** Wait after the first request while idle, so one save's burst of events makes one run. */
  readonly settleMs: number;
  /** Least time between the starts of two runs for one key, so a steady stream of changes cannot keep the CPU busy. */
  readonly minGapMs: number;
}

export const DEFAULT_COALESCED_RUNS: CoalescedRunsTiming = { settleMs: 200, minGapMs: 1000 };

/**
 * Runs a refresh per key when asked, never two at once for one key. A request while idle runs
 * after `settleMs`; requests while one is scheduled join it (the timer is not pushed back, so a
 * steady stream of changes cannot starve the refresh); a request during a run makes one more
 * run after it, no sooner than `minGapMs` after the last one started. `run` handles its own
 * errors.
 */
export class CoalescedRuns<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<K>();
  private readonly again = new Set<K>();
  private readonly lastStart = new Map<K, number>();
  private disposed = false;

  constructor(
    private readonly run: (key: K) => Promise<void>,
    private readonly timing: CoalescedRunsTiming = DEFAULT_COALESCED_RUNS,
  ) {}

  request(key: K): void {
    if (this.disposed) {
      return;
    }
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    if (this.timers.has(key)) {
      return;
    }
    const sinceLast = Date.now() - (this.lastStart.get(key) ?? Number.NEGATIVE_INFINITY);
    const delay = Math.max(this.timing.settleMs, this.timing.minGapMs - sinceLast);
    this.timers.set(
      key,
      setTimeout(() => void this.start(key), delay),
    );
  }

  /** Whether a run for the key is scheduled or under way. */
  busy(key: K): boolean {
    return this.timers.has(key) || this.running.has(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.again.clear();
  }

  private async start(key: K): Promise<void> {
    this.timers.delete(key);
    if (this.disposed) {
      return;
    }
    this.running.add(key);
    this.lastStart.set(key, Date.now());
    try {
      await this.run(key);
    } finally {
      this.running.delete(key);
      if (this.again.delete(key)) {
        this.request(key);
      }
    }
  }
}
