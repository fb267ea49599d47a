import { runGit } from './exec';

/**
 * The text of each `<rev>:<path>` in one `git cat-file --batch` call; undefined for one that names
 * nothing (a branch without the file). Texts are read as UTF-8.
 */
export async function readBlobs(
  cwd: string,
  specs: readonly string[],
  signal?: AbortSignal,
): Promise<(string | undefined)[]> {
  if (specs.length === 0) {
    return [];
  }
  const stdout = await catFile(cwd, '--batch', specs, signal);
  return parseBatchOutput(Buffer.from(stdout, 'utf8'), specs.length);
}

/** `<oid> <type> <size>\n<content>\n` per found object, `<spec> missing\n` (or ambiguous) otherwise. */
function parseBatchOutput(output: Buffer, count: number): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let at = 0;
  while (texts.length < count && at < output.length) {
    const lineEnd = output.indexOf(0x0a, at);
    const header = output.toString('utf8', at, lineEnd < 0 ? output.length : lineEnd);
    at = lineEnd < 0 ? output.length : lineEnd + 1;
    const found = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!found) {
      texts.push(undefined);
      continue;
    }
    const size = Number(found[2]);
    texts.push(found[1] === 'blob' ? output.toString('utf8', at, at + size) : undefined);
    at += size + 1;
  }
  while (texts.length < count) {
    texts.push(undefined);
  }
  return texts;
}

/** The blob id of each `<rev>:<path>` in one `git cat-file --batch-check`; undefined for one that names no blob. */
export async function blobIds(
  cwd: string,
  specs: readonly string[],
  signal?: AbortSignal,
): Promise<(string | undefined)[]> {
  if (specs.length === 0) {
    return [];
  }
  const stdout = await catFile(cwd, '--batch-check', specs, signal);
  const lines = stdout.split('\n');
  return specs.map((_, index) => /^([0-9a-f]+) blob \d+$/.exec(lines[index] ?? '')?.[1]);
}

/** One `git cat-file` call reading every `<rev>:<path>` from its standard input. */
async function catFile(
  cwd: string,
  mode: '--batch' | '--batch-check',
  specs: readonly string[],
  signal?: AbortSignal,
): Promise<string> {
  if (specs.some((spec) => /[\r\n]/.test(spec))) {
    throw new Error('a revision and path to read cannot hold a line break');
  }
  const result = await runGit(['cat-file', mode], {
    cwd,
    signal,
    readOnly: true,
    input: specs.map((spec) => `${spec}\n`).join(''),
  });
  return result.stdout;
}
