/** Failures the fake can be told to produce, each for the next `times` matching requests. */
export type FaultKind =
  | 'unauthorized'
  | 'notFound'
  | 'secondaryRateLimit'
  | 'tooManyRequests'
  | 'primaryRateLimit'
  | 'serverError'
  | 'dropConnection'
  /** 200 with a body of `bytes` bytes of non-JSON text, streamed. */
  | 'hugeBody'
  /** Never answers: no status line, the connection held open. */
  | 'neverAnswer'
  /** Sends a 200 and its headers, then nothing more. */
  | 'stallBody'
  /** 200 with an HTML page, as a proxy or captive portal answers. */
  | 'htmlPage'
  /** 200 with JSON of the wrong shape (`{"ok":true}`). */
  | 'wrongJson';

export interface Fault {
  kind: FaultKind;
  /** Only requests whose path matches; all when absent. */
  path?: RegExp;
  method?: string;
  /** How many requests it hits; 1 when absent. */
  times?: number;
  /** Seconds for Retry-After (secondary limits, 429) or until x-ratelimit-reset (primary limit). */
  retryAfterSeconds?: number;
  /** Body size for `hugeBody`. */
  bytes?: number;
  /** Status for `hugeBody`; 200 when absent. */
  status?: number;
}

export class FaultQueue {
  private readonly faults: Array<Fault & { left: number }> = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The first pending fault for this request, counted as used. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (fault) {
      fault.left -= 1;
    }
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }
}
