// PR and CI state in the Tasks view as a person sees it, served by the fake GitHub started here in
// the driver on 127.0.0.1 with the real `gh pr list` output. The token comes from the scenario's
// environment (allowed by its user settings); the API address is set below once the fake listens.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub, pullsFromGhPrList, shaFor, type GhPrListEntry } from '../support/fake-github';
import { dashboardFrame, runPaletteCommand } from './dashboardUi';
import { foldTopGroups, widenAndHover } from './treeHover';
import { workbench } from './support/context';

const FIXTURE = path.resolve(__dirname, '../fixtures/lukhas/pr_status_20251016T053229.json');

describe('pull requests in the Tasks view (UI)', () => {
  let fake: FakeGitHub;

  before(async () => {
    const entries = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as GhPrListEntry[];
    fake = await FakeGitHub.start({
      owner: 'LukhasAI',
      repo: 'Lukhas',
      pulls: pullsFromGhPrList(entries),
    });
    fake.state.checkRuns.set(shaFor('chore/claude/coordination-dashboard'), [
      { name: 'unit', status: 'completed', conclusion: 'success' },
      { name: 'lint', status: 'completed', conclusion: 'failure' },
    ]);
    const settings = path.join(workbench().options.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(
      settings,
      JSON.stringify({ 'coordinator.github.apiBaseUrl': fake.url }, null, 2),
    );
  });

  after(() => fake?.close());

  it('shows PR #410 with its failing check on the tasks of its branch, with a screenshot', async () => {
    const wb = workbench();
    await wb.openViewContainer('Agent Coordinator');
    await wb.view('Tasks').waitFor();
    await foldTopGroups(wb);
    const dashboard = wb.treeItem(/Coordination Dashboard.*#410 ✗ 1 failing/, 'Tasks');
    await dashboard.waitFor({ timeout: 45_000 });
    const guardrails = wb.treeItem(/Pre-Audit Guardrails Checklist.*#410 ✗ 1 failing/, 'Tasks');
    await guardrails.waitFor();
    assert.ok(fake.requestCount((e) => e.path.endsWith('/pulls')) >= 1);

    const text = await widenAndHover(wb.page, dashboard, 'Pull request');
    assert.match(text, /#410/);
    assert.match(text, /failing: lint/);
    assert.match(text, /Updated/);
    await wb.screenshot('github-tasks-pr');
  });

  it('shows the open PRs and CI failures on the dashboard, and how old that GitHub data is', async () => {
    const wb = workbench();
    await runPaletteCommand(wb.page, 'Coordinator: Open Dashboard');
    const view = await dashboardFrame(wb.page);
    await view.locator('.github-freshness').waitFor({ timeout: 30_000 });
    assert.match(
      (await view.locator('.github-freshness').textContent()) ?? '',
      /Pull requests and CI from GitHub, (just now|\d+ min ago)/,
    );
    const open = fake.state.pulls.filter((pull) => pull.state === 'open').length;
    assert.equal(
      await view.locator('[data-card="openPrs"] .card-value').textContent(),
      String(open),
    );
    assert.ok(
      Number(await view.locator('[data-card="ciFailures"] .card-value').textContent()) >= 1,
      'the failing lint check counts',
    );
    await wb.screenshot('github-dashboard');
  });
});
