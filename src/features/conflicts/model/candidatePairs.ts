/** Two branches whose changes meet in at least one path, so only a merge can tell. */
export interface CandidatePair {
  a: number;
  b: number;
  overlap: string[];
}

/**
 * The pairs of change sets that share a path, found through an index from path to the sets
 * that changed it, so the cost follows the changed paths rather than the square of the branches.
 */
export function intersectingPairs(changes: readonly (readonly string[])[]): {
  pairs: CandidatePair[];
  disjoint: number;
} {
  const byPath = new Map<string, number[]>();
  changes.forEach((paths, index) => {
    for (const path of new Set(paths)) {
      const list = byPath.get(path);
      if (list) {
        list.push(index);
      } else {
        byPath.set(path, [index]);
      }
    }
  });
  const shared = new Map<string, string[]>();
  for (const [path, owners] of byPath) {
    for (let i = 0; i < owners.length; i++) {
      for (let j = i + 1; j < owners.length; j++) {
        const key = `${owners[i]} ${owners[j]}`;
        const list = shared.get(key);
        if (list) {
          list.push(path);
        } else {
          shared.set(key, [path]);
        }
      }
    }
  }
  const pairs = [...shared].map(([key, overlap]) => {
    const [a, b] = key.split(' ').map(Number) as [number, number];
    return { a, b, overlap: overlap.sort() };
  });
  pairs.sort((x, y) => x.a - y.a || x.b - y.b);
  const total = (changes.length * (changes.length - 1)) / 2;
  return { pairs, disjoint: total - pairs.length };
}
