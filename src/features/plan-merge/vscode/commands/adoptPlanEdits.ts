import * as vscode from 'vscode';
import { TaskFileStore } from '../../../../platform/taskfile/store';
import { adoptPlanEdits, type AdoptPlanEditsResult } from '../../adoptPlanEdits';
import { Commands } from '../../../common/vscode/constants';
import type { CoordinatorServices, FolderSession } from '../../../common/vscode/services';
import type { PlanOnBranches } from '../planOnBranches';

const MOVE = 'Move Edits';

export interface AdoptPlanEditsArgs {
  session?: FolderSession;
  branch?: string;
  /** The user already said yes (the offer's button): no second question. */
  confirmed?: boolean;
}

/**
 * Moves a task branch's plan edits onto the canonical plan and drops them from the branch
 * (`coord plan adopt`). Without a branch, offers the local branches the branches view found ahead
 * of the plan. Asks before it commits on the branch.
 */
export function registerAdoptPlanEdits(
  services: CoordinatorServices,
  branches: PlanOnBranches,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.adoptPlanEdits,
    async (args: AdoptPlanEditsArgs = {}): Promise<AdoptPlanEditsResult | undefined> => {
      const session =
        args.session ?? (await services.sessions.pickSession('Adopt plan edits in which folder?'));
      if (!session?.taskFile) {
        void vscode.window.showWarningMessage('No task file found to move plan edits onto.');
        return undefined;
      }
      const branch = args.branch ?? (await pickBranch(session, branches));
      if (!branch) {
        return undefined;
      }
      const name = vscode.workspace.asRelativePath(session.taskFile);
      const choice = args.confirmed
        ? MOVE
        : await vscode.window.showWarningMessage(
            `Move ${branch}'s plan edits onto ${name}?`,
            {
              modal: true,
              detail: `Its task changes are merged into the plan by the field rules, and a commit on ${branch} puts its copy of the task file back as the branch found it, so merging its pull request leaves the plan alone.`,
            },
            MOVE,
          );
      if (choice !== MOVE) {
        return undefined;
      }
      try {
        const result = await adoptPlanEdits({
          store: new TaskFileStore(session.taskFile.fsPath),
          branch,
        });
        void vscode.window.showInformationMessage(
          result.kind === 'none'
            ? `${branch} carries no plan edits.`
            : `Moved ${branch}'s plan edits onto ${name} (${result.changes.map((c) => c.taskKey).join(', ')}).${result.createdLocal ? ` Push the new local branch ${result.createdLocal} to update its pull request.` : ''}`,
        );
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Adopt plan edits of ${branch}: ${message}`);
        void vscode.window.showErrorMessage(`Could not move ${branch}'s plan edits: ${message}`);
        return undefined;
      }
    },
  );
}

async function pickBranch(
  session: FolderSession,
  branches: PlanOnBranches,
): Promise<string | undefined> {
  const drift = await branches.refresh(session);
  const byBranch = new Map<string, string[]>();
  for (const onBranch of [...(drift?.byTask.values() ?? [])].flat()) {
    if (!onBranch.remote) {
      byBranch.set(onBranch.branch, [...(byBranch.get(onBranch.branch) ?? []), onBranch.taskKey]);
    }
  }
  if (byBranch.size === 0) {
    void vscode.window.showInformationMessage('No local branch is ahead of the plan.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    [...byBranch].map(([label, keys]) => ({ label, description: keys.join(', ') })),
    { placeHolder: 'Move the plan edits of which branch onto the plan?' },
  );
  return picked?.label;
}
