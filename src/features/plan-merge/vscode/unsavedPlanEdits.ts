import * as vscode from 'vscode';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { mergeTaskFiles } from '../model/mergeTaskFiles';

const COMPARE = 'Compare with File on Disk';
const REPLACE_ATTEMPTS = 5;
const RELOAD_WAIT_MS = 5000;

/**
 * The document's text once the revert has landed in this extension host (the command can resolve
 * before the reloaded text and the clean state reach it), or as it is after a few seconds.
 */
async function reloadedText(document: vscode.TextDocument): Promise<string> {
  if (document.isDirty) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, RELOAD_WAIT_MS);
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document && !document.isDirty) {
          done();
        }
      });
    });
  }
  return document.getText();
}

/**
 * Replaces the whole text of the document. VS Code refuses an edit made against a version it has
 * replaced meanwhile (a reload or a keystroke landing between), so it is tried again on the
 * version then current.
 */
async function replaceText(document: vscode.TextDocument, text: string): Promise<boolean> {
  for (let attempt = 1; attempt <= REPLACE_ATTEMPTS; attempt++) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    if (await vscode.workspace.applyEdit(edit)) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
  return false;
}

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
    const reloaded = await reloadedText(document);
    let result = merged;
    if (reloaded !== disk) {
      // The file moved again while it was reloading: merge against what VS Code loaded.
      const again = mergeTaskFiles(base, ours, reloaded);
      if (again.kind !== 'merged') {
        this.onDisk.set(uri.fsPath, reloaded);
        await this.putBack(document, ours);
        this.tellOnce(reloaded, document, again.conflicts.map((c) => c.path).join(', '));
        return;
      }
      result = again;
    }
    this.onDisk.set(uri.fsPath, reloaded);
    if (result.text !== reloaded && !(await this.putBack(document, result.text))) {
      return;
    }
    void vscode.window.setStatusBarMessage(
      `$(git-merge) Merged changes from disk into your unsaved edits of ${vscode.workspace.asRelativePath(uri)}`,
      8000,
    );
    const decided = result.decisions.map((d) => `${d.path}: ${d.message}`);
    this.services.log.info(
      `${vscode.workspace.asRelativePath(uri)} changed on disk under unsaved edits; merged them${decided.length ? ` (${decided.join('; ')})` : ''}.`,
    );
  }

  /** Puts `text` into the document as unsaved edits, or into an untitled editor if VS Code refuses. */
  private async putBack(document: vscode.TextDocument, text: string): Promise<boolean> {
    if (await replaceText(document, text)) {
      return true;
    }
    await this.keepInUntitled(document, text);
    return false;
  }

  /** The last resort when VS Code keeps refusing the edit: the merged text is not lost. */
  private async keepInUntitled(document: vscode.TextDocument, text: string): Promise<void> {
    const copy = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(copy, { preview: false });
    const name = vscode.workspace.asRelativePath(document.uri);
    this.services.log.warn(
      `${name} changed on disk under unsaved edits; the merged text could not be put back into its editor and is in an untitled editor.`,
    );
    void vscode.window.showWarningMessage(
      `${name} changed on disk while you had unsaved edits. Your edits, merged with the change, are in an untitled editor: VS Code did not let them be put back.`,
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
