import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import {
  contentSecurityPolicy,
  createNonce,
  dashboardHtml,
} from '../../../src/features/dashboard/vscode/html';

describe('dashboard page HTML', () => {
  const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
  const webview = {
    cspSource,
    asWebviewUri: (uri: { path: string }) => ({ toString: () => `${cspSource}${uri.path}` }),
  } as unknown as vscode.Webview;
  const assets = {
    path: '/ext/dist/webview',
    with: (change: { path: string }) => ({ path: change.path }),
  } as unknown as vscode.Uri;

  it("allows only nonce'd scripts and our own styles and fonts", () => {
    const policy = contentSecurityPolicy(cspSource, 'abc');
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|http:|\*/);
    // Workers only from blobs the page makes itself (the graph layout), never from a URL.
    assert.match(policy, /worker-src blob:(;|$)/);
    assert.doesNotMatch(policy, /child-src|connect-src/);
  });

  it('puts the nonce on every script and loads assets only from the webview root', () => {
    const nonce = createNonce();
    const html = dashboardHtml(webview, assets, nonce);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`));
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      assert.ok(url.startsWith(`${cspSource}/ext/dist/webview/`), url);
    }
  });

  it('makes a different 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    assert.equal(Buffer.from([...nonces][0], 'base64').length, 16);
  });
});
