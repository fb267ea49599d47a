import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../../src/features/dashboard/vscode/html';
import type { HostMessage } from '../../../src/protocol/messages';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inlineWorker } = require('../../../scripts/esbuild/inlineWorker') as {
  inlineWorker(): import('esbuild').Plugin;
};

const root = path.resolve(__dirname, '../../..');

/**
 * The dashboard page in real headless Chromium, served from 127.0.0.1 under the same CSP the
 * extension sends, with a stub `acquireVsCodeApi` that records posted messages and keeps
 * `setState` across reloads (as VS Code does).
 */
export class DashboardPage {
  private constructor(
    private readonly browser: Browser,
    private readonly server: Server,
    private readonly dir: string,
    readonly page: Page,
  ) {}

  static async start(): Promise<DashboardPage> {
    const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-page-'));
    await build({
      entryPoints: [path.join(root, 'src/webview/main.ts')],
      outfile: path.join(dir, 'dashboard.js'),
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      logLevel: 'error',
      plugins: [inlineWorker()],
    });
    const codicons = path.join(root, 'node_modules/@vscode/codicons/dist');
    copyFileSync(path.join(codicons, 'codicon.css'), path.join(dir, 'codicon.css'));
    copyFileSync(path.join(codicons, 'codicon.ttf'), path.join(dir, 'codicon.ttf'));
    const server = createServer((request, response) => {
      const name = (request.url ?? '/').split('?')[0].replace(/^\/+/, '') || 'index.html';
      if (name === 'index.html') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(pageHtml(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
        return;
      }
      if (!/^[\w.-]+$/.test(name)) {
        response.writeHead(404).end();
        return;
      }
      try {
        const types: Record<string, string> = {
          js: 'text/javascript',
          css: 'text/css',
          ttf: 'font/ttf',
        };
        const body = readFileSync(path.join(dir, name));
        response.writeHead(200, {
          'content-type': types[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const harness = new DashboardPage(browser, server, dir, page);
    await harness.load();
    return harness;
  }

  /** (Re)loads the page and waits for its `ready` message. */
  async load(): Promise<void> {
    const port = (this.server.address() as { port: number }).port;
    await this.page.goto(`http://127.0.0.1:${port}/index.html`);
    await this.page.waitForFunction(() =>
      (window as unknown as Stub).__posted.some((m) => m.type === 'ready'),
    );
  }

  async send(message: HostMessage): Promise<void> {
    await this.page.evaluate((json) => {
      window.dispatchEvent(new MessageEvent('message', { data: JSON.parse(json) }));
    }, JSON.stringify(message));
  }

  posted(): Promise<{ type: string; [key: string]: unknown }[]> {
    return this.page.evaluate(() => (window as unknown as Stub).__posted);
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as Stub).__violations);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Stub {
  __posted: { type: string; [key: string]: unknown }[];
  __violations: string[];
}

function pageHtml(origin: string): string {
  const nonce = randomBytes(16).toString('base64');
  const stub = `
    window.__posted = [];
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(m),
      getState: () => JSON.parse(sessionStorage.getItem('state') || 'null') ?? undefined,
      setState: (s) => sessionStorage.setItem('state', JSON.stringify(s)),
    });`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(origin, nonce)}">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${origin}/codicon.css">
<link rel="stylesheet" href="${origin}/dashboard.css">
<script nonce="${nonce}">${stub}</script>
</head><body><div id="root"></div><script nonce="${nonce}" src="${origin}/dashboard.js"></script></body></html>`;
}
