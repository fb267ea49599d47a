import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle';

export interface WatchTargets {
  folder: vscode.WorkspaceFolder;
  /** The canonical task file; may be outside the workspace (main worktree of a linked worktree). */
  taskFile: string | undefined;
  /** The HEAD file of the folder's worktree, to follow checkouts. */
  gitHead: string | undefined;
}

/**
 * Narrow watchers for one folder session: the task file itself, git HEAD, and while there is no
 * task file, the creation of one. Each calls back; debouncing is the caller's.
 */
export class TaskFileWatchers extends Disposable {
  constructor(targets: WatchTargets, onFileChanged: () => void, onDiscoveryMayChange: () => void) {
    super();
    if (targets.taskFile) {
      // An atomic replace shows as delete + create: all three mean "read again"; a read that finds
      // no file re-runs discovery.
      this.watch(exactFile(targets.taskFile), onFileChanged, onFileChanged);
    } else {
      this.watch(new vscode.RelativePattern(targets.folder, '**/task_status.json'), onDiscoveryMayChange, onDiscoveryMayChange);
    }
    if (targets.gitHead) {
      this.watch(exactFile(targets.gitHead), onDiscoveryMayChange, onDiscoveryMayChange);
    }
  }

  private watch(pattern: vscode.RelativePattern, onChange: () => void, onCreateOrDelete: () => void): void {
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(pattern));
    this.register(watcher.onDidChange(onChange));
    this.register(watcher.onDidCreate(onCreateOrDelete));
    this.register(watcher.onDidDelete(onCreateOrDelete));
  }
}

function exactFile(path: string): vscode.RelativePattern {
  return new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path));
}
