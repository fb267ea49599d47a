import * as vscode from 'vscode';
import { readBlobs } from '../../../platform/git';

/** The scheme of read-only documents holding one git blob (a branch's copy of the plan). */
export const PLAN_BLOB_SCHEME = 'coordinator-plan-blob';

/** A document for the blob `blob` of the repository at `root`, named `label` in its tab. */
export function planBlobUri(root: string, blob: string, label: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: PLAN_BLOB_SCHEME,
    path: `/${label}`,
    query: new URLSearchParams({ root, blob }).toString(),
  });
}

/** Serves `planBlobUri` documents from git; they never change, since a blob never does. */
export function registerPlanBlobDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PLAN_BLOB_SCHEME, {
    async provideTextDocumentContent(uri) {
      const query = new URLSearchParams(uri.query);
      const root = query.get('root');
      const blob = query.get('blob');
      if (!root || !blob) {
        return '';
      }
      const [text] = await readBlobs(root, [blob]);
      return text ?? '';
    },
  });
}
