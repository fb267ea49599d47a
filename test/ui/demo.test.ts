// The demo of `npm run demo` as a new user sees it: pull requests and a failing CI check from the
// demo's stand-in GitHub (started here in the driver, as the demo starts it), then a task started
// from the palette whose stand-in agent works, asks a question in its terminal and finishes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator } from 'playwright-core';
import { dashboardFrame, runPaletteCommand } from './dashboardUi';
import { foldTopGroups, unfoldGroup, widenAndHover } from './treeHover';
import { workbench } from './support/context';

interface DemoGitHub {
  url: string;
  requestCount(filter?: (exchange: { path: string }) => boolean): number;
  close(): Promise<void>;
}

/** What one terminal shows, as one line (the DOM renderer wraps long lines). */
async function terminalText(terminal: Locator): Promise<string> {
  const texts = await terminal.locator('.xterm-rows').allInnerTexts();
  return texts.join(' ').replace(/\s+/g, ' ');
}

const DEMO_GITHUB = path.resolve(__dirname, '../../scripts/demo/demo-github.mjs');

describe('the demo (UI)', () => {
  let github: DemoGitHub;

  before(async () => {
    const { startDemoGitHub } = (await import(pathToFileURL(DEMO_GITHUB).href)) as {
      startDemoGitHub(): Promise<DemoGitHub>;
    };
    github = await startDemoGitHub();
    // The demo writes the address before VS Code starts; here the fake listens only now.
    const file = path.join(workbench().options.workspace, '.vscode', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    settings['coordinator.github.apiBaseUrl'] = github.url;
    fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  });

  after(() => github?.close());

  it('shows the demo PRs with the failing check in the tree, labelled as demo data', async () => {
    const wb = workbench();
    await wb.openViewContainer('Agent Coordinator');
    await wb.view('Tasks').waitFor();
    await foldTopGroups(wb);
    const dashboard = wb.treeItem(/Coordination Dashboard.*#410 ✗ 1 failing/, 'Tasks');
    await dashboard.waitFor({ timeout: 60_000 });
    assert.ok(github.requestCount((e) => e.path.endsWith('/pulls')) >= 1);
    const text = await widenAndHover(wb.page, dashboard, 'Pull request');
    assert.match(text, /#410/);
    assert.match(text, /demo data/);
    assert.match(text, /failing: lint/);
    await wb.screenshot('demo-tree-prs');
    await wb.page.keyboard.press('Escape');
    for (const group of ['Top 5']) {
      await wb.treeItem(new RegExp(`^${group}`), 'Tasks').click();
    }
  });

  it('starts a task from the palette; its stand-in agent works, asks in its terminal and finishes', async function () {
    // The stand-in agent paces its steps, and each state waits up to 90 s on a loaded machine.
    this.timeout(240_000);
    const wb = workbench();
    await runPaletteCommand(wb.page, 'Coordinator: Start Task in Worktree');
    await wb.pickQuickItem(/Streaming RL Headers/, 'Streaming RL');
    // The first test folded the groups above Claude code; the started task is in Top 5.
    await unfoldGroup(wb, 'Top 5');
    const row = (state: RegExp) =>
      wb.treeItem(new RegExp(`Streaming RL Headers.*${state.source}`), 'Tasks');
    await row(/needs input/).waitFor({ timeout: 90_000 });
    // The terminal whose agent waits for an answer (an earlier agent's may be open too), pinned
    // by its position: its lines scroll on once it is answered.
    const position = await wb.page.waitForFunction(
      () => {
        const wrappers = [...document.querySelectorAll('.terminal-wrapper')];
        const index = wrappers.findIndex((wrapper) =>
          [...wrapper.querySelectorAll('.xterm-rows > div')].some((line) =>
            /\[y\/n\]\s*$/.test(line.textContent ?? ''),
          ),
        );
        // Zero would read as "not yet": one past the index.
        return index + 1;
      },
      undefined,
      { timeout: 90_000 },
    );
    const terminal = wb.page.locator('.terminal-wrapper').nth((await position.jsonValue()) - 1);
    const rows = await terminalText(terminal);
    assert.match(rows, /\[demo-agent\] Add the new check .*\[y\/n\]/);
    const notFound = rows.indexOf('command not found');
    assert.equal(
      notFound,
      -1,
      `the terminal says: …${rows.slice(Math.max(0, notFound - 400), notFound + 40)}`,
    );
    const bell = await wb.statusBarText(/need input/);
    assert.match(bell, /1 need input/);
    await wb.screenshot('demo-agent-needs-input');

    await terminal.click();
    await wb.page.keyboard.type('y');
    await wb.page.keyboard.press('Enter');
    await row(/agent finished/).waitFor({ timeout: 90_000 });
    const after = await terminalText(terminal);
    assert.match(after, /Finished\. Review the work/);
    await wb.screenshot('demo-agent-finished');
  });

  it('shows the open demo PRs and the CI failure on the dashboard', async () => {
    const wb = workbench();
    await runPaletteCommand(wb.page, 'Coordinator: Open Dashboard');
    const view = await dashboardFrame(wb.page);
    await view.locator('.github-freshness').waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('[data-card="openPrs"] .card-value').textContent(), '2');
    assert.equal(await view.locator('[data-card="ciFailures"] .card-value').textContent(), '1');
    await wb.screenshot('demo-dashboard');
  });
});
