import type * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import { mainWorktreeRoot } from '../../../platform/git';
import { taskEnvFor } from '../taskEnv';
import { worktreeSettingsFor } from './worktreeSettings';

/**
 * The task's ports and names for a terminal opened in its worktree later on (the block it got
 * when it started, or a new one for a task started before ports were given). Nothing when the
 * worktree is not in a repository or the ledger cannot be written: the terminal still opens.
 */
export async function taskTerminalEnv(
  folder: vscode.WorkspaceFolder | undefined,
  task: Pick<Task, 'key' | 'id'>,
  worktreePath: string,
  onProblem: (line: string) => void,
): Promise<Record<string, string>> {
  try {
    const mainRoot = await mainWorktreeRoot(worktreePath);
    if (!mainRoot) {
      return {};
    }
    const { env, problems } = await taskEnvFor({
      mainRoot,
      task,
      worktreePath,
      settings: worktreeSettingsFor(folder),
    });
    problems.forEach(onProblem);
    return env;
  } catch (error) {
    onProblem(`Ports for ${task.key}: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}
