import { readdir, readFile, readlink } from 'node:fs/promises';
import { sep } from 'node:path';

/** A live process whose working directory is inside a folder. */
export interface ProcessInside {
  pid: number;
  /** Its command line, for the person deciding. */
  command: string;
  cwd: string;
}

/**
 * The processes (other than this one) whose working directory is one of `folders` or below
 * it, per folder, read from `/proc/<pid>/cwd`. Undefined where there is no `/proc` to ask
 * (macOS, Windows): the caller must then treat every folder as possibly in use. Processes of
 * other users whose cwd cannot be read are not seen.
 */
export async function processesInside(
  folders: readonly string[],
): Promise<Map<string, ProcessInside[]> | undefined> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const found = new Map<string, ProcessInside[]>(folders.map((folder) => [folder, []]));
  const prefixes = folders.map((folder) => [folder, folder.endsWith(sep) ? folder : folder + sep]);
  await Promise.all(
    pids.map(async (name) => {
      const pid = Number(name);
      if (pid === process.pid) {
        return;
      }
      const cwd = await readlink(`/proc/${name}/cwd`).catch(() => undefined);
      if (!cwd) {
        return;
      }
      for (const [folder, prefix] of prefixes) {
        if (cwd === folder || cwd.startsWith(prefix as string)) {
          const raw = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
          found.get(folder as string)?.push({
            pid,
            command: raw.split('\0').filter(Boolean).join(' ') || `pid ${pid}`,
            cwd,
          });
        }
      }
    }),
  );
  return found;
}
