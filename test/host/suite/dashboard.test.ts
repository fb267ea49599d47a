// The dashboard panel in a real VS Code: one per folder, the page's handshake, CSP, live deltas.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { deriveDashboard } from '../../../src/features/dashboard/model';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import { waitFor, type CoordinatorApi } from '../support/extension';
import { coordinator, restore, sessionWithFile, writeExternally } from './tasksSupport';

describe('dashboard panel', () => {
  let testing: CoordinatorApi['testing'];
  let session: FolderSession;
  let original: string;

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
    original = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
  });

  afterEach(async () => {
    await restore(session, original);
  });

  after(() => {
    for (const panel of testing.dashboard.panels.all) {
      panel.dispose();
    }
  });

  const dashboard = () => testing.dashboard.panels.panelFor(session);

  it('opens one panel per folder, and the page asks for and receives the full state', async () => {
    await vscode.commands.executeCommand('coordinator.openDashboard');
    await vscode.commands.executeCommand('coordinator.openDashboard');
    assert.equal(testing.dashboard.panels.all.length, 1);
    await waitFor(
      () => dashboard()?.current !== undefined,
      'the page says ready and gets the state',
      30_000,
    );
    // Other features feed the dashboard too (the worktree list, for one): expect what they provide.
    const extras = await testing.dashboard.dataSources.collect(session.folder);
    const expected = deriveDashboard({
      ...extras,
      folderName: session.folder.name,
      folderUri: session.folder.uri.toString(),
      loaded: loadTaskFile(original),
    });
    const shown = dashboard()!.current!;
    assert.deepEqual(shown.summary, expected.summary);
    assert.deepEqual(
      shown.tasks.map((t) => t.key),
      expected.tasks.map((t) => t.key),
    );
    assert.equal(shown.folderUri, session.folder.uri.toString());
  });

  it('measures the success criteria from the recorded status changes: time worked against the estimate, per task and owner', async () => {
    await vscode.commands.executeCommand('coordinator.openDashboard');
    await waitFor(() => dashboard()?.current !== undefined, 'the dashboard has its state', 30_000);
    const plan = JSON.parse(original) as {
      tasks: { claude_code: Record<string, Record<string, unknown>> };
    };
    Object.assign(plan.tasks.claude_code.cc2_dashboard, {
      status: 'completed',
      progress: { total_steps: 5, completed_steps: 5, percentage: 100 },
      status_history: [
        {
          status: 'in_progress',
          from: 'not_started',
          at: '2026-11-20T08:00:00Z',
          by: 'Claude Code',
        },
        { status: 'waiting', from: 'in_progress', at: '2026-11-20T09:00:00Z', by: 'Claude Code' },
        { status: 'in_progress', from: 'waiting', at: '2026-11-20T12:00:00Z', by: 'Claude Code' },
        { status: 'completed', from: 'in_progress', at: '2026-11-20T13:00:00Z', by: 'Claude Code' },
      ],
    });
    await writeExternally(session, `${JSON.stringify(plan, null, 2)}\n`);
    await waitFor(
      () => dashboard()?.current?.tasks.find((t) => t.key === 'cc2_dashboard')?.actualHours === 2,
      'the dashboard shows the 2 h worked (the 3 h waiting left out)',
      20_000,
    );
    const shown = dashboard()!.current!;
    const task = shown.tasks.find((t) => t.key === 'cc2_dashboard')!;
    assert.equal(task.outsideEstimate, true, '2 h worked against 1 h estimated');
    assert.deepEqual(
      shown.successCriteria.find((c) => c.key === 'execution'),
      {
        key: 'execution',
        label: 'Execution within estimate ±30 min',
        met: false,
        detail: '1 of 1 outside: cc2_dashboard',
      },
    );
    assert.deepEqual(
      shown.successCriteria.map((c) => c.key),
      ['execution', 'reviews', 'conflicts', 'snapshots', 'guardrails'],
    );
    const owner = shown.byOwner.find((row) => row.owner === 'Claude Code')!;
    assert.deepEqual([owner.actualHours, owner.outsideEstimate], [2, 1]);
    // Over time: the day (or week) of the completion holds it, outside its estimate.
    const periods = shown.successOverTime.filter((period) => period.completed > 0);
    assert.equal(periods.length, 1, JSON.stringify(shown.successOverTime));
    assert.deepEqual(
      [periods[0]!.completed, periods[0]!.judged, periods[0]!.outsideEstimate],
      [1, 1, 1],
    );
    assert.ok(periods[0]!.start <= '2026-11-20', periods[0]!.start);
  });

  it("judges merge conflicts by the conflict radar's forecast of the live branches", async () => {
    // Two unfinished tasks whose branches change the same line of the README differently.
    const folder = session.folder.uri.fsPath;
    const git = (args: string[], input?: string) =>
      execFileSync('git', args, { cwd: folder, encoding: 'utf8', input }).trim();
    const base = git(['rev-parse', 'HEAD']);
    const [a, b] = session
      .state!.model!.tasks.filter((t) => t.branch && t.status !== 'completed')
      .slice(0, 2);
    assert.ok(a && b, 'two unfinished tasks with branches');
    for (const [task, line] of [
      [a, 'Edited one way.'],
      [b, 'Edited another way.'],
    ] as const) {
      const blob = git(['hash-object', '-w', '--stdin'], `# Lukhas\n\n${line}\n`);
      const entries = git(['ls-tree', base])
        .split('\n')
        .map((entry) => (entry.endsWith('\tREADME.md') ? `100644 blob ${blob}\tREADME.md` : entry));
      const tree = git(['mktree'], `${entries.join('\n')}\n`);
      const commit = git(['commit-tree', tree, '-p', base, '-m', `${task.key} edits the README`]);
      git(['branch', task.branch!, commit]);
    }
    try {
      await vscode.commands.executeCommand('coordinator.openDashboard');
      const criterion = () =>
        dashboard()?.current?.successCriteria.find((c) => c.key === 'conflicts');
      await waitFor(
        () => criterion()?.met === false,
        'the dashboard counts the conflict the radar forecasts',
        60_000,
      );
      const conflicting = testing.conflicts
        .forecastFor(session)!
        .pairs.filter((pair) => pair.verdict.status === 'conflict');
      assert.equal(conflicting.length, 1);
      assert.deepEqual(criterion(), {
        key: 'conflicts',
        label: 'No merge conflicts',
        met: false,
        detail: `1 conflicting: ${conflicting[0]!.a} × ${conflicting[0]!.b}`,
      });
    } finally {
      git(['branch', '-D', a.branch!, b.branch!]);
    }
  });

  it('serves a strict CSP with a fresh nonce and only the built assets', () => {
    const panel = dashboard()!.panel;
    const html = panel.webview.html;
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|http:/);
    assert.ok(html.includes(`<script nonce="${nonce}"`));
    const roots = panel.webview.options.localResourceRoots ?? [];
    assert.deepEqual(
      roots.map((r) => r.path),
      [vscode.Uri.joinPath(testing.services.context.extensionUri, 'dist', 'webview').path],
    );
  });

  it('follows a write to the task file with the new state', async () => {
    await waitFor(() => dashboard()?.current !== undefined, 'the dashboard is showing', 30_000);
    const before = dashboard()!.current!;
    const target = before.tasks.find((t) => t.status === 'not_started')!;
    const changed = original.replace(
      new RegExp(`("${target.key}"[\\s\\S]*?"status": )"not_started"`),
      '$1"completed"',
    );
    await writeExternally(session, changed);
    await waitFor(
      () => dashboard()?.current?.summary.completed === before.summary.completed + 1,
      'the dashboard shows the completed task',
      15_000,
    );
    assert.equal(
      dashboard()!.current!.tasks.find((t) => t.key === target.key)!.status,
      'completed',
    );
  });

  it('shows data from a registered provider, and drops it when the provider goes', async () => {
    await waitFor(() => dashboard()?.current !== undefined, 'the dashboard is showing', 30_000);
    const task = dashboard()!.current!.tasks.find((t) => t.branch)!;
    const registration = testing.dashboard.dataSources.register({
      provide: () => ({
        pullRequests: [{ number: 410, state: 'open', ci: 'failing', branch: task.branch }],
      }),
    });
    try {
      await waitFor(
        () => dashboard()?.current?.summary.ciFailures === 1,
        'the PR reaches the dashboard',
        15_000,
      );
      assert.equal(
        dashboard()!.current!.tasks.find((t) => t.key === task.key)!.pullRequest?.number,
        410,
      );
    } finally {
      registration.dispose();
    }
    await waitFor(
      () => dashboard()?.current?.summary.openPullRequests === undefined,
      'the PR leaves the dashboard',
      15_000,
    );
  });
});
