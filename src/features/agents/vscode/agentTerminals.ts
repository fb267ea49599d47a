import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { WorkspaceSessions, FolderSession } from '../../common/vscode/services';

/**
 * How a terminal says it runs a task's agent: the start flow sets this variable in the terminal's
 * environment. A terminal opened in a task's worktree folder counts too.
 */
export const AGENT_TERMINAL_TASK_ENV = 'COORDINATOR_TASK_KEY';

export interface AgentTerminalTask {
  session: FolderSession;
  task: Task;
}

export function taskOfTerminal(
  sessions: WorkspaceSessions,
  terminal: vscode.Terminal,
): AgentTerminalTask | undefined {
  const options = terminal.creationOptions;
  if (!('cwd' in options || 'env' in options)) {
    return undefined;
  }
  const plain = options as vscode.TerminalOptions;
  const taskKey = plain.env?.[AGENT_TERMINAL_TASK_ENV] ?? undefined;
  const cwd = plain.cwd;
  const cwdPath = typeof cwd === 'string' ? cwd : cwd?.fsPath;
  for (const session of sessions.all) {
    const model = session.state?.model;
    if (!model) {
      continue;
    }
    const byEnv = taskKey ? model.byKey.get(taskKey) : undefined;
    const byCwd = cwdPath
      ? model.tasks.find(
          (task) => task.worktreePath !== undefined && sameFolder(task.worktreePath, cwdPath),
        )
      : undefined;
    const task = byEnv ?? byCwd;
    if (task) {
      return { session, task };
    }
  }
  return undefined;
}

function sameFolder(worktreePath: string, cwd: string): boolean {
  const trim = (p: string) => p.replace(/[\\/]+$/, '');
  const a = trim(worktreePath);
  const b = trim(cwd);
  return a === b || (!a.startsWith('/') && b.endsWith(`/${a.replace(/^(\.\.?\/)+/, '')}`));
}
