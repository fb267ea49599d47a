import * as vscode from 'vscode';
import { Commands } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { branchesWithPlanEdits, type BranchWithPlanEdits } from '../branchesWithPlanEdits';
import { planFileInRepo } from '../planFileInRepo';
import type { AdoptPlanEditsArgs } from './commands/adoptPlanEdits';
import { planBlobUri } from './planBlobDocuments';
import type { PlanOnBranches } from './planOnBranches';

export const MOVE_PLAN_EDITS = 'Move plan edits to the main plan';
export const SHOW_PLAN_EDITS_DIFF = 'Show diff';
export const NOT_NOW = 'Not now';
/** Workspace state: the offers answered (or dismissed), one per branch and set of edits. */
const ANSWERED_KEY = 'coordinator.planEditsOffer.answered';
/** The answers kept: old ones go first. */
const MAX_ANSWERED = 500;

/**
 * Offers, once per branch and set of edits, to move the plan edits a task branch carries
 * (local or remote-tracking, ahead of the plan's checkout) onto the canonical plan before its
 * pull request merges, through the Adopt Plan Edits command (`coord plan adopt`). Looks whenever
 * the branches view has read the branches again; trusted workspaces only, since the move commits.
 */
export class PlanEditsOffer extends Disposable {
  private readonly showing = new Set<string>();

  constructor(
    private readonly services: CoordinatorServices,
    branches: PlanOnBranches,
  ) {
    super();
    this.register(branches.onDidChange(() => void this.checkAll()));
  }

  private async checkAll(): Promise<void> {
    for (const session of this.services.sessions.all) {
      await this.check(session);
    }
  }

  /** Looks for branches with plan edits not offered yet and offers each; resolves once shown. */
  async check(session: FolderSession): Promise<void> {
    const taskFile = session.taskFile?.fsPath;
    if (!vscode.workspace.isTrusted || !taskFile || this.isDisposed) {
      return;
    }
    let found: BranchWithPlanEdits[];
    try {
      found = await branchesWithPlanEdits(taskFile);
    } catch (error) {
      this.services.log.warn(
        `Looking for branches with plan edits failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const answered = new Set(this.answered());
    for (const branch of found) {
      const key = offerKey(session, branch);
      if (!answered.has(key) && !this.showing.has(key)) {
        this.showing.add(key);
        void this.offer(session, branch, key).finally(() => this.showing.delete(key));
      }
    }
  }

  private async offer(
    session: FolderSession,
    branch: BranchWithPlanEdits,
    key: string,
  ): Promise<void> {
    const keys = branch.changes.map((change) => change.taskKey);
    const what = keys.length > 0 ? ` (${keys.join(', ')})` : '';
    const message = `${branch.branch} carries plan edits${what}. Move them onto the main plan before its pull request merges?`;
    for (;;) {
      const choice = await vscode.window.showInformationMessage(
        message,
        MOVE_PLAN_EDITS,
        SHOW_PLAN_EDITS_DIFF,
        NOT_NOW,
      );
      if (choice === SHOW_PLAN_EDITS_DIFF) {
        await this.showDiff(session, branch);
        continue;
      }
      // Dismissed or answered: not asked again for these edits.
      await this.remember(key);
      if (choice === MOVE_PLAN_EDITS) {
        const args: AdoptPlanEditsArgs = { session, branch: branch.branch, confirmed: true };
        await vscode.commands.executeCommand(Commands.adoptPlanEdits, args);
      }
      return;
    }
  }

  private async showDiff(session: FolderSession, branch: BranchWithPlanEdits): Promise<void> {
    const { root, path } = await planFileInRepo(session.taskFile!.fsPath);
    const name = path.split('/').pop() ?? path;
    await vscode.commands.executeCommand(
      'vscode.diff',
      planBlobUri(root, branch.forkBlob, `where ${branch.branch} forked/${name}`),
      planBlobUri(root, branch.tipBlob, `${branch.branch}/${name}`),
      `${name}: ${branch.branch}'s plan edits`,
    );
  }

  private answered(): string[] {
    return this.services.context.workspaceState.get<string[]>(ANSWERED_KEY) ?? [];
  }

  private async remember(key: string): Promise<void> {
    const kept = this.answered().filter((other) => other !== key);
    await this.services.context.workspaceState.update(
      ANSWERED_KEY,
      [...kept, key].slice(-MAX_ANSWERED),
    );
  }
}

function offerKey(session: FolderSession, branch: BranchWithPlanEdits): string {
  return `${session.folder.uri.toString()}\n${branch.branch}\n${branch.forkBlob}..${branch.tipBlob}`;
}
