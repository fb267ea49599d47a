import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { watchFile } from '../../../../platform/files/watchFile';
import { Disposable } from '../lifecycle';

export interface WatchTargets {
  folder: vscode.WorkspaceFolder;
  /** The canonical task file; may be outside the workspace (main worktree of a linked worktree). */
  taskFile: string | undefined;
  /** The HEAD file of the folder's worktree, to follow checkouts. */
  gitHead: string | undefined;
}

/**
 * Narrow watchers for one folder session's current discovery: the task file itself (which may be
 * outside the folder) and git HEAD. Rebuilt when discovery changes; debouncing is the caller's.
 * Each file is watched both through VS Code and directly (see `watchFile` for why); the caller's
 * debouncer folds the doubled events into one read.
 */
export class TaskFileWatchers extends Disposable {
  constructor(targets: WatchTargets, onFileChanged: () => void, onDiscoveryMayChange: () => void) {
    super();
    if (targets.taskFile) {
      // An atomic replace shows as delete + create: all three mean "read again"; a read that finds
      // no file re-runs discovery.
      this.watch(exactFile(targets.taskFile), onFileChanged, onFileChanged);
      this.register(watchFile(targets.taskFile, onFileChanged));
    }
    if (targets.gitHead) {
      this.watch(exactFile(targets.gitHead), onDiscoveryMayChange, onDiscoveryMayChange);
      this.register(watchFile(targets.gitHead, onDiscoveryMayChange));
    }
  }

  private watch(
    pattern: vscode.RelativePattern,
    onChange: () => void,
    onCreateOrDelete: () => void,
  ): void {
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(pattern));
    this.register(watcher.onDidChange(onChange));
    this.register(watcher.onDidCreate(onCreateOrDelete));
    this.register(watcher.onDidDelete(onCreateOrDelete));
  }
}

function exactFile(path: string): vscode.RelativePattern {
  return new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path));
}

/**
 * Task files appearing in or going from the folder, for the whole life of its session. It is never
 * rebuilt: a new watcher starts listening only after a moment, so a file deleted right after it
 * was found would otherwise go unnoticed. Edits are the exact watcher's business.
 */
export function watchTaskFilesInFolder(
  folder: vscode.WorkspaceFolder,
  onCreateOrDelete: () => void,
): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(folder, '**/task_status.json'),
    false,
    true,
    false,
  );
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(onCreateOrDelete),
    watcher.onDidDelete(onCreateOrDelete),
  );
}
