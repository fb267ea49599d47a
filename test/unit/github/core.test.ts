import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { combineChecks } from '../../../src/features/github/model/checks';
import { matchPullRequests } from '../../../src/features/github/model/match';
import {
  DEFAULT_PR_BODY_TEMPLATE,
  pullRequestTitle,
  renderPrBody,
} from '../../../src/features/github/model/prBody';
import { pullRequestDraftForTask } from '../../../src/features/github/model/prRequest';
import { apiBaseUrlForHost, parseGitHubRemote } from '../../../src/features/github/model/remote';
import { deriveReviewDecision } from '../../../src/features/github/model/reviews';
import {
  GITHUB_DEFAULTS,
  readGitHubConfiguration,
} from '../../../src/features/github/model/settings';
import { resolveGitHubTarget } from '../../../src/features/github/model/target';
import type { PullRequestInfo } from '../../../src/features/github/model/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { Task } from '../../../src/kernel/model/types';
import { redactSecrets } from '../../../src/kernel/text/redact';

function pr(number: number, headRef: string): PullRequestInfo {
  return {
    number,
    title: `#${number}`,
    url: '',
    state: 'open',
    draft: false,
    headRef,
    headSha: 'a'.repeat(40),
    baseRef: 'main',
    labels: [],
  };
}

function lukhasTask(key: string): Task {
  const loaded = loadTaskFile(readFileSync('test/fixtures/lukhas/task_status.json', 'utf8'));
  const task = loaded.model?.byKey.get(key);
  assert.ok(task, `fixture task ${key}`);
  return task;
}

describe('github core: remotes', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://github.com/LukhasAI/Lukhas.git', 'github.com LukhasAI/Lukhas'],
    ['https://github.com/LukhasAI/Lukhas', 'github.com LukhasAI/Lukhas'],
    ['https://user@github.com/o/r.git/', 'github.com o/r'],
    ['git@github.com:o/r.git', 'github.com o/r'],
    ['ssh://git@github.com:22/o/r.git', 'github.com o/r'],
    ['ssh://git@ghe.example.com/team/app', 'ghe.example.com team/app'],
    ['git@ghe.example.com:team/app.git', 'ghe.example.com team/app'],
    ['/local/path/repo', undefined],
    ['https://github.com/only-owner', undefined],
    ['file:///tmp/o/r', undefined],
    ['', undefined],
  ];
  for (const [url, expected] of cases) {
    it(`parses ${url || '(empty)'}`, () => {
      const ref = parseGitHubRemote(url);
      assert.equal(ref ? `${ref.host} ${ref.owner}/${ref.repo}` : undefined, expected);
    });
  }

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseGitHubRemote(text);
      }),
    );
  });

  it('derives the API base URL for github.com, GHE.com and Enterprise Server', () => {
    assert.equal(apiBaseUrlForHost('github.com'), 'https://api.github.com');
    assert.equal(apiBaseUrlForHost('acme.ghe.com'), 'https://api.acme.ghe.com');
    assert.equal(apiBaseUrlForHost('ghe.example.com'), 'https://ghe.example.com/api/v3');
  });

  it('lets settings override what the remote says', () => {
    assert.deepEqual(resolveGitHubTarget({ remoteUrl: 'git@github.com:o/r.git' }), {
      baseUrl: 'https://api.github.com',
      repository: { owner: 'o', repo: 'r' },
    });
    assert.deepEqual(
      resolveGitHubTarget({
        remoteUrl: 'git@github.com:o/r.git',
        repo: 'fork',
        apiBaseUrl: 'https://ghe.local/api/v3/',
      }),
      { baseUrl: 'https://ghe.local/api/v3', repository: { owner: 'o', repo: 'fork' } },
    );
    assert.deepEqual(resolveGitHubTarget({ remoteUrl: '/srv/repo.git' }), {
      baseUrl: 'https://api.github.com',
    });
  });
});

describe('github core: CI state', () => {
  it('is none without checks, success when all pass or skip', () => {
    assert.equal(combineChecks([], []).state, 'none');
    const ok = combineChecks(
      [
        { id: 1, name: 'a', status: 'completed', conclusion: 'success' },
        { id: 2, name: 'b', status: 'completed', conclusion: 'skipped' },
      ],
      [{ context: 'legacy', state: 'success' }],
    );
    assert.deepEqual([ok.state, ok.total, ok.passed], ['success', 3, 2]);
  });

  it('is pending while anything runs, failure when anything fails', () => {
    assert.equal(
      combineChecks([{ id: 1, name: 'a', status: 'queued', conclusion: null }], []).state,
      'pending',
    );
    const failed = combineChecks(
      [
        { id: 1, name: 'a', status: 'in_progress', conclusion: null },
        { id: 2, name: 'b', status: 'completed', conclusion: 'cancelled' },
      ],
      [{ context: 'c', state: 'pending' }],
    );
    assert.equal(failed.state, 'failure');
    assert.deepEqual(failed.failing, ['b']);
  });

  it('counts only the newest run of a re-run check', () => {
    const summary = combineChecks(
      [
        { id: 10, name: 'test', status: 'completed', conclusion: 'failure' },
        { id: 11, name: 'test', status: 'completed', conclusion: 'success' },
      ],
      [],
    );
    assert.deepEqual([summary.state, summary.total], ['success', 1]);
  });
});

describe('github core: matching and reviews', () => {
  it('prefers pr_number, falls back to the branch, and lists unresolved numbers', () => {
    const open = [pr(1, 'feat/a'), pr(2, 'feat/b'), pr(3, 'feat/b')];
    const result = matchPullRequests(
      [
        { key: 'a', branch: 'feat/a' },
        { key: 'b', branch: 'feat/b' },
        { key: 'pinned', branch: 'feat/a', prNumber: 2 },
        { key: 'merged', branch: 'feat/a', prNumber: 99 },
        { key: 'none' },
      ],
      open,
    );
    assert.deepEqual(
      [...result.matches].map(([key, m]) => [key, m.pr.number, m.matchedBy]),
      [
        ['a', 1, 'branch'],
        ['b', 3, 'branch'],
        ['pinned', 2, 'prNumber'],
      ],
    );
    assert.deepEqual(result.unresolvedPrNumbers, [99]);
  });

  it("derives a review decision from each reviewer's latest review", () => {
    assert.equal(deriveReviewDecision([]), 'review_required');
    assert.equal(
      deriveReviewDecision([{ id: 1, state: 'COMMENTED', user: { login: 'a' } }]),
      'review_required',
    );
    assert.equal(
      deriveReviewDecision([
        { id: 2, state: 'APPROVED', user: { login: 'a' } },
        { id: 1, state: 'CHANGES_REQUESTED', user: { login: 'a' } },
      ]),
      'approved',
    );
    assert.equal(
      deriveReviewDecision([
        { id: 1, state: 'APPROVED', user: { login: 'a' } },
        { id: 2, state: 'CHANGES_REQUESTED', user: { login: 'b' } },
      ]),
      'changes_requested',
    );
    assert.equal(
      deriveReviewDecision([
        { id: 1, state: 'CHANGES_REQUESTED', user: { login: 'b' } },
        { id: 2, state: 'DISMISSED', user: { login: 'b' } },
      ]),
      'review_required',
    );
  });
});

describe('github core: PR title and body', () => {
  it('titles a PR with the branch type like the team does', () => {
    assert.equal(
      pullRequestTitle({ name: 'Shadow-Diff Harness', branch: 'feat/codex/shadow-diff-harness' }),
      'feat: Shadow-Diff Harness',
    );
    assert.equal(pullRequestTitle({ name: 'Odd', branch: 'phase2-import-codemod-fresh' }), 'Odd');
  });

  it('renders summary, test plan, risk and acceptance criteria from the task', () => {
    const task = {
      ...lukhasTask('taskB_circuit_breaker'),
      acceptance: ['Tests cover breaker trip/reset', 'Docs updated'],
      risk: 'MEDIUM',
    };
    const body = renderPrBody(task);
    for (const heading of ['## Summary', '## Test plan', '## Risk', '## Acceptance criteria']) {
      assert.ok(body.includes(heading), heading);
    }
    assert.match(body, /- \[ \] Tests cover breaker trip\/reset\n- \[ \] Docs updated/);
    assert.match(body, /MEDIUM Critical review required before merge\./);
    assert.match(body, /Task `taskB`: Circuit-Breaker to MATRIZ \(owner: Codex, priority: high\)/);
    assert.doesNotMatch(body, /\{\{/);
  });

  it('keeps unknown placeholders of a custom template visible', () => {
    assert.equal(
      renderPrBody(lukhasTask('task1_shadow_diff'), '{{name}} / {{nosuch}}'),
      'Shadow-Diff Harness / {{nosuch}}',
    );
  });

  it('adds labels and reviewers for critical-review tasks only, and refuses a task without a branch', () => {
    const settings = {
      draft: true,
      criticalReviewLabels: ['critical-review'],
      criticalReviewReviewers: ['lead'],
    };
    const critical = pullRequestDraftForTask(lukhasTask('taskB_circuit_breaker'), settings);
    const plain = pullRequestDraftForTask(lukhasTask('taskA_idempotency'), settings);
    assert.ok(!('error' in critical) && !('error' in plain));
    assert.deepEqual(
      [critical.labels, critical.reviewers, critical.head, critical.draft],
      [['critical-review'], ['lead'], 'feat/codex/matriz-circuit-breaker', true],
    );
    assert.deepEqual([plain.labels, plain.reviewers], [[], []]);
    assert.ok(plain.body.startsWith(DEFAULT_PR_BODY_TEMPLATE.slice(0, 10)));
    const none = pullRequestDraftForTask(lukhasTask('cc3_circuit_review'), settings);
    assert.ok('error' in none && /cc3 has no branch/.test(none.error));
  });
});

describe('github: redaction', () => {
  it('removes given secrets and anything shaped like a GitHub token', () => {
    const text =
      'auth ghp_abcdefghijklmnopqrstuvwxyz0123 and github_pat_11ABCDEFG0123456789_abcdefghij and s3cretvalue; Authorization: token abc.def';
    const out = redactSecrets(text, ['s3cretvalue']);
    assert.equal(out, 'auth *** and *** and ***; Authorization: token ***');
  });
});

describe('github core: settings', () => {
  it('fills defaults and ignores values of the wrong type', () => {
    const values: Record<string, unknown> = {
      'github.owner': ' LukhasAI ',
      'github.repo': '',
      'github.refreshIntervalMinutes': -3,
      'github.criticalReviewLabels': ['critical-review', 7, ' needs-claude '],
      'github.draft': 'yes',
      'snapshots.daily': true,
    };
    const config = readGitHubConfiguration((key) => values[key]);
    assert.equal(config.owner, 'LukhasAI');
    assert.equal(config.repo, undefined);
    assert.equal(config.refreshIntervalMinutes, GITHUB_DEFAULTS.refreshIntervalMinutes);
    assert.deepEqual(config.criticalReviewLabels, ['critical-review', 'needs-claude']);
    assert.equal(config.draft, false);
    assert.equal(config.snapshotsDaily, true);
    assert.equal(config.snapshotsFolder, 'docs/audits/coordination');
  });
});
