import * as vscode from 'vscode';
import { requiredNotPassedSince } from '../model/gate';
import { skipReason } from '../model/skip';
import type { Task } from '../../../kernel/model/types';
import { lastCommit, listWorktrees } from '../../../platform/git';
import type { FolderSession } from '../../common/vscode/services';
import { worktreeLocation } from '../../tasks/vscode/worktreeLocation';
import type { GuardrailController } from './guardrailController';
import { runFolder } from './guardrailSettings';

/** Asked by Set Status before a task is marked completed. */
export interface CompletionGate {
  /** True when the task may be marked completed: the gate is off, it passed, or the user said so. */
  mayComplete(session: FolderSession, task: Task): Promise<boolean>;
}

/**
 * With `coordinator.guardrails.requirePassBeforeComplete` on, marking a task completed asks first
 * when a required guardrail has not passed in the task's worktree since its last commit. Guardrails
 * waiting for an unfinished `depends_on` task do not count; a task without a worktree is not gated.
 */
export function createCompletionGate(
  controller: GuardrailController,
  log: vscode.LogOutputChannel,
): CompletionGate {
  return {
    async mayComplete(session, task) {
      const settings = controller.settings(session);
      if (!settings.requirePassBeforeComplete) {
        return true;
      }
      const model = session.state?.model;
      const definitions = controller
        .definitions(session)
        .definitions.filter((d) => d.required && !skipReason(d, model));
      if (definitions.length === 0) {
        return true;
      }
      const location = await taskWorktree(session, task);
      if ('problem' in location) {
        log.info(`Completion gate: ${task.key} has no worktree on disk; not gated.`);
        return true;
      }
      const cwd = runFolder(location.path, settings);
      const [commit, latest] = await Promise.all([
        lastCommit(location.path).catch(() => undefined),
        controller.latestIn(session, cwd),
      ]);
      const missing = requiredNotPassedSince(definitions, latest, commit ? commit.time * 1000 : 0);
      if (missing.length === 0) {
        return true;
      }
      const choice = await controller.prompts.confirmCompletion(
        `Required guardrails have not passed in the worktree of "${task.name}" since its last commit.`,
        missing
          .map((d) => {
            const result = latest.get(d.key);
            return `${d.key}: ${result ? `${result.verdict} (${result.reason}) at ${result.finishedAt}` : 'not run in this worktree'}`;
          })
          .join('\n'),
      );
      if (choice === 'runInWorktree') {
        void controller.run({ session, root: location.path });
      }
      return choice === 'complete';
    },
  };
}

/** The task's `worktree_path`, else the worktree that has its branch checked out. */
async function taskWorktree(
  session: FolderSession,
  task: Task,
): Promise<{ path: string } | { problem: string }> {
  const recorded = await worktreeLocation(session, task);
  if (!('problem' in recorded) || !task.branch) {
    return recorded;
  }
  const worktrees = await listWorktrees(session.folder.uri.fsPath).catch(() => []);
  const byBranch = worktrees.find((entry) => entry.branch === task.branch && !entry.bare);
  return byBranch ? { path: byBranch.path } : recorded;
}
