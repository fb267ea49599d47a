import assert from 'node:assert/strict';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/hosts/cli/main';
import { GitHubService } from '../../../src/features/github/client';
import { captureSnapshot } from '../../../src/features/snapshots';
import { createTempRepo } from '../../support/tempRepo';
import { FakeGitHub, pullsFromGhPrList, type GhPrListEntry } from '../../support/fake-github';

const FIXTURE = readFileSync('test/fixtures/lukhas/task_status.json', 'utf8');
const REAL_PRS = JSON.parse(
  readFileSync('test/fixtures/lukhas/pr_status_20251016T053229.json', 'utf8'),
) as GhPrListEntry[];
const TOKEN = 'ghp_SnapshotToken0123456789abcdefXYZ42';

/** A real repository holding the lukhas task file, with a linked worktree for cc2's branch. */
function makeRepo(): { base: string; root: string } {
  const repo = createTempRepo({ name: 'Lukhas', empty: true });
  repo.write('docs/plans/task_status.json', FIXTURE);
  repo.commit('plan');
  repo.git('remote', 'add', 'origin', 'git@github.com:LukhasAI/Lukhas.git');
  repo.git(
    'worktree',
    'add',
    '-q',
    '-b',
    'chore/claude/coordination-dashboard',
    '--',
    join(repo.parent, 'Lukhas-claude-coordinator'),
  );
  return { base: repo.parent, root: repo.root };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('snapshot capture in a real repository', function () {
  let repo: { base: string; root: string };
  let fake: FakeGitHub | undefined;

  beforeEach(() => {
    repo = makeRepo();
  });

  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    rmSync(repo.base, { recursive: true, force: true });
  });

  it('writes dated snapshot files and real latest files, with PRs, worktrees and changes', async () => {
    fake = await FakeGitHub.start({
      owner: 'LukhasAI',
      repo: 'Lukhas',
      token: TOKEN,
      pulls: pullsFromGhPrList(REAL_PRS),
    });
    const pr410 = fake.state.pulls.find((p) => p.number === 410)!;
    fake.state.checkRuns.set(pr410.headSha, [
      { name: 'pytest', status: 'completed', conclusion: 'failure' },
    ]);
    const service = new GitHubService({
      getToken: async () => TOKEN,
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: 'LukhasAI', repo: 'Lukhas' },
      paceWrites: false,
    });
    const folder = join(repo.root, 'docs', 'audits', 'coordination');
    // The real repository committed latest.* as symlinks that point nowhere.
    mkdirSync(join(folder, '2025-10-16'), { recursive: true });
    symlinkSync(
      'docs/audits/coordination/2025-10-16/snapshot_x.md',
      join(folder, '2025-10-16', 'latest.md'),
    );

    const first = await captureSnapshot({
      repoRoot: repo.root,
      taskFile: 'docs/plans/task_status.json',
      github: service,
      now: new Date('2025-10-16T05:32:29Z'),
    });
    assert.deepEqual(
      Object.values(first.files).map((f) => f.slice(folder.length + 1)),
      [
        '2025-10-16/snapshot_20251016T053229Z.json',
        '2025-10-16/snapshot_20251016T053229Z.md',
        '2025-10-16/latest.json',
        '2025-10-16/latest.md',
      ],
    );
    for (const file of Object.values(first.files)) {
      assert.ok(
        lstatSync(file).isFile() && !lstatSync(file).isSymbolicLink(),
        `${file} is a real file`,
      );
    }
    assert.equal(
      readFileSync(first.files.latestMarkdown, 'utf8'),
      readFileSync(first.files.markdown, 'utf8'),
    );
    const doc = JSON.parse(readFileSync(first.files.latestJson, 'utf8')) as typeof first.document;
    assert.equal(doc.taskFile, 'docs/plans/task_status.json');
    assert.deepEqual(
      doc.worktrees.map((w) => [w.path, w.branch, w.taskKeys]),
      [
        ['.', 'main', []],
        [
          '../Lukhas-claude-coordinator',
          'chore/claude/coordination-dashboard',
          ['cc1_guardrails', 'cc2_dashboard'],
        ],
      ],
    );
    assert.equal(doc.github.openPullRequests, REAL_PRS.length);
    assert.deepEqual(
      doc.ciFailures.map((f) => [f.prNumber, f.checks]),
      [[410, ['pytest']]],
    );
    assert.match(first.markdown, /This is the first snapshot in this folder\./);

    const edited = FIXTURE.replace('"status": "in_progress"', '"status": "completed"');
    writeFileSync(join(repo.root, 'docs', 'plans', 'task_status.json'), edited);
    fake.state.checkRuns.set(pr410.headSha, [
      { name: 'pytest', status: 'completed', conclusion: 'success' },
    ]);
    const second = await captureSnapshot({
      repoRoot: repo.root,
      taskFile: 'docs/plans/task_status.json',
      github: service,
      now: new Date('2025-10-17T09:00:00Z'),
    });
    assert.equal(second.document.previousSnapshotId, '20251016T053229Z');
    assert.deepEqual(
      second.document.changes?.statusChanges.map((c) => [c.key, c.to]),
      [['cc2_dashboard', 'completed']],
    );
    assert.deepEqual(second.document.changes?.ciChanges, [
      { number: 410, from: 'failure', to: 'success' },
    ]);
    assert.match(
      second.markdown,
      /Coordination Dashboard \(`cc2_dashboard`\): in progress → completed/,
    );
  });

  it('still writes everything offline and says GitHub data was unavailable', async () => {
    fake = await FakeGitHub.start({ owner: 'LukhasAI', repo: 'Lukhas', token: TOKEN });
    fake.inject({ kind: 'dropConnection', times: 100 });
    const service = new GitHubService({
      getToken: async () => TOKEN,
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: 'LukhasAI', repo: 'Lukhas' },
      retries: 0,
    });
    const captured = await captureSnapshot({
      repoRoot: repo.root,
      taskFile: join(repo.root, 'docs/plans/task_status.json'),
      github: service,
    });
    assert.equal(captured.document.github.available, false);
    assert.match(captured.document.github.reason ?? '', /GitHub could not be reached/);
    assert.equal(captured.document.tasks.length, 21);
    assert.equal(captured.document.worktrees.length, 2);
    assert.match(readFileSync(captured.files.latestMarkdown, 'utf8'), /GitHub data unavailable/);
  });

  it('refuses a task file that does not parse and writes nothing', async () => {
    writeFileSync(join(repo.root, 'docs', 'plans', 'task_status.json'), '{ "tasks": ');
    await assert.rejects(
      captureSnapshot({
        repoRoot: repo.root,
        taskFile: 'docs/plans/task_status.json',
        github: { unavailable: 'offline' },
      }),
      /docs\/plans\/task_status.json cannot be read .*no snapshot written/,
    );
    assert.equal(
      allFiles(repo.root).some((f) => f.includes('audits')),
      false,
    );
  });

  it('coord snapshot never prints or writes the token, whatever GitHub answers', async () => {
    fake = await FakeGitHub.start({
      owner: 'LukhasAI',
      repo: 'Lukhas',
      token: TOKEN,
      pulls: pullsFromGhPrList(REAL_PRS),
    });
    const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GH_TOKEN: process.env.GH_TOKEN };
    const output: string[] = [];
    const context = {
      cwd: repo.root,
      env: process.env,
      stdout: (t: string) => output.push(t),
      stderr: (t: string) => output.push(t),
    };
    const args = ['snapshot', '--api-url', fake.url, '--json'];
    try {
      process.env.GITHUB_TOKEN = TOKEN;
      delete process.env.GH_TOKEN;
      assert.equal(await runCli(args, context), 0);
      fake.inject({ kind: 'unauthorized' });
      assert.equal(await runCli(args, context), 0);
      fake.inject({ kind: 'secondaryRateLimit', retryAfterSeconds: 3600 });
      assert.equal(await runCli(args, context), 0);
      process.env.GITHUB_TOKEN = 'not-the-right-token-' + TOKEN.slice(4);
      assert.equal(await runCli(args, context), 0);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
    }
    const printed = output.join('');
    assert.match(printed, /"openPullRequests": 15/, 'the first run fetched the real PR list');
    assert.match(printed, /GitHub rejected the token/);
    assert.match(printed, /rate limit/);
    const written = allFiles(join(repo.root, 'docs', 'audits')).map((f) => readFileSync(f, 'utf8'));
    assert.ok(written.length >= 4);
    const secret = TOKEN.slice(4);
    for (const text of [printed, ...written]) {
      assert.equal(text.includes(secret), false, 'token found in output');
    }
    assert.ok(fake.exchanges.every((e) => !JSON.stringify(e.body ?? '').includes(secret)));
  });
});
