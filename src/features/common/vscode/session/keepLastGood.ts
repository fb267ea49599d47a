import type { LoadedTaskFile } from '../../../../kernel/model/types';

/**
 * While the file is broken, readers keep seeing the last good model, graph and summary, with the
 * new text and diagnostics (so the Problems panel shows what is wrong now).
 */
export function keepLastGood(
  next: LoadedTaskFile,
  previous: LoadedTaskFile | undefined,
): LoadedTaskFile {
  if (!next.broken || !previous?.model) {
    return next;
  }
  return { ...next, model: previous.model, graph: previous.graph, summary: previous.summary };
}
