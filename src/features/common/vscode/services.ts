import type * as vscode from 'vscode';
import type { LoadedTaskFile } from '../../../kernel/model/types';
import type { TaskEdit } from '../../../kernel/edits/types';

/**
 * The seam every feature of the extension is built on. `activate()` creates one
 * `CoordinatorServices`, and each feature registers itself with it.
 */

/** One workspace folder's view of its canonical task file. */
export interface FolderSession extends vscode.Disposable {
  readonly folder: vscode.WorkspaceFolder;
  /** The canonical task file (the main worktree's), or undefined when none was found. */
  readonly taskFile: vscode.Uri | undefined;
  /** The latest read. When the file is broken, `model` is still the last good one. */
  readonly state: LoadedTaskFile | undefined;
  /** Fires after every re-read (external write, git checkout, our own edit) and on discovery changes. */
  readonly onDidChange: vscode.Event<FolderSession>;
  /** Applies edits through the one store (lock, minimal edit, atomic replace). Throws when broken. */
  apply(edits: TaskEdit | TaskEdit[]): Promise<void>;
  /** Re-runs discovery and re-reads the file. */
  reload(): Promise<void>;
}

export interface WorkspaceSessions {
  readonly all: readonly FolderSession[];
  readonly onDidChange: vscode.Event<void>;
  /** The session for the folder holding this uri, or the only/first one. */
  sessionFor(uri?: vscode.Uri): FolderSession | undefined;
  /** Asks the user to pick a folder when there are several with task files. */
  pickSession(placeHolder?: string): Promise<FolderSession | undefined>;
}

export interface CoordinatorServices {
  readonly context: vscode.ExtensionContext;
  readonly sessions: WorkspaceSessions;
  /** The "Coordinator" log channel. */
  readonly log: vscode.LogOutputChannel;
}
