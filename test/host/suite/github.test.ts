// Pull requests, CI and snapshots in a real VS Code, against the fake GitHub started here in the
// extension host on 127.0.0.1 and serving the real `gh pr list` output of the Lukhas repository.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import type { TaskTreeNode } from '../../../src/features/tasks/vscode/taskTreeNodes';
import {
  FakeGitHub,
  pullsFromGhPrList,
  shaFor,
  type GhPrListEntry,
} from '../../support/fake-github';
import { coordinatorExtension, waitFor, type CoordinatorApi } from '../support/extension';
import { recordMetric } from '../support/metrics';
import { reviewShortfalls } from '../../../src/features/reviews/reviewShortfalls';
import { coordinator, restore, sessionWithFile, taskNode } from './tasksSupport';

type Testing = CoordinatorApi['testing'];

/** Shaped like a real token so the redaction patterns would catch it too. */
const TOKEN = 'ghp_HostTest0123456789abcdefABCDEF0123';
const PR_BRANCH = 'chore/claude/coordination-dashboard';
const ENV_TOKEN_NAMES = ['GITHUB_TOKEN', 'GH_TOKEN'] as const;
/** Written by the github-untrusted scenario into the repository's .vscode/settings.json. */
const UNTRUSTED_API_URL = 'http://127.0.0.1:9/api/v3';

function fixtureText(name: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/lukhas', name), 'utf8');
}

function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? allFiles(full) : entry.isFile() ? [full] : [];
  });
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('coordinator')
    .update(key, value, vscode.ConfigurationTarget.Global);
}

describe('GitHub pull requests, CI and snapshots', function () {
  this.timeout(60_000);
  let testing: Testing;
  let session: FolderSession;
  let fake: FakeGitHub;
  const savedEnv: Partial<Record<(typeof ENV_TOKEN_NAMES)[number], string>> = {};
  const snapshotsRoot = () =>
    path.join(session.folder.uri.fsPath, 'docs', 'audits', 'coordination');

  const item = (node: TaskTreeNode) => testing.tasks.provider.getTreeItem(node);
  const tooltip = (node: TaskTreeNode) => {
    const value = item(node).tooltip;
    assert.ok(value instanceof vscode.MarkdownString);
    return value.value;
  };
  const github = () => testing.github.pullRequests;

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
    const entries = JSON.parse(fixtureText('pr_status_20251016T053229.json')) as GhPrListEntry[];
    fake = await FakeGitHub.start({
      owner: 'LukhasAI',
      repo: 'Lukhas',
      token: TOKEN,
      pulls: pullsFromGhPrList(entries),
    });
    fake.state.checkRuns.set(shaFor(PR_BRANCH), [
      { name: 'unit', status: 'completed', conclusion: 'success' },
      { name: 'lint', status: 'completed', conclusion: 'failure' },
    ]);
    // Owner and repository come from origin, as in the real checkout; only the API root is set.
    // Several windows may open this workspace in turn (the bench does): set the remote, do not just add it.
    const remotes = execFileSync('git', ['remote'], {
      cwd: session.folder.uri.fsPath,
      encoding: 'utf8',
    }).split('\n');
    execFileSync(
      'git',
      [
        'remote',
        remotes.includes('origin') ? 'set-url' : 'add',
        'origin',
        'git@github.com:LukhasAI/Lukhas.git',
      ],
      {
        cwd: session.folder.uri.fsPath,
      },
    );
    for (const name of ENV_TOKEN_NAMES) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
    process.env.GITHUB_TOKEN = TOKEN;
    await setSetting('github.refreshIntervalMinutes', 0);
    await setSetting('github.apiBaseUrl', fake.url);
    await setSetting('github.allowEnvironmentToken', true);
  });

  after(async () => {
    for (const name of ENV_TOKEN_NAMES) {
      if (savedEnv[name] === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = savedEnv[name];
      }
    }
    for (const key of [
      'github.refreshIntervalMinutes',
      'github.apiBaseUrl',
      'github.allowEnvironmentToken',
    ]) {
      await setSetting(key, undefined);
    }
    fs.rmSync(snapshotsRoot(), { recursive: true, force: true });
    await fake?.close();
  });

  it('loads the GitHub client only when the tree first shows a task with a branch', async () => {
    // Node keys its module cache by real path; the host-test build links dist/github.js.
    const bundle = fs.realpathSync(
      path.join(coordinatorExtension().extensionPath, 'dist', 'github.js'),
    );
    assert.equal(require.cache[bundle], undefined, 'dist/github.js is not loaded at activation');
    assert.equal(fake.requestCount(), 0);
    const started = performance.now();
    item(taskNode(testing, 'cc2_dashboard'));
    await waitFor(
      () => github().statusFor(session)?.fetchedAt !== undefined,
      'the first refresh succeeds',
      20_000,
    );
    recordMetric('githubFirstDataMs', performance.now() - started);
    assert.ok(require.cache[bundle], 'dist/github.js is loaded once PR data is wanted');
    assert.ok(
      fake.exchanges.every((e) => e.authorized),
      'every request carried the token',
    );
  });

  it('shows PR #410 and its failing check on both tasks of its branch, in a bounded number of requests', async () => {
    const started = performance.now();
    await vscode.commands.executeCommand('coordinator.refreshPullRequests');
    recordMetric('githubRefreshMs', performance.now() - started);
    const status = github().statusFor(session);
    assert.ok(status?.fetchedAt);
    assert.equal(status.error, undefined);
    recordMetric('githubRefreshRequests', status.requestCount);
    recordMetric('githubOpenPullRequests', status.openPullRequests.length);
    const taskPrs = new Set(Object.values(status.tasks).map((t) => t.pr.number));
    recordMetric('githubTaskPullRequests', taskPrs.size);
    assert.deepEqual([...taskPrs], [410]);
    // One page of open PRs, then check runs, statuses, reviews and the PR itself for each task PR.
    assert.equal(
      status.requestCount,
      Math.ceil(status.openPullRequests.length / 100) + 4 * taskPrs.size,
    );

    for (const key of ['cc1_guardrails', 'cc2_dashboard']) {
      const node = taskNode(testing, key);
      const treeItem = item(node);
      assert.match(String(treeItem.description), /#410 ✗ 1 failing( · |$)/, key);
      assert.match(String(treeItem.contextValue), /^task;githubPr;.*;status-[a-z_]+;$/);
      assert.equal(treeItem.resourceUri?.scheme, 'coordinator-pr');
      assert.equal(new URLSearchParams(treeItem.resourceUri?.query).get('badge'), '✗');
      const text = tooltip(node);
      assert.ok(text.includes('[#410](https://github.com/LukhasAI/Lukhas/pull/410)'), text);
      assert.match(text, /failing: lint/);
      assert.match(text, /_Updated (just now|\d+ min ago)_/);
    }
    const withoutPr = item(taskNode(testing, 'task1_shadow_diff'));
    assert.doesNotMatch(String(withoutPr.description), /#\d+/);
    assert.equal(withoutPr.resourceUri, undefined);
  });

  it('feeds the dashboard the open PRs, with CI state per task PR', async () => {
    const extras = await testing.dashboard.dataSources.collect(session.folder);
    const status = github().statusFor(session);
    assert.equal(extras.pullRequests?.length, status?.openPullRequests.length);
    const linked = extras.pullRequests?.find((pr) => pr.number === 410);
    assert.deepEqual(
      { ci: linked?.ci, state: linked?.state, taskKey: linked?.taskKey, branch: linked?.branch },
      { ci: 'failing', state: 'open', taskKey: 'cc1_guardrails', branch: PR_BRANCH },
    );
    await vscode.commands.executeCommand('coordinator.openDashboard', {
      folder: session.folder.uri.toString(),
    });
    const panel = () => testing.dashboard.panels.panelFor(session);
    try {
      await waitFor(
        () => panel()?.current?.summary.openPullRequests !== undefined,
        'the dashboard shows the PR cards',
        30_000,
      );
      const shown = panel()!.current!;
      assert.equal(shown.summary.openPullRequests, status?.openPullRequests.length);
      assert.equal(shown.summary.ciFailures, 1);
      assert.deepEqual(
        shown.github,
        { fetchedAt: status?.fetchedAt },
        'the page can say how old the GitHub data is',
      );
      for (const key of ['cc1_guardrails', 'cc2_dashboard']) {
        assert.deepEqual(shown.tasks.find((t) => t.key === key)?.pullRequest, {
          number: 410,
          state: 'open',
          ci: 'failing',
          url: 'https://github.com/LukhasAI/Lukhas/pull/410',
        });
      }
    } finally {
      panel()?.dispose();
    }
  });

  it('opens the PR GitHub found by branch from the task, though the file has no pr_number', async () => {
    const env = vscode.env as { openExternal: (target: vscode.Uri) => Thenable<boolean> };
    const openExternal = env.openExternal;
    const opened: string[] = [];
    // Where the browser would go; nothing is opened for real.
    env.openExternal = (target) => {
      opened.push(target.toString(true));
      return Promise.resolve(true);
    };
    try {
      assert.equal(session.state?.model?.byKey.get('cc2_dashboard')?.prNumber, undefined);
      await vscode.commands.executeCommand(
        'coordinator.openTaskPullRequest',
        taskNode(testing, 'cc2_dashboard'),
      );
      assert.deepEqual(opened, ['https://github.com/LukhasAI/Lukhas/pull/410']);
    } finally {
      env.openExternal = openExternal;
    }
  });

  it('keeps the last known state with its age when GitHub rate-limits', async () => {
    const before = github().statusFor(session);
    assert.ok(before?.fetchedAt);
    fake.inject({ kind: 'primaryRateLimit', times: 50, retryAfterSeconds: 3600 });
    try {
      await vscode.commands.executeCommand('coordinator.refreshPullRequests');
    } finally {
      fake.clearFaults();
    }
    const after = github().statusFor(session);
    assert.equal(after?.error?.kind, 'rateLimited');
    assert.equal(after?.fetchedAt, before.fetchedAt);
    assert.deepEqual(after?.tasks, before.tasks);
    const node = taskNode(testing, 'cc2_dashboard');
    assert.match(String(item(node).description), /#410 ✗ 1 failing( · |$)/);
    assert.match(
      tooltip(node),
      /Last known state from (just now|\d+ min ago): GitHub rate limit reached/,
    );
    const extras = await testing.dashboard.dataSources.collect(session.folder);
    assert.equal(extras.github?.fetchedAt, before.fetchedAt);
    assert.match(
      extras.github?.problem ?? '',
      /GitHub rate limit reached/,
      'the dashboard says why its PR data is old',
    );
    // Scheduled refreshes (interval, task-file changes) wait for the reset time GitHub gave.
    const requests = fake.requestCount();
    await github().forSession(session).refresh({ scheduled: true });
    assert.equal(fake.requestCount(), requests);
  });

  it('captures a snapshot as four real files, with PR #410 and the Mermaid dependency graph', async () => {
    const captured = (await vscode.commands.executeCommand('coordinator.captureSnapshot', {
      folder: session.folder.uri.toString(),
    })) as
      { files: Record<string, string>; document: { github: { available: boolean } } } | undefined;
    assert.ok(captured, 'the command returns what it wrote');
    const files = Object.values(captured.files);
    assert.equal(files.length, 4);
    for (const file of files) {
      assert.ok(file.startsWith(snapshotsRoot() + path.sep), file);
      const stat = fs.lstatSync(file);
      assert.ok(stat.isFile() && !stat.isSymbolicLink(), `${file} is a real file`);
    }
    const markdown = fs.readFileSync(captured.files.markdown!, 'utf8');
    assert.equal(fs.readFileSync(captured.files.latestMarkdown!, 'utf8'), markdown);
    assert.match(markdown, /```mermaid\n[\s\S]+?\n```/);
    assert.ok(markdown.includes('#410'));
    assert.equal(captured.document.github.available, true);
    const json = JSON.parse(fs.readFileSync(captured.files.json!, 'utf8')) as {
      github: { pullRequests: Array<{ number: number; ci: string }> };
    };
    assert.equal(json.github.pullRequests.find((pr) => pr.number === 410)?.ci, 'failure');

    const capturedAt = (
      JSON.parse(fs.readFileSync(captured.files.json!, 'utf8')) as { capturedAt: string }
    ).capturedAt;
    await waitFor(
      async () =>
        ((await testing.dashboard.dataSources.collect(session.folder)).history ?? []).some(
          (point) => point.date === capturedAt,
        ),
      "the dashboard's completion over time includes the new snapshot",
    );
  });

  it('still writes the snapshot offline and says GitHub data was unavailable', async () => {
    await setSetting('github.apiBaseUrl', 'http://127.0.0.1:9');
    try {
      const captured = (await vscode.commands.executeCommand('coordinator.captureSnapshot', {
        folder: session.folder.uri.toString(),
      })) as
        | {
            files: Record<string, string>;
            document: { github: { available: boolean; reason?: string }; tasks: unknown[] };
          }
        | undefined;
      assert.ok(captured);
      assert.equal(captured.document.github.available, false);
      assert.match(captured.document.github.reason ?? '', /could not be reached/);
      assert.ok(captured.document.tasks.length > 0);
      assert.match(
        fs.readFileSync(captured.files.markdown!, 'utf8'),
        /\*\*GitHub data unavailable\.\*\*/,
      );
    } finally {
      await setSetting('github.apiBaseUrl', fake.url);
    }
  });

  it('creates the PR of a critical-review task: confirms, pushes, opens it as asked, writes pr_number back', async () => {
    const key = 'task2_golden_tokens';
    const repo = session.folder.uri.fsPath;
    const original = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
    const task = session.state!.model!.byKey.get(key)!;
    const branch = task.branch!;
    // Fetch stays on github.com (owner and repo come from it); pushes go to a real bare repository.
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'coordinator-origin-'));
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
    git(bare, 'init', '-q', '--bare');
    git(repo, 'remote', 'set-url', '--push', 'origin', bare);
    git(repo, 'branch', branch, 'main');
    fake.state.branchesWithCommits.add(branch);
    await setSetting('github.draft', true);
    await setSetting('github.criticalReviewReviewers', ['octo-reviewer']);
    const asked: string[] = [];
    const window = vscode.window as {
      showWarningMessage: (...args: unknown[]) => Thenable<unknown>;
    };
    const showWarningMessage = window.showWarningMessage;
    // The person's answer to the modal confirmation; every other message goes through unchanged.
    window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
      const options = rest[0] as { modal?: boolean } | undefined;
      if (options?.modal) {
        asked.push(String(message));
        return Promise.resolve(rest[1]);
      }
      return showWarningMessage(message, ...rest);
    };
    try {
      assert.match(String(item(taskNode(testing, key)).contextValue), /;hasBranch;/);
      assert.doesNotMatch(String(item(taskNode(testing, key)).contextValue), /;hasPr;|;githubPr;/);
      const created = (await vscode.commands.executeCommand('coordinator.createPullRequest', {
        taskKey: key,
      })) as { number: number; url: string; warnings: string[] } | undefined;
      assert.ok(created, 'the command returns the PR it opened');
      assert.deepEqual(asked, [`Push "${branch}" to origin and open a pull request?`]);
      assert.equal(git(bare, 'rev-parse', `refs/heads/${branch}`), git(repo, 'rev-parse', 'main'));
      const pull = fake.state.pulls.find((pr) => pr.number === created.number);
      assert.ok(pull);
      assert.equal(pull.head, branch);
      assert.equal(pull.title, `feat: ${task.name}`);
      assert.equal(pull.draft, true);
      assert.deepEqual(pull.labels, ['critical-review']);
      assert.deepEqual(pull.requestedReviewers, ['octo-reviewer']);
      assert.match(pull.body ?? '', /## Acceptance criteria/);
      assert.deepEqual(created.warnings, []);
      await waitFor(
        () => session.state?.model?.byKey.get(key)?.prNumber === created.number,
        'pr_number is written back',
      );
      const raw = JSON.parse(fs.readFileSync(session.taskFile!.fsPath, 'utf8')) as {
        tasks: Record<string, Record<string, { pr_number?: number }>>;
      };
      assert.equal(raw.tasks.top5?.[key]?.pr_number, created.number);
      assert.match(String(item(taskNode(testing, key)).contextValue), /;hasPr;/);
    } finally {
      window.showWarningMessage = showWarningMessage;
      await setSetting('github.draft', undefined);
      await setSetting('github.criticalReviewReviewers', undefined);
      git(repo, 'config', '--unset', 'remote.origin.pushurl');
      git(repo, 'branch', '-D', branch);
      fs.rmSync(bare, { recursive: true, force: true });
      await restore(session, original);
    }
  });

  it("without a token asks VS Code's sign-in silently, shows no PR data and sends nothing", async () => {
    await setSetting('github.allowEnvironmentToken', false);
    await setSetting('github.apiBaseUrl', undefined);
    const requests = fake.requestCount();
    try {
      await github().refresh(session);
      const status = github().statusFor(session);
      assert.equal(status?.error?.kind, 'noToken');
      assert.equal(
        status?.fetchedAt,
        undefined,
        'the state of the previous server is not shown for this one',
      );
      assert.equal(github().isSignInNeeded, true, 'the Tasks view offers "Sign in to GitHub"');
      const extras = await testing.dashboard.dataSources.collect(session.folder);
      assert.deepEqual(
        extras.github,
        { problem: status?.error?.message, signInNeeded: true },
        'the dashboard says why it has no PR data and offers to sign in',
      );
      assert.equal(extras.pullRequests, undefined);
      const treeItem = item(taskNode(testing, 'cc2_dashboard'));
      assert.doesNotMatch(String(treeItem.description), /#410/);
      assert.equal(treeItem.resourceUri, undefined);
      assert.equal(fake.requestCount(), requests);
    } finally {
      await setSetting('github.apiBaseUrl', fake.url);
      await setSetting('github.allowEnvironmentToken', true);
    }
  });

  it('takes the daily snapshot at once when turned on, and not again the same day', async () => {
    fs.rmSync(snapshotsRoot(), { recursive: true, force: true });
    const daily = testing.snapshots.dailySnapshots;
    assert.equal(daily.lastCapture(session), undefined);
    await setSetting('snapshots.daily', true);
    try {
      await waitFor(
        () => daily.lastCapture(session) !== undefined,
        'the daily snapshot is recorded',
        30_000,
      );
      const written = allFiles(snapshotsRoot());
      const names = written.map((file) => path.basename(file)).sort();
      assert.deepEqual(names.slice(0, 2), ['latest.json', 'latest.md']);
      assert.match(names.slice(2).join(' '), /^snapshot_(\d{8}T\d{6}Z)\.json snapshot_\1\.md$/);
      assert.deepEqual(await daily.checkNow(), []);
      assert.equal(allFiles(snapshotsRoot()).length, 4);
    } finally {
      await setSetting('snapshots.daily', undefined);
    }
  });

  it('never writes the token to the Coordinator output or the snapshots', async () => {
    const logsDir = path.dirname(path.dirname(testing.services.context.logUri.fsPath));
    await waitFor(
      () =>
        allFiles(logsDir).some((file) =>
          fs.readFileSync(file, 'utf8').includes('GitHub for Lukhas: LukhasAI/Lukhas'),
        ),
      'the Coordinator log reaches its file',
      15_000,
    );
    const written = [...allFiles(logsDir), ...allFiles(snapshotsRoot())];
    assert.ok(written.length > 0);
    for (const file of written) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!text.includes(TOKEN), `${file} holds the token`);
      assert.doesNotMatch(text, /ghp_[A-Za-z0-9]{20,}/, file);
    }
  });
  it("counts an approval on the task's PR by a mapped login in the review gate, through the code coord uses", async () => {
    const root = session.folder.uri.fsPath;
    const original = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
    const gitIn = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=Codex', '-c', 'user.email=codex@example.com', ...args],
        {
          cwd: root,
          encoding: 'utf8',
        },
      ).trim();
    const branch = 'feat/codex/reviewed-on-github';
    const base = gitIn('rev-parse', 'HEAD');
    const head = gitIn('commit-tree', `${base}^{tree}`, '-p', base, '-m', 'work to review');
    gitIn('branch', '-f', branch, head);
    await session.apply([
      {
        kind: 'addTask',
        taskKey: 'zz_reviewed_on_github',
        group: 'claude_code',
        fields: {
          id: 'zzr',
          name: 'Reviewed on GitHub',
          owner: 'Codex',
          status: 'in_progress',
          branch,
          pr_number: 410,
          critical_review: true,
          reviewer: 'Claude Code',
          review_requests: [{ by: 'Codex', at: '2026-01-01T00:00:00Z' }],
        },
      },
    ]);
    try {
      const row = () => item(taskNode(testing, 'zz_reviewed_on_github'));
      await waitFor(
        () => String(row().description ?? '').includes('⏰ review overdue'),
        'the Tasks view flags the review requested long ago as overdue',
        20_000,
      );
      assert.match(String(row().contextValue), /^task;reviewOverdue;/);
      assert.match(
        tooltip(taskNode(testing, 'zz_reviewed_on_github')).replace(/&nbsp;/g, ' '),
        /Claude Code for \d+ d.*overdue/,
      );
      assert.deepEqual(
        testing.reviews
          .reviewsOf(session, 'zz_reviewed_on_github')
          .map((r) => [r.reviewer, r.requestedAt, r.overdue]),
        [['Claude Code', '2026-01-01T00:00:00.000Z', true]],
      );
      const model = session.state!.model!;
      const task = model.byKey.get('zz_reviewed_on_github')!;
      const lacking = async () =>
        (
          await reviewShortfalls({
            folder: root,
            model,
            task,
            pullRequestReviews: testing.pullRequestReviews(session),
          })
        ).map((shortfall) => `${shortfall.reviewer}: ${shortfall.state}`);
      fake.state.reviews.set(410, [
        { user: 'claude-bot', state: 'APPROVED', commitId: head },
        { user: 'someone-else', state: 'APPROVED', commitId: head },
      ]);
      assert.equal(testing.pullRequestReviews(session), undefined, 'no mapping, no GitHub reviews');
      assert.deepEqual(await lacking(), ['Claude Code: no approving review (critical_review)']);

      await setSetting('reviews.githubLogins', { 'Claude Code': ['claude-bot'] });
      const before = fake.requestCount();
      assert.deepEqual(await lacking(), [], 'the mapped login approved the head');
      assert.ok(
        fake.exchanges
          .slice(before)
          .some((e) => e.template?.endsWith('/pulls/{pull_number}/reviews')),
        'the reviews were read from the fake GitHub',
      );

      fake.state.reviews.set(410, [{ user: 'claude-bot', state: 'APPROVED', commitId: base }]);
      const [stale] = await lacking();
      assert.match(stale ?? '', /^Claude Code: review by Claude Code of .* is stale/);

      fake.state.reviews.set(410, [{ user: 'someone-else', state: 'APPROVED', commitId: head }]);
      assert.deepEqual(await lacking(), ['Claude Code: no approving review (critical_review)']);
    } finally {
      await setSetting('reviews.githubLogins', undefined);
      fake.state.reviews.delete(410);
      await restore(session, original);
      gitIn('branch', '-D', branch);
    }
  });
});

describe('GitHub in an untrusted workspace @untrusted', () => {
  let testing: Testing;
  let session: FolderSession;

  before(async () => {
    testing = await coordinator();
    session = await sessionWithFile(testing);
  });

  it('ignores the API address the repository sets for itself', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const config = vscode.workspace.getConfiguration('coordinator', session.folder.uri);
    const written = JSON.parse(
      fs.readFileSync(path.join(session.folder.uri.fsPath, '.vscode', 'settings.json'), 'utf8'),
    ) as Record<string, string>;
    assert.equal(written['coordinator.github.apiBaseUrl'], UNTRUSTED_API_URL);
    // The same file's unrestricted setting is read, so the file itself is not what is ignored.
    assert.equal(config.get<string>('github.owner'), written['coordinator.github.owner']);
    assert.equal(config.get<string>('github.apiBaseUrl'), '');
  });

  it('refuses to create a pull request (it would push with git) and leaves the task file alone', async () => {
    const before = fs.readFileSync(session.taskFile!.fsPath, 'utf8');
    const created = await vscode.commands.executeCommand('coordinator.createPullRequest', {
      taskKey: 'cc2_dashboard',
    });
    assert.equal(created, undefined);
    assert.equal(fs.readFileSync(session.taskFile!.fsPath, 'utf8'), before);
    assert.equal(testing.services.sessions.all.length, 1);
  });
});
