export type Direction = 'left' | 'right' | 'up' | 'down';

interface Box {
  key: string;
  x: number;
  y: number;
}

/**
 * The node the arrow key moves to: among those whose box starts beyond the current one in that
 * direction, the nearest, with sideways distance counting double so moves stay in line.
 */
export function nearestInDirection(
  boxes: readonly Box[],
  fromKey: string,
  direction: Direction,
): string | undefined {
  const from = boxes.find((box) => box.key === fromKey);
  if (!from) {
    return undefined;
  }
  let best: { key: string; score: number } | undefined;
  for (const box of boxes) {
    if (box.key === fromKey) {
      continue;
    }
    const dx = box.x - from.x;
    const dy = box.y - from.y;
    const [ahead, aside] =
      direction === 'left'
        ? [-dx, dy]
        : direction === 'right'
          ? [dx, dy]
          : direction === 'up'
            ? [-dy, dx]
            : [dy, dx];
    if (ahead <= 0.5) {
      continue;
    }
    const score = ahead + 2 * Math.abs(aside);
    if (!best || score < best.score) {
      best = { key: box.key, score };
    }
  }
  return best?.key;
}
