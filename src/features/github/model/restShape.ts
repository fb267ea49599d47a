/**
 * What a GitHub answer must at least hold before the coordinator reads it. Each check returns why
 * the value is not that shape, or undefined when it is; a server that answers 200 with anything
 * else (an HTML page, a truncated body, a different API) is then reported instead of read.
 */
type Check = (value: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return value.trim() === '' ? 'an empty body' : 'text, not JSON';
  }
  if (value instanceof ArrayBuffer) {
    return 'binary data';
  }
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value;
}

function fields(spec: Record<string, (value: unknown) => boolean>): Check {
  return (value) => {
    if (!isObject(value)) {
      return `expected an object, got ${describe(value)}`;
    }
    for (const [name, ok] of Object.entries(spec)) {
      if (!ok(value[name])) {
        return `"${name}" is missing or of the wrong type`;
      }
    }
    return undefined;
  };
}

const text = (value: unknown) => typeof value === 'string';
const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const positive = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const list = (value: unknown) => Array.isArray(value);
const webUrl = (value: unknown) => {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
const branch = (value: unknown) =>
  fields({ ref: text })(value) === undefined &&
  (!isObject(value) || value.sha === undefined || text(value.sha));

export const pullRequestShape: Check = fields({
  number: positive,
  title: text,
  html_url: webUrl,
  state: text,
  head: (value) => branch(value) && isObject(value) && text(value.sha),
  base: branch,
});

export function listOf(item: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) {
      return `expected a list, got ${describe(value)}`;
    }
    for (const [index, entry] of value.entries()) {
      const problem = item(entry);
      if (problem) {
        return `item ${index + 1}: ${problem}`;
      }
    }
    return undefined;
  };
}

export const createdPullRequestShape: Check = fields({ number: positive, html_url: webUrl });
export const repositoryShape: Check = fields({ default_branch: text });
export const checkRunsShape: Check = fields({ total_count: count, check_runs: list });
export const combinedStatusShape: Check = fields({ statuses: list });
export const reviewsShape: Check = listOf(fields({ state: text }));
export const reviewsWithUsersShape: Check = listOf(
  fields({
    state: text,
    user: (value) => value === null || fields({ login: text })(value) === undefined,
  }),
);
