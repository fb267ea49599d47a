type CollectGarbage = (options?: {
  type: 'major';
  execution: 'sync';
  flavor: 'last-resort';
}) => void;

/** How long after the work that asked for it the collection runs: after a burst, not within it. */
const DELAY_MS = 1000;

/**
 * Schedules one whole-heap collection shortly after the server has worked. A write reads and
 * checks the whole plan, and V8 keeps that garbage until its next full collection: its own memory
 * reducer waits about eight seconds, so a server that had just written held some 8 MB more until
 * then. `gc` is there through `--expose-gc` (MCP_RUNTIME_FLAGS); without it this does nothing.
 * The last-resort flavour also gives the freed pages back; a V8 without flavours ignores it.
 */
export function collectWhenIdle(
  gc: CollectGarbage | undefined = (globalThis as { gc?: CollectGarbage }).gc,
  delayMs = DELAY_MS,
): () => void {
  if (typeof gc !== 'function') {
    return () => undefined;
  }
  let pending: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (pending) {
      return;
    }
    pending = setTimeout(() => {
      pending = undefined;
      gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    }, delayMs);
    pending.unref();
  };
}
