import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubService } from '../../../src/features/github/client';
import { forcedOnly } from '../../../src/features/tasks/gateUi';
import { judgeWorktree } from '../../../src/features/worktrees/model/reapVerdict';
import { reapWorktrees } from '../../../src/features/worktrees/reapWorktrees';
import { FakeGitHub, openPull } from '../../support/fake-github';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';
import { coord } from '../cli/runCoord';

const TOKEN = 'ghp_testtoken0123456789abcdefABCDEF01';

function gitHub(fake: FakeGitHub, token = TOKEN): GitHubService {
  return new GitHubService({
    getToken: async () => token,
    baseUrl: fake.url,
    configuredApiBaseUrls: [fake.url],
    repository: { owner: fake.state.owner, repo: fake.state.repo },
    retries: 0,
    retryBaseMs: 10,
    paceWrites: false,
  });
}

describe('reaper class "pull request merged or closed"', () => {
  it('is safe for a merged or closed pull request unless something else keeps the worktree', () => {
    const facts = {
      path: '/repo-wt',
      branch: 'feat/x',
      prunable: false,
      taskKeys: [],
      dirtyCount: 0,
      unpushed: 2,
      merged: false,
      lastActivity: Date.now(),
      processes: [],
    };
    const options = { now: Date.now(), abandonedDays: 14 };
    const squashed = judgeWorktree(
      { ...facts, pullRequest: { number: 7, state: 'merged' } },
      options,
    );
    assert.deepEqual(squashed.classes, ['prMerged', 'unpushed']);
    assert.equal(squashed.safe, true);
    assert.equal(squashed.why, 'its pull request #7 was merged; 2 commit(s) kept in a backup ref');
    const closed = judgeWorktree(
      { ...facts, pullRequest: { number: 8, state: 'closed' } },
      options,
    );
    assert.deepEqual(closed.classes, ['prClosed', 'unpushed']);
    assert.equal(closed.safe, true);
    const open = judgeWorktree({ ...facts, pullRequest: { number: 9, state: 'open' } }, options);
    assert.equal(open.safe, false, 'an open pull request is live work');
    const dirty = judgeWorktree(
      { ...facts, dirtyCount: 1, pullRequest: { number: 7, state: 'merged' } },
      options,
    );
    assert.equal(dirty.safe, false, 'uncommitted changes keep it whatever the pull request');
    assert.deepEqual(dirty.classes, ['prMerged', 'dirty', 'unpushed']);
  });
});

describe('the reaper asks GitHub for each branch (fake GitHub checked against the OpenAPI description, real git)', () => {
  isolateGitConfig();
  let repo: TaskRepo;
  let fake: FakeGitHub;
  afterEach(async () => {
    repo?.dispose();
    await fake?.close();
  });

  function worktree(name: string, branch: string): string {
    const path = join(repo.parent, name);
    repo.git('worktree', 'add', '-q', '-b', branch, path);
    writeFileSync(join(path, `${name}.txt`), `${name}\n`);
    repo.git('-C', path, 'add', '-A');
    repo.git('-C', path, 'commit', '-q', '-m', `work on ${name}`);
    return path;
  }

  it('removes the worktrees whose pull request was squash-merged or closed, keeps a backup ref, completes the merged task, and keeps the open one', async () => {
    repo = createTaskRepo({
      tasks: {
        task1_shadow_diff: {
          id: 'task1',
          name: 'Shadow-Diff Harness',
          owner: 'Codex',
          status: 'in_progress',
          branch: 'feat/squashed',
          worktree_path: '../squashed',
          dependencies: [],
        },
      },
    });
    const squashed = worktree('squashed', 'feat/squashed');
    const closed = worktree('closed', 'feat/closed');
    const open = worktree('open', 'feat/open');
    const none = worktree('none', 'feat/none');
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.state.pulls.push(
      openPull(1, 'feat/squashed', { state: 'closed', merged: true }),
      openPull(2, 'feat/closed', { state: 'closed' }),
      openPull(3, 'feat/open'),
      // An older closed attempt of the squashed branch does not hide its merged one.
      openPull(4, 'feat/squashed', { state: 'closed' }),
    );
    const service = gitHub(fake);

    const dry = await reapWorktrees({
      cwd: repo.root,
      abandonedDays: 14,
      dryRun: true,
      pullRequests: (branches) => service.branchPullRequests(branches),
    });
    const byPath = new Map(dry.survey.verdicts.map((verdict) => [verdict.facts.path, verdict]));
    assert.deepEqual(byPath.get(squashed)?.classes, ['prMerged', 'unpushed']);
    assert.equal(byPath.get(squashed)?.facts.pullRequest?.number, 1);
    assert.deepEqual(byPath.get(closed)?.classes, ['prClosed', 'unpushed']);
    assert.deepEqual(byPath.get(open)?.classes, ['unpushed']);
    assert.equal(byPath.get(open)?.safe, false);
    assert.equal(byPath.get(none)?.facts.pullRequest, undefined);
    assert.deepEqual(dry.survey.notes, []);
    const asked = fake.exchanges.filter((e) => e.method === 'GET' && e.path.endsWith('/pulls'));
    assert.equal(asked.length, 4, 'one request per branch');

    const report = await reapWorktrees({
      cwd: repo.root,
      abandonedDays: 14,
      pullRequests: (branches) => service.branchPullRequests(branches),
      tasks: {
        store: repo.store,
        statusAfterRemoval: 'not_started',
        actor: { name: 'Test', host: 'cli' },
        ui: forcedOnly(false),
      },
    });
    assert.deepEqual(
      report.removed.map((removed) => removed.path).sort(),
      [closed, squashed].sort(),
    );
    assert.ok(!existsSync(squashed) && !existsSync(closed));
    assert.ok(existsSync(open) && existsSync(none));
    for (const removed of report.removed) {
      assert.match(removed.backupRef ?? '', /^refs\/coordinator\/backup\//);
    }
    const task = (await repo.store.read()).model?.byKey.get('task1_shadow_diff');
    assert.equal(task?.status, 'completed', 'a squash-merged pull request completes its task');
  });

  it('coord worktrees reap asks GitHub with the token and API URL coord pr uses', async () => {
    repo = createTaskRepo();
    const closed = worktree('closed', 'feat/closed');
    const other = worktree('other', 'feat/other');
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.state.pulls.push(openPull(5, 'feat/closed', { state: 'closed' }));
    repo.write(
      '.vscode/settings.json',
      JSON.stringify({
        'coordinator.github.apiBaseUrl': fake.url,
        'coordinator.github.owner': fake.state.owner,
        'coordinator.github.repo': fake.state.repo,
      }),
    );
    repo.commit('github settings');
    const env = { ...process.env, GITHUB_TOKEN: TOKEN, GH_TOKEN: '' };
    const run = await coord(
      ['worktrees', 'reap', '--dry-run', '--json', '--trusted'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as {
      worktrees: { path: string; classes: string[]; safe: boolean; why: string }[];
      notes: string[];
    };
    assert.deepEqual(printed.notes, []);
    const byPath = new Map(printed.worktrees.map((entry) => [entry.path, entry]));
    assert.deepEqual(byPath.get(closed)?.classes, ['prClosed', 'unpushed']);
    assert.equal(
      byPath.get(closed)?.why,
      'its pull request #5 was closed without merging; 1 commit(s) kept in a backup ref',
    );
    assert.equal(byPath.get(other)?.safe, false);

    const asked = fake.exchanges.length;
    const { GITHUB_TOKEN: _token, GH_TOKEN: _gh, ...tokenless } = env;
    const withoutToken = await coord(
      ['worktrees', 'reap', '--dry-run', '--trusted'],
      repo.root,
      undefined,
      { ...tokenless, PATH: '/usr/bin:/bin' },
    );
    assert.equal(withoutToken.code, 0, withoutToken.stderr);
    assert.match(withoutToken.stdout, /keep +\S+closed +feat\/closed .*\[unpushed\]/);
    assert.doesNotMatch(
      withoutToken.stderr,
      /Pull requests not checked/,
      'no token: nothing to say',
    );
    assert.equal(fake.exchanges.length, asked, 'without a token GitHub is not asked');
  });

  it('goes on without the pull request classes, saying why, when GitHub refuses', async () => {
    repo = createTaskRepo();
    const closed = worktree('closed', 'feat/closed');
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.state.pulls.push(openPull(2, 'feat/closed', { state: 'closed' }));
    const service = gitHub(fake, 'ghp_wrongtoken0123456789abcdefABCDEF01');
    const report = await reapWorktrees({
      cwd: repo.root,
      abandonedDays: 14,
      dryRun: true,
      pullRequests: (branches) => service.branchPullRequests(branches),
    });
    const verdict = report.survey.verdicts.find((candidate) => candidate.facts.path === closed);
    assert.equal(verdict?.safe, false);
    assert.deepEqual(verdict?.classes, ['unpushed']);
    assert.equal(report.survey.notes.length, 1);
    assert.match(report.survey.notes[0] ?? '', /^Pull requests not checked: /);
  });
});
