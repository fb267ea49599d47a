// Headless Debian Chromium driving the code-server workbench through playwright-core.
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';
import { chromiumArgs, chromiumPath, projectRoot } from './paths.mjs';

/** @returns {Promise<{ browser: import('playwright-core').Browser, close: () => Promise<void> }>} */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  });
  const close = onCleanup(() => browser.close());
  return { browser, close };
}

/**
 * The workbench URL that opens `folder` with the extension under development loaded and, when
 * `testsPath` is given, runs its exported run() inside the extension host.
 */
export function workbenchUrl({ baseUrl, folder, extensionPath = projectRoot, testsPath }) {
  const remote = (absolute) => `vscode-remote://${new URL(baseUrl).host}${absolute}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
  }
  const url = new URL(baseUrl);
  url.searchParams.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', folder);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** Opens a fresh page on `url` and waits until the workbench is drawn. */
export async function openWorkbench(browser, url, { width = 1400, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { page, close: () => context.close() };
}
