import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { gitPath } from '../../../platform/git';

/**
 * Watches only what changes the worktree list and its heads: `worktrees/**` (added, removed, locked,
 * moved HEADs), the main `HEAD` and local branch refs, in the repository's common git dir.
 */
export async function watchGitDir(
  mainRoot: string,
  onChange: () => void,
): Promise<vscode.Disposable> {
  const common = dirname(await gitPath(mainRoot, 'worktrees'));
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.file(common), '{HEAD,worktrees/**,refs/heads/**}'),
  );
  const listeners = [
    watcher.onDidCreate(onChange),
    watcher.onDidChange(onChange),
    watcher.onDidDelete(onChange),
  ];
  return vscode.Disposable.from(watcher, ...listeners);
}
