import * as vscode from 'vscode';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { mergeTaskFiles } from '../model/mergeTaskFiles';

const COMPARE = 'Compare with File on Disk';

/**
 * Keeps a person's unsaved edits of an open task file and the writes that agents make to the
 * file on disk meanwhile. When the file changes on disk under a document with unsaved edits, the
 * three texts (the file as the document last matched it, the document, the file now) are merged
 * by the plan's field rules: the document is reloaded from disk and the person's edits are put
 * back on top as unsaved edits, so saving later loses neither. Where both changed the same field
 * the field's rule decides; where the merge cannot reconcile them (or the document does not
 * parse) the document is left as it is and the person is told, with a way to compare.
 */
export class UnsavedPlanEdits extends Disposable {
  /** Text of each task file as its open document last matched it on disk. */
  private readonly onDisk = new Map<string, string>();
  /** Disk texts already reported as not mergeable, so each is said once. */
  private readonly reported = new Set<string>();
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly services: CoordinatorServices) {
    super();
    const remember = (document: vscode.TextDocument) => {
      if (!document.isDirty && this.isTaskFile(document.uri)) {
        this.onDisk.set(document.uri.fsPath, document.getText());
      }
    };
    vscode.workspace.textDocuments.forEach(remember);
    this.register(vscode.workspace.onDidOpenTextDocument(remember));
    this.register(vscode.workspace.onDidSaveTextDocument(remember));
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) =>
        this.onDisk.delete(document.uri.fsPath),
      ),
    );
    this.register(
      services.sessions.onDidChange(() => {
        for (const session of services.sessions.all) {
          this.running = this.running.then(() => this.reconcile(session)).catch(() => undefined);
        }
      }),
    );
  }

  private isTaskFile(uri: vscode.Uri): boolean {
    return this.services.sessions.all.some((session) => session.taskFile?.fsPath === uri.fsPath);
  }

  private async reconcile(session: FolderSession): Promise<void> {
    const uri = session.taskFile;
    const disk = session.state?.text;
    if (!uri || disk === undefined) {
      return;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath);
    if (!document) {
      return;
    }
    const base = this.onDisk.get(uri.fsPath);
    if (!document.isDirty || base === undefined) {
      if (!document.isDirty) {
        this.onDisk.set(uri.fsPath, disk);
      }
      return;
    }
    if (base === disk) {
      return;
    }
    const ours = document.getText();
    const merged = mergeTaskFiles(base, ours, disk);
    if (merged.kind !== 'merged') {
      this.tellOnce(disk, document, merged.conflicts.map((c) => c.path).join(', '));
      return;
    }
    // Reload from disk (the document then matches the file, so a later save is not refused as
    // older than the file), then put the person's edits back on top as unsaved edits.
    await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
    this.onDisk.set(uri.fsPath, disk);
    if (merged.text !== disk) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), merged.text);
      await vscode.workspace.applyEdit(edit);
    }
    void vscode.window.setStatusBarMessage(
      `$(git-merge) Merged changes from disk into your unsaved edits of ${vscode.workspace.asRelativePath(uri)}`,
      8000,
    );
    const decided = merged.decisions.map((d) => `${d.path}: ${d.message}`);
    this.services.log.info(
      `${vscode.workspace.asRelativePath(uri)} changed on disk under unsaved edits; merged them${decided.length ? ` (${decided.join('; ')})` : ''}.`,
    );
  }

  private tellOnce(disk: string, document: vscode.TextDocument, where: string): void {
    if (this.reported.has(disk)) {
      return;
    }
    this.reported.add(disk);
    const name = vscode.workspace.asRelativePath(document.uri);
    void vscode.window
      .showWarningMessage(
        `${name} changed on disk while you have unsaved edits, and they could not be merged${where ? ` (${where})` : ''}. Your edits are kept in the editor.`,
        COMPARE,
      )
      .then((choice) => {
        if (choice === COMPARE) {
          void vscode.commands.executeCommand(
            'workbench.files.action.compareWithSaved',
            document.uri,
          );
        }
      });
  }
}
