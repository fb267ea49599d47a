// `node --import tsx scripts/vscode/details-page.mjs [--serve-images-from-checkout]`: packages the
// .vsix, installs it in a real VS Code (code-server) and screenshots the extension's Details page
// (docs/images/details-page.png), printing every README image request and how it ended.
//
// vsce rewrites the README's relative image links to the repository's raw URLs on github.com, which
// this machine cannot reach. --serve-images-from-checkout answers those requests, and only those,
// with the files of this checkout at the same paths (what github.com serves once they are pushed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { runAllCleanups } from './cleanup.mjs';
import { prepareStateDir, runCodeServerCli, startCodeServer } from './code-server.mjs';
import { packageVsix } from './package-vsix.mjs';
import { projectRoot } from './paths.mjs';
import { provision } from './provision.mjs';
import { createGitRepo } from './workspaces.mjs';

const serveFromCheckout = process.argv.includes('--serve-images-from-checkout');
// Tall enough for the icon and every README image at once.
const VIEWPORT = { width: 1400, height: 2600 };
const output = path.join(projectRoot, 'docs', 'images', 'details-page.png');
const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
const rawPrefix = `${manifest.repository.url.replace(/\.git$/, '')}/raw/HEAD/`;

async function main() {
  provision();
  const vsix = packageVsix();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coordinator-details-'));
  const { userDataDir, extensionsDir } = prepareStateDir(stateDir);
  await runCodeServerCli([
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--install-extension',
    vsix,
  ]);
  const folder = createGitRepo(path.join(stateDir, 'Empty'), { 'README.md': '# Empty\n' });
  const server = await startCodeServer({ folder, stateDir });
  const { browser } = await launchBrowser();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const images = new Map();
  if (serveFromCheckout) {
    await context.route(`${rawPrefix}**`, (route) => {
      const relative = route.request().url().slice(rawPrefix.length);
      const file = path.join(projectRoot, relative);
      return fs.existsSync(file) && !relative.includes('..')
        ? route.fulfill({ path: file })
        : route.fulfill({ status: 404 });
    });
  }
  const page = await context.newPage();
  const isImage = (request) => request.resourceType() === 'image' || /\.png$/.test(request.url());
  page.on('requestfinished', async (request) => {
    if (isImage(request)) {
      const response = await request.response();
      images.set(request.url(), `HTTP ${response?.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (isImage(request)) {
      images.set(request.url(), `failed: ${request.failure()?.errorText}`);
    }
  });
  await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+Shift+X');
  const search = page
    .locator(
      '.extensions-viewlet .suggest-input-container textarea, .extensions-viewlet .monaco-editor textarea',
    )
    .first();
  await search.waitFor({ timeout: 30_000 });
  await search.click({ force: true });
  await page.keyboard.type('@installed Agent Coordinator');
  const item = page
    .locator('.extensions-viewlet .monaco-list-row', { hasText: 'Agent Coordinator' })
    .first();
  await item.waitFor({ timeout: 30_000 });
  await item.click();
  const editor = page.locator('.extension-editor');
  await editor.waitFor({ timeout: 30_000 });
  // The README renders in a webview; give its images time to load or fail.
  await page.waitForTimeout(8_000);
  const icon = await editor.locator('.header .icon').first().getAttribute('src');
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  const frames = page.frames();
  const readmeImages = [];
  for (const frame of frames) {
    const found = await frame
      .evaluate(() =>
        [...globalThis.document.images].map((image) => ({
          src: image.src,
          loaded: image.complete && image.naturalWidth > 0,
          width: image.naturalWidth,
        })),
      )
      .catch(() => []);
    readmeImages.push(...found.filter((image) => !image.src.startsWith('data:')));
  }
  console.log(`\nDetails page: ${output}`);
  console.log(`  icon: ${icon}`);
  console.log(`  README images served from this checkout: ${serveFromCheckout}`);
  for (const image of readmeImages) {
    console.log(
      `  ${image.loaded ? 'rendered' : 'NOT rendered'} ${image.src} (${image.width} px wide)`,
    );
  }
  for (const [url, outcome] of images) {
    console.log(`  request ${url}: ${outcome}`);
  }
  await context.close();
  await browser.close();
  await server.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
}

main()
  .catch(async (error) => {
    console.error(`details-page: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => runAllCleanups());
