import { stat } from 'node:fs/promises';
import type { LoadedTaskFile } from '../../../kernel/model/types';

/**
 * Reads the plan through `read` only when the file changed since the last read (another inode,
 * size, or change time), so a server answering read tools all day parses it once per change.
 */
export function cachedPlanReader(
  filePath: string,
  read: () => Promise<LoadedTaskFile>,
): () => Promise<LoadedTaskFile> {
  let last: { signature: string; loaded: LoadedTaskFile } | undefined;
  return async () => {
    const before = await signature(filePath);
    if (before !== undefined && last?.signature === before) {
      return last.loaded;
    }
    const loaded = await read();
    // Kept only when nothing changed while it was read.
    const after = await signature(filePath);
    last = after !== undefined && after === before ? { signature: after, loaded } : undefined;
    return loaded;
  };
}

async function signature(filePath: string): Promise<string | undefined> {
  const found = await stat(filePath, { bigint: true }).catch(() => undefined);
  return found && `${found.ino}:${found.size}:${found.ctimeNs}:${found.mtimeNs}`;
}
