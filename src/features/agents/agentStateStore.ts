import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { writeFileAtomic } from '../../platform/files/atomicWrite';
import { gitCommonDir, isGitError } from '../../platform/git';
import {
  agentStateRecord,
  parseAgentStateRecord,
  type AgentStateInput,
  type AgentStateRecord,
} from './model/agentState';

/**
 * Agent state lives in the repository's git common dir, shared by every worktree and never
 * committed, so agents reporting every few seconds do not churn the plan or its branches.
 */
export async function agentStateFolder(cwd: string): Promise<string> {
  try {
    return join(await gitCommonDir(cwd), 'coordinator', 'agents');
  } catch (error) {
    if (isGitError(error, 'notARepository')) {
      throw new CoordinatorError(
        'badInput',
        `${cwd} is not in a git repository: agent state is kept in the repository's git dir.`,
      );
    }
    throw error;
  }
}

/** Records what an agent reported for its task, replacing its previous report. */
export async function reportAgentState(
  cwd: string,
  input: AgentStateInput,
  now = new Date(),
): Promise<AgentStateRecord> {
  const record = agentStateRecord(input, now);
  if ('problem' in record) {
    throw new CoordinatorError('badInput', record.problem);
  }
  const folder = await agentStateFolder(cwd);
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(join(folder, `${record.task}.json`), `${JSON.stringify(record)}\n`);
  return record;
}

/** One task's last report; undefined when there is none or it cannot be read. */
export async function readAgentState(
  cwd: string,
  task: string,
): Promise<AgentStateRecord | undefined> {
  const folder = await agentStateFolder(cwd);
  const text = await readFile(join(folder, `${task}.json`), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseAgentStateRecord(text);
}

/** Every task's last report, by task key; unreadable files are skipped. */
export async function readAgentStates(cwd: string): Promise<AgentStateRecord[]> {
  const folder = await agentStateFolder(cwd);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return [] as string[];
    }
    throw error;
  });
  const records = await Promise.all(
    names
      .filter((name) => name.endsWith('.json'))
      .map(async (name) =>
        parseAgentStateRecord(await readFile(join(folder, name), 'utf8').catch(() => '')),
      ),
  );
  return records
    .filter((record): record is AgentStateRecord => record !== undefined)
    .sort((a, b) => a.task.localeCompare(b.task));
}
