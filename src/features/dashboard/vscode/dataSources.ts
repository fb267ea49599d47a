import * as vscode from 'vscode';
import type { DashboardExtras } from '../model/inputs';

/**
 * A feature that feeds the dashboard: guardrail results, pull requests and CI, worktrees, snapshot
 * history. `provide` is asked on every refresh of a folder's dashboard, so keep it cheap (cached).
 */
export interface DashboardDataProvider {
  /** Fires when the provider's data changed; with a folder, only that folder's dashboard refreshes. */
  readonly onDidChange?: vscode.Event<vscode.WorkspaceFolder | undefined>;
  provide(
    folder: vscode.WorkspaceFolder,
  ): DashboardExtras | undefined | Promise<DashboardExtras | undefined>;
}

/** The registry the dashboard reads its optional data from. */
export class DashboardDataSources implements vscode.Disposable {
  private readonly providers = new Set<DashboardDataProvider>();
  private readonly changed = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log?: vscode.LogOutputChannel) {}

  register(provider: DashboardDataProvider): vscode.Disposable {
    this.providers.add(provider);
    const listener = provider.onDidChange?.((folder) => this.changed.fire(folder));
    this.changed.fire(undefined);
    return new vscode.Disposable(() => {
      listener?.dispose();
      if (this.providers.delete(provider)) {
        this.changed.fire(undefined);
      }
    });
  }

  /** Everything the providers know about a folder; a provider that fails is logged and skipped. */
  async collect(folder: vscode.WorkspaceFolder): Promise<DashboardExtras> {
    const results = await Promise.all(
      [...this.providers].map(async (provider) => {
        try {
          return await provider.provide(folder);
        } catch (error) {
          this.log?.warn(`A dashboard data provider failed for ${folder.name}: ${String(error)}`);
          return undefined;
        }
      }),
    );
    return mergeExtras(results);
  }

  dispose(): void {
    this.providers.clear();
    this.changed.dispose();
  }
}

export function mergeExtras(parts: readonly (DashboardExtras | undefined)[]): DashboardExtras {
  const merged: DashboardExtras = {};
  for (const part of parts) {
    if (!part) {
      continue;
    }
    for (const name of [
      'guardrails',
      'pullRequests',
      'worktrees',
      'history',
      'branchPlans',
      'awaitedReviews',
      'attention',
      'conflictingPairs',
    ] as const) {
      const values = part[name];
      if (values) {
        (merged[name] as unknown[] | undefined) = [
          ...((merged[name] as unknown[] | undefined) ?? []),
          ...values,
        ];
      }
    }
    merged.github ??= part.github;
    merged.conflicts ??= part.conflicts;
  }
  return merged;
}
