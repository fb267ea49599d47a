import { readdir, readFile, readlink } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { parseProcessStat } from './processTable';

/** A live process whose working directory is inside a folder. */
export interface ProcessInside {
  pid: number;
  /** Its command line, for the person deciding. */
  command: string;
  cwd: string;
}

/**
 * The processes (other than this one and the git commands it runs) whose working directory is one
 * of `folders` or below it, per folder, read from `/proc/<pid>/cwd`. Undefined where there is no `/proc` to ask
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
          const program = basename(raw.split('\0')[0] ?? '');
          if (program === 'git' && (await startedByThisProcess(pid))) {
            // Our own short-lived git calls, and in the editor those of the other extensions in
            // this host (VS Code's git): not someone working in the folder.
            return;
          }
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

/** Whether `pid` descends from this process, following parent ids in `/proc/<pid>/stat`. */
async function startedByThisProcess(pid: number): Promise<boolean> {
  let current = pid;
  for (let depth = 0; depth < 64 && current > 1; depth++) {
    const stat = await readFile(`/proc/${current}/stat`, 'utf8').catch(() => undefined);
    const entry = stat === undefined ? undefined : parseProcessStat(stat);
    if (!entry) {
      return false;
    }
    if (entry.ppid === process.pid) {
      return true;
    }
    current = entry.ppid;
  }
  return false;
}
