import type { GuardrailResult } from '../model/types';

/** One folder's guardrail runs: the latest result per working folder and key, and the run under way. */
export class FolderRuns {
  /** Working folder → key → latest result (this window's runs and the run logs read at start). */
  private readonly latestByCwd = new Map<string, Map<string, GuardrailResult>>();
  readonly running = new Set<string>();
  active: AbortController | undefined;
  /** Runs of this folder, one after another. */
  queue: Promise<unknown> = Promise.resolve();
  waiting = 0;
  /** Raised by a cancel: queued runs requested before it do not start. */
  generation = 0;
  logsRead = new Set<string>();

  latest(cwd: string): ReadonlyMap<string, GuardrailResult> {
    return this.latestByCwd.get(cwd) ?? new Map();
  }

  /** Keeps `result` unless a newer one for the same key is known. */
  remember(result: GuardrailResult): void {
    let forCwd = this.latestByCwd.get(result.cwd);
    if (!forCwd) {
      forCwd = new Map();
      this.latestByCwd.set(result.cwd, forCwd);
    }
    const known = forCwd.get(result.key);
    if (!known || Date.parse(known.finishedAt) <= Date.parse(result.finishedAt)) {
      forCwd.set(result.key, result);
    }
  }

  get busy(): boolean {
    return this.active !== undefined || this.waiting > 0;
  }
}
