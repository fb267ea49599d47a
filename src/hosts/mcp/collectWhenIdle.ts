type CollectGarbage = (options?: {
  type: 'major';
  execution: 'sync';
  flavor: 'last-resort';
}) => void;

export interface CollectionDelays {
  /** After the first work of a burst: the collection that keeps a burst's garbage in bounds. */
  soonMs: number;
  /** After the last work: the one that leaves the server at rest at its smallest. */
  idleMs: number;
}

const DELAYS: CollectionDelays = { soonMs: 200, idleMs: 2000 };

/**
 * Collects the server's garbage shortly after it has worked. A write reads and checks the plan,
 * and V8 keeps that garbage until its next full collection: its own memory reducer waits about
 * eight seconds, so a server that had just written a few times held some 8 MB more until then.
 * One collection runs `soonMs` after work starts (again and again through a burst) and one
 * `idleMs` after it stops. `gc` is there through `--expose-gc` (MCP_RUNTIME_FLAGS); without it
 * this does nothing. The last-resort flavour also gives the freed pages back; a V8 without
 * flavours ignores it.
 */
export function collectWhenIdle(
  gc: CollectGarbage | undefined = (globalThis as { gc?: CollectGarbage }).gc,
  delays: CollectionDelays = DELAYS,
): () => void {
  if (typeof gc !== 'function') {
    return () => undefined;
  }
  const collect = () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  let soon: ReturnType<typeof setTimeout> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (!soon) {
      soon = setTimeout(() => {
        soon = undefined;
        collect();
      }, delays.soonMs);
      soon.unref();
    }
    if (idle) {
      clearTimeout(idle);
    }
    idle = setTimeout(() => {
      idle = undefined;
      collect();
    }, delays.idleMs);
    idle.unref();
  };
}
