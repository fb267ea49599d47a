/** The seed of a randomised fault case: `FAULT_SEED` when set (to replay a run), else a fresh one. */
export function faultSeed(): number {
  const given = process.env.FAULT_SEED;
  return given !== undefined && given !== ''
    ? Number(given) >>> 0
    : (Date.now() ^ process.pid) >>> 0;
}

/** mulberry32: a small, fast generator whose whole state is the seed, so a run replays exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
