import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce for every page: 128 random bits. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy of the dashboard: nothing loads but our own assets, nonce'd script and its worker. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    // The graph's layout worker: VS Code webviews start workers only from blob: (or data:) URLs,
    // and the page makes that blob itself from code in its nonce'd bundle.
    'worker-src blob:',
  ].join('; ');
}

/** Which page the bundled client draws: the whole dashboard or one task's detail. */
export type WebviewPage = 'dashboard' | 'task';

/** The dashboard page: a root element, our stylesheet, codicons, and the bundled client. */
export function dashboardHtml(
  webview: vscode.Webview,
  assets: vscode.Uri,
  nonce: string,
  page: WebviewPage = 'dashboard',
): string {
  const asset = (name: string) => webview.asWebviewUri(joinUri(assets, name)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('codicon.css')}" nonce="${nonce}">
<link rel="stylesheet" href="${asset('dashboard.css')}" nonce="${nonce}">
<title>${page === 'task' ? 'Agent Coordinator Task' : 'Agent Coordinator Dashboard'}</title>
</head>
<body data-page="${page}">
<div id="root"></div>
<script nonce="${nonce}" src="${asset('dashboard.js')}"></script>
</body>
</html>`;
}

function joinUri(base: vscode.Uri, name: string): vscode.Uri {
  return base.with({ path: `${base.path.replace(/\/$/, '')}/${name}` });
}
