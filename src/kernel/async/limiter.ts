/** Runs at most `limit` of the given jobs at once, in the order they were asked for. */
export type Limiter = <T>(job: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  const size = Math.max(1, limit);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= size) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running += 1;
    try {
      return await job();
    } finally {
      release();
    }
  };
}
