import type { ConflictedFile, PairForecast } from './types';

/** `src/a.ts (2 hunks), src/b.ts (modify/delete)`: the files of a conflicting pair for people. */
export function describeFiles(files: readonly ConflictedFile[]): string {
  return files
    .map((file) => {
      const parts: string[] = [];
      if (file.hunks > 0) {
        parts.push(`${file.hunks} hunk${file.hunks === 1 ? '' : 's'}`);
      }
      parts.push(...file.kinds.filter((kind) => kind !== 'content'));
      return parts.length > 0 ? `${file.path} (${parts.join(', ')})` : file.path;
    })
    .join(', ');
}

/** One line for a pair: its verdict, then the files (conflict), the shared paths or the error. */
export function describePair(pair: PairForecast): string {
  const verdict = pair.verdict;
  switch (verdict.status) {
    case 'conflict':
      return `CONFLICT ${pair.a} <> ${pair.b}: ${describeFiles(verdict.files)}`;
    case 'error':
      return `ERROR    ${pair.a} <> ${pair.b}: ${verdict.message}`;
    case 'clean':
      return `clean    ${pair.a} <> ${pair.b}: both change ${pair.overlap.join(', ')}; git merges them`;
  }
}
