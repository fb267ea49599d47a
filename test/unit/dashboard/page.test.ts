import { strict as assert } from 'node:assert';
import { diffDashboard } from '../../../src/features/dashboard/model';
import { NO_FILTERS, matchesFilters } from '../../../src/webview/filters';
import { truncate } from '../../../src/webview/labels';
import { DashboardPage } from './pageHarness';
import { fixtureText, viewModelOf, withStatus } from './fixtures';

describe('dashboard page in Chromium', function () {
  this.timeout(60_000);
  let harness: DashboardPage;

  before(async () => {
    harness = await DashboardPage.start();
  });

  after(async () => {
    await harness?.close();
  });

  beforeEach(async () => {
    await harness.page.evaluate(() => sessionStorage.clear());
    await harness.load();
  });

  it('shows the real fixture: card numbers, a task card and every task in the graph', async () => {
    const model = viewModelOf(fixtureText('lukhas'));
    await harness.send({ type: 'state', model });
    const page = harness.page;
    const card = (id: string) => page.locator(`[data-card="${id}"] .card-value`).textContent();
    assert.equal(await card('total'), String(model.summary.total));
    assert.equal(await card('inProgress'), String(model.summary.inProgress));
    assert.equal(await card('completed'), String(model.summary.completed));
    assert.equal(await card('ready'), String(model.summary.ready));
    assert.equal(await card('blocked'), String(model.summary.blocked + model.summary.waiting));
    assert.equal(await card('completion'), `${model.summary.completionPercentage}%`);
    const task = model.tasks.find((t) => t.status === 'in_progress') ?? model.tasks[0];
    const taskCard = page.locator(
      `.column-${task.displayStatus} .task-card[data-task-key="${task.key}"]`,
    );
    assert.equal(await taskCard.locator('.task-name').textContent(), task.name);
    assert.equal(await taskCard.locator('.task-owner').textContent(), task.owner);
    await page.locator('.graph[data-layout="drawn"]').waitFor();
    assert.equal(await page.locator('.graph-svg .node').count(), model.tasks.length);
    const edges = model.tasks.reduce(
      (n, t) => n + t.dependencies.filter((d) => d.taskKey).length,
      0,
    );
    assert.equal(await page.locator('.graph-svg .edge').count(), edges);
    // vscode-elements draw under the CSP: lit adopts constructed stylesheets, which style-src allows.
    const button = await page
      .locator('vscode-button')
      .first()
      .evaluate((b) => ({
        rendered: (b.shadowRoot?.childElementCount ?? 0) > 0,
        styled: (b.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0,
      }));
    assert.deepEqual(button, { rendered: true, styled: true });
    assert.deepEqual(await harness.cspViolations(), []);
  });

  it('renders every string of the XSS fixture as inert text', async () => {
    const model = viewModelOf(fixtureText('xss'));
    await harness.send({ type: 'state', model });
    const page = harness.page;
    await page.locator('#root[data-rendered="true"]').waitFor();
    for (const task of model.tasks) {
      const name = page.locator(`.task-card[data-task-key="${task.key}"] .task-name`);
      assert.equal(await name.textContent(), truncate(task.name, 200));
    }
    const report = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) =>
        e.getAttributeNames().filter((n) => n.startsWith('on')),
      ),
      links: [...document.querySelectorAll('[href]')]
        .map((e) => e.getAttribute('href') ?? '')
        .filter((h) => h.startsWith('javascript')),
      bold: document.querySelectorAll('#root b').length,
    }));
    assert.deepEqual(report, {
      xss: undefined,
      images: 0,
      scripts: 2,
      handlers: [],
      links: [],
      bold: 0,
    });
    // Interacting with the hostile task does nothing but select it and post typed actions.
    await page.locator('.task-card[data-task-key="xss_link"]').click();
    await page
      .locator('.board-layout .task-detail vscode-button[data-action="revealTask"]')
      .click();
    await page.locator('.node[data-task-key="xss_img"]').click();
    assert.equal(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      undefined,
    );
    const posted = await harness.posted();
    assert.deepEqual(
      posted.filter((m) => m.type !== 'ready'),
      [{ type: 'revealTask', taskKey: 'xss_link' }],
    );
    assert.deepEqual(await harness.cspViolations(), []);
  });

  it('applies a one-task delta in place and keeps the filters', async () => {
    const text = fixtureText('lukhas');
    const before = viewModelOf(text);
    await harness.send({ type: 'state', model: before });
    const page = harness.page;
    const target = before.tasks.find((t) => t.status === 'not_started')!;
    await page.locator('.filter-bar vscode-textfield').evaluate((field, value) => {
      (field as HTMLElement & { value: string }).value = value;
      field.dispatchEvent(new Event('input'));
    }, target.name);
    const shownBefore = await page.locator('.task-card:not([hidden])').count();
    const after = viewModelOf(withStatus(text, target.key, 'completed'));
    await harness.send({ type: 'delta', delta: diffDashboard(before, after) });
    assert.equal(
      await page.locator(`.column-completed .task-card[data-task-key="${target.key}"]`).count(),
      1,
    );
    assert.equal(
      await page
        .locator(`.column-${target.displayStatus} .task-card[data-task-key="${target.key}"]`)
        .count(),
      0,
    );
    assert.equal(
      await page.locator('[data-card="completed"] .card-value').textContent(),
      String(after.summary.completed),
    );
    assert.equal(await page.locator('.task-card:not([hidden])').count(), shownBefore);
    // The graph follows the same filter: it draws exactly the tasks the board's filter keeps.
    const matching = after.tasks.filter((t) =>
      matchesFilters(t, { ...NO_FILTERS, text: target.name }),
    );
    await page.waitForFunction(
      (count) => document.querySelectorAll('.graph-svg .node').length === count,
      matching.length,
    );
  });

  it('says how old the GitHub data is, and warns with the reason when the latest refresh failed', async () => {
    const model = viewModelOf(fixtureText('lukhas'));
    const page = harness.page;
    await harness.send({ type: 'state', model });
    assert.equal(await page.locator('.github-freshness').count(), 0, 'no GitHub data, no line');
    const fetchedAt = new Date(Date.now() - 12 * 60_000).toISOString();
    const withGitHub = { ...model, github: { fetchedAt } };
    await harness.send({ type: 'delta', delta: diffDashboard(model, withGitHub) });
    assert.equal(
      await page.locator('.github-freshness').textContent(),
      ' Pull requests and CI from GitHub, 12 min ago',
    );
    const failed = {
      ...model,
      github: { fetchedAt, problem: 'GitHub rate limit reached; retrying at 14:05' },
    };
    await harness.send({ type: 'delta', delta: diffDashboard(withGitHub, failed) });
    const banner = page.locator('.github-freshness.warning');
    assert.equal(await banner.getAttribute('role'), 'status');
    assert.equal(
      await banner.textContent(),
      ' Pull requests and CI as GitHub last answered, 12 min ago: GitHub rate limit reached; retrying at 14:05',
    );

    // Never answered, for want of a token: say so and offer to sign in.
    const signedOut = {
      ...model,
      github: { problem: 'Not signed in to GitHub.', signInNeeded: true },
    };
    await harness.send({ type: 'delta', delta: diffDashboard(failed, signedOut) });
    assert.match(
      (await page.locator('.github-freshness').textContent()) ?? '',
      /^ No pull request or CI data: Not signed in to GitHub\. Sign in to GitHub$/,
    );
    await page.locator('.github-freshness vscode-button', { hasText: 'Sign in to GitHub' }).click();
    assert.ok(
      (await harness.posted()).some((m) => m.type === 'signInToGitHub'),
      'the page asks the host to sign in',
    );

    // GitHub no longer wanted (no task has a branch or PR): the line goes.
    await harness.send({
      type: 'delta',
      delta: JSON.parse(JSON.stringify(diffDashboard(signedOut, model))),
    });
    assert.equal(await page.locator('.github-freshness').count(), 0);
  });

  it('restores filters, selection and scroll after a reload', async () => {
    const model = viewModelOf(fixtureText('lukhas'));
    await harness.send({ type: 'state', model });
    const page = harness.page;
    await page.locator('.filter-bar vscode-textfield').evaluate((field) => {
      (field as HTMLElement & { value: string }).value = 'review';
      field.dispatchEvent(new Event('input'));
    });
    const selected = model.tasks[model.tasks.length - 1];
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.waitForFunction(
      () => JSON.parse(sessionStorage.getItem('state') ?? '{}').scrollY === 400,
    );
    await harness.load();
    await page.evaluate(
      ([key]) =>
        sessionStorage.setItem(
          'state',
          JSON.stringify({
            ...JSON.parse(sessionStorage.getItem('state') ?? '{}'),
            selectedKey: key,
          }),
        ),
      [selected.key],
    );
    await harness.load();
    await harness.send({ type: 'state', model });
    const expected = model.tasks.filter((t) =>
      [t.name, t.key, t.id, t.branch ?? '', t.owner].some((f) =>
        f.toLowerCase().includes('review'),
      ),
    );
    assert.equal(await page.locator('.task-card:not([hidden])').count(), expected.length);
    assert.equal(
      await page
        .locator('.filter-bar vscode-textfield')
        .evaluate((f) => (f as HTMLElement & { value: string }).value),
      'review',
    );
    assert.equal(
      await page.locator('.board-layout .task-detail .detail-name').textContent(),
      selected.name,
    );
    assert.equal(await page.evaluate(() => window.scrollY), 400);
  });

  it('lists the attention queue at the top of the page; a click asks the host to open the item', async () => {
    const model = viewModelOf(fixtureText('lukhas'));
    const page = harness.page;
    await harness.send({ type: 'state', model });
    assert.equal(
      await page.locator('#section-attention .attention').textContent(),
      'Nothing waits for you.',
    );
    const id = 'agent:cc2_dashboard:needs_input:2026-11-29T12:00:00.000Z';
    await harness.send({
      type: 'delta',
      delta: diffDashboard(model, {
        ...model,
        attention: [
          {
            id,
            kind: 'agentNeedsInput',
            title: 'Claude Code on cc2_dashboard needs input',
            detail: 'Approve the migration?',
            taskKey: 'cc2_dashboard',
          },
        ],
      }),
    });
    const first = await page.locator('main > *').first().getAttribute('id');
    assert.equal(first, 'section-attention', 'the queue is the first section');
    const button = page.locator('[data-attention="agentNeedsInput"]');
    assert.equal(await button.textContent(), 'Claude Code on cc2_dashboard needs input');
    assert.match(
      (await page.locator('#section-attention .queue-detail').textContent()) ?? '',
      /Approve the migration\?/,
    );
    await button.click();
    assert.deepEqual(
      (await harness.posted()).filter((m) => m.type === 'openAttentionItem'),
      [{ type: 'openAttentionItem', id }],
    );
  });

  it('shows the success criteria day by day, newest first, with what slipped marked', async () => {
    const model = viewModelOf(fixtureText('lukhas'));
    await harness.send({ type: 'state', model });
    assert.equal(await harness.page.locator('.criteria-over-time').count(), 0, 'no history yet');
    const day = (start: string, late: number) => ({
      start,
      unit: 'day' as const,
      completed: 2,
      judged: 2,
      outsideEstimate: late,
      reviewsApproved: 1,
      reviewsLate: late,
      snapshotDays: 1 - late,
      days: 1,
      completionPercentage: 40,
    });
    await harness.send({
      type: 'delta',
      delta: diffDashboard(model, {
        ...model,
        successOverTime: [day('2026-11-28', 1), day('2026-11-29', 0)],
      }),
    });
    const rows = harness.page.locator('.criteria-over-time tbody tr');
    assert.deepEqual(await rows.allTextContents(), [
      '2026-11-2922/21 approved1/1 · 40%',
      '2026-11-2821/21 approved, 1 late0/1 · 40%',
    ]);
    assert.equal(await rows.nth(1).locator('td.not-met').count(), 3);
    assert.equal(await rows.nth(0).locator('td.not-met').count(), 0);
  });
});
