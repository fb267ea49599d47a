import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'jsonc-parser';
import { writeFileAtomic } from '../../platform/files/atomicWrite';
import { gitPath, isTracked } from '../../platform/git/files';
import { addExcludeLine } from '../../platform/git/excludeOutputs';
import { AGENT_TASK_ENV } from '../../platform/identity/actor';
import {
  ensureRepoLauncher,
  installLauncher,
  launcherCommand,
  repoLauncherDir,
} from './launcher/coordLauncher';
import { agentSetup, type AgentSetup } from './model/setup/agentSetup';

/** The `coord` that agents of this start reach through the repository's launcher. */
export interface CoordTarget {
  /** The program and its leading arguments (a runtime and `cli.js`). */
  command: readonly string[];
  /**
   * True for the editor, whose bundled `coord` is always made current; false for a CLI, which
   * points the launcher at itself only when the repository has none that works.
   */
  replace: boolean;
}

export interface WrittenAgentSetup extends AgentSetup {
  /** The folder holding the launcher, for agent terminals' PATH. */
  launcherDir: string;
  /** The folder holding the generated files (the worktree's own git dir). */
  dir: string;
}

/**
 * Writes what each supported agent needs to reach `coord mcp` and report its state, into the
 * worktree's own git dir (`<git dir>/coordinator/agent-setup`), where git never lists it and
 * removing the worktree removes it. The repository's `.mcp.json` is read, never written. Copilot
 * CLI's hooks file goes into the worktree (it reads hooks nowhere else), listed in `info/exclude`;
 * a file the repository commits under that name is left alone.
 */
export async function writeAgentSetup(options: {
  worktreePath: string;
  taskKey: string;
  taskFilePath: string;
  coord: CoordTarget;
  /** A trusted workspace: the repository's own `.mcp.json` servers start without a question. */
  trusted: boolean;
  /** Told of each shared thing it added (an `info/exclude` line), with how to take it back. */
  onCreated?: (label: string, undo: () => Promise<void>) => void;
  signal?: AbortSignal;
}): Promise<WrittenAgentSetup> {
  const { worktreePath, signal } = options;
  const launcher = options.coord.replace
    ? await installLauncher(await repoLauncherDir(worktreePath, signal), options.coord.command)
    : await ensureRepoLauncher(worktreePath, options.coord.command, signal);
  const dir = await gitPath(worktreePath, 'coordinator/agent-setup', signal);
  const setup = agentSetup({
    launcher: launcherCommand(launcher),
    taskKey: options.taskKey,
    env: { [AGENT_TASK_ENV]: options.taskKey },
    taskFilePath: options.taskFilePath,
    dir,
    projectMcpServers: await projectMcpServers(worktreePath),
    approveProjectServers: options.trusted,
  });
  await mkdir(dir, { recursive: true });
  for (const file of setup.files) {
    await writeFileAtomic(file.path, file.text);
  }
  const files = [...setup.files];
  for (const file of setup.worktreeFiles) {
    // A file of that name the repository commits is its own: left as it is.
    if (await isTracked(worktreePath, file.relative, signal)) {
      continue;
    }
    const removeExclude = await addExcludeLine(
      await gitPath(worktreePath, 'info/exclude', signal),
      `/${file.relative}`,
      'agent state hooks written by Agent Coordinator',
    );
    if (removeExclude) {
      options.onCreated?.(`info/exclude entry /${file.relative}`, removeExclude);
    }
    const path = join(worktreePath, file.relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, file.text);
    files.push({ path, text: file.text });
  }
  return { ...setup, files, launcherDir: launcher.dir, dir };
}

/** The server names of the repository's committed `.mcp.json`; none when it is absent or unreadable. */
async function projectMcpServers(worktreePath: string): Promise<string[]> {
  const text = await readFile(join(worktreePath, '.mcp.json'), 'utf8').catch(() => undefined);
  const value: unknown = text === undefined ? undefined : parse(text);
  const servers =
    typeof value === 'object' && value !== null
      ? (value as { mcpServers?: unknown }).mcpServers
      : undefined;
  return typeof servers === 'object' && servers !== null && !Array.isArray(servers)
    ? Object.keys(servers)
    : [];
}
