import { userInfo } from 'node:os';
import type { Actor } from '../../kernel/edits/types';
import { runGit } from '../git';

/** Set in the terminals the extension opens for an agent: the agent's name (the task's owner). */
export const AGENT_NAME_ENV = 'COORD_AGENT';

/**
 * Who is acting: the agent named by its environment (or by its MCP client), else git's
 * `user.name` in `cwd`, else the account name. The host says through what it acted.
 */
export async function resolveActor(
  host: Actor['host'],
  cwd: string,
  options: { env?: NodeJS.ProcessEnv; clientName?: string } = {},
): Promise<Actor> {
  const fromEnv = (options.env ?? process.env)[AGENT_NAME_ENV]?.trim();
  if (fromEnv) {
    return { name: fromEnv, host };
  }
  if (options.clientName?.trim()) {
    return { name: options.clientName.trim(), host };
  }
  const fromGit = await runGit(['config', 'user.name'], { cwd, readOnly: true, okExitCodes: [1] })
    .then((result) => result.stdout.trim())
    .catch(() => '');
  if (fromGit) {
    return { name: fromGit, host };
  }
  let account = '';
  try {
    account = userInfo().username;
  } catch {
    // No account name (some containers): "unknown" below.
  }
  return { name: account || 'unknown', host };
}

/** Set where an agent works on one task: that task's key, the only one it may edit by default. */
export const AGENT_TASK_ENV = 'COORD_TASK';
