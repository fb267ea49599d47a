import { basename } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { ReapVerdict } from '../../model/reapVerdict';
import { branchPullRequestLookup } from '../../branchPullRequests';
import { reapWorktrees, type ReapReport } from '../../reapWorktrees';
import { editorRemoval } from '../removalEffects';
import type { WorktreeCommandContext } from './worktreeCommandContext';

const RESTORE = 'Restore…';

interface VerdictItem extends vscode.QuickPickItem {
  verdict: ReapVerdict;
}

/**
 * Reap Worktrees…: every worktree of each repository, whoever made it, listed with its classes;
 * the safe ones pre-selected. Only safe ones are removed, through the shared reaper.
 */
export function registerReapWorktrees({
  services,
  worktrees,
  gitHub,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.reapWorktrees,
    async (): Promise<ReapReport[]> => {
      const reports: ReapReport[] = [];
      for (const repo of await worktrees.provider.repositories()) {
        const ui = worktrees.ui;
        const effects = await editorRemoval(services, repo.taskSession, ui);
        const state = repo.taskSession?.state;
        const session = repo.taskSession;
        const connect = session ? gitHub?.(session) : undefined;
        try {
          const report = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Reaping worktrees' },
            () =>
              reapWorktrees({
                cwd: repo.mainRoot,
                base: repo.base,
                abandonedDays: effects.abandonedDays,
                model: state && !state.broken ? state.model : undefined,
                sizes: true,
                pullRequests: connect ? branchPullRequestLookup(() => connect) : undefined,
                teardown: effects.teardown,
                tasks: effects.tasks,
                choose: async (survey) => {
                  if (survey.verdicts.length === 0) {
                    return [];
                  }
                  const picked = await ui.pickMany(
                    survey.verdicts.map(toItem),
                    `Worktrees of ${basename(repo.mainRoot)} to remove (only safe ones are removed)`,
                  );
                  return picked?.map((item) => item.verdict);
                },
                onRemoved: (result) => services.log.info(`Reaped worktree ${result.path}.`),
              }),
          );
          reports.push(report);
          for (const note of report.survey.notes) {
            services.log.warn(`Reap worktrees of ${repo.mainRoot}: ${note}`);
          }
          for (const kept of report.kept) {
            services.log.info(`Kept worktree ${kept.path}: ${kept.reason}`);
          }
          if (report.removed.length > 0 || report.kept.length > 0) {
            const backups = report.removed.filter((removed) => removed.backupRef).length;
            const answer = await ui.info(
              `Removed ${report.removed.length} worktree(s), reclaiming about ${(report.reclaimedBytes / 1048576).toFixed(1)} MB${report.kept.length > 0 ? `; kept ${report.kept.length} (see the Coordinator output)` : ''}${backups > 0 ? `; ${backups} backup ref(s) kept` : ''}.`,
              ...(backups > 0 ? [RESTORE] : []),
            );
            if (answer === RESTORE) {
              void vscode.commands.executeCommand(Commands.restoreWorktreeBackup);
            }
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          services.log.error(`Reap worktrees of ${repo.mainRoot}: ${message}`);
          void ui.error(`Could not reap the worktrees of ${repo.mainRoot}: ${message}`);
        } finally {
          await repo.refresh();
        }
      }
      return reports;
    },
  );
}

function toItem(verdict: ReapVerdict): VerdictItem {
  const { facts } = verdict;
  const size = facts.bytes === undefined ? '' : ` · ${(facts.bytes / 1048576).toFixed(1)} MB`;
  return {
    label: `${verdict.safe ? '$(trash)' : '$(lock)'} ${basename(facts.path)}`,
    description: `${facts.branch ?? '(detached)'} · ${verdict.origin} · ${verdict.classes.join(', ')}${size}`,
    detail: `${facts.path}: ${verdict.why}`,
    picked: verdict.safe,
    verdict,
  };
}
