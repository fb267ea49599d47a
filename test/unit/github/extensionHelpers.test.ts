import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { formatAge } from '../../../src/features/github/model/age';
import { isWaitingForGitHub } from '../../../src/features/github/model/backoff';
import { authProviderFor, sessionFitsApi } from '../../../src/features/github/model/authProvider';
import { pullRequestInputs } from '../../../src/features/github/model/dashboardInputs';
import {
  describeWithPullRequest,
  presentTaskPullRequest,
} from '../../../src/features/github/model/presentation';
import {
  hasPullRequestRef,
  taskPrRefs,
  taskPrRefsKey,
} from '../../../src/features/github/model/taskRefs';
import type {
  CiSummary,
  GitHubStatus,
  PullRequestInfo,
  TaskPullRequestStatus,
} from '../../../src/features/github/model/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { taskDescription } from '../../../src/features/tasks/model/text';

const NOW = new Date('2025-10-16T06:00:00Z');

function pr(
  number: number,
  headRef: string,
  extra: Partial<PullRequestInfo> = {},
): PullRequestInfo {
  return {
    number,
    title: `PR ${number}`,
    url: `https://github.com/o/r/pull/${number}`,
    state: 'open',
    draft: false,
    headRef,
    headSha: 'a'.repeat(40),
    baseRef: 'main',
    labels: [],
    ...extra,
  };
}

function ci(state: CiSummary['state'], failing: string[] = []): CiSummary {
  const failed = failing.length;
  return {
    state,
    total: 3,
    passed: 3 - failed,
    failed,
    pending: state === 'pending' ? 1 : 0,
    failing,
    items: [],
  };
}

function status(
  tasks: Record<string, TaskPullRequestStatus>,
  extra: Partial<GitHubStatus> = {},
): GitHubStatus {
  const open = Object.values(tasks)
    .map((t) => t.pr)
    .filter((p) => p.state === 'open');
  return {
    fetchedAt: '2025-10-16T05:48:00Z',
    openPullRequests: open,
    tasks,
    requestCount: 1,
    ...extra,
  };
}

const lukhas = loadTaskFile(readFileSync('test/fixtures/lukhas/task_status.json', 'utf8'));

describe('github helpers for the extension: sign-in provider', () => {
  it('uses the github.com sign-in only for api.github.com', () => {
    assert.equal(authProviderFor('https://api.github.com'), 'github');
    assert.equal(authProviderFor('https://api.github.com/'), 'github');
    assert.equal(authProviderFor('https://ghe.example.com/api/v3'), 'github-enterprise');
    assert.equal(authProviderFor('https://api.acme.ghe.com'), 'github-enterprise');
    assert.equal(authProviderFor('http://127.0.0.1:4000'), 'github-enterprise');
    assert.equal(authProviderFor('not a url'), 'github-enterprise');
  });

  it('hands a session only to the server it was made for', () => {
    assert.equal(sessionFitsApi('github', 'https://api.github.com', undefined), true);
    assert.equal(sessionFitsApi('github', 'https://evil.example', undefined), false);
    assert.equal(
      sessionFitsApi(
        'github-enterprise',
        'https://ghe.example.com/api/v3',
        'https://ghe.example.com',
      ),
      true,
    );
    assert.equal(
      sessionFitsApi('github-enterprise', 'https://api.acme.ghe.com', 'https://acme.ghe.com'),
      true,
    );
    assert.equal(
      sessionFitsApi(
        'github-enterprise',
        'https://other.example/api/v3',
        'https://ghe.example.com',
      ),
      false,
    );
    assert.equal(
      sessionFitsApi('github-enterprise', 'https://ghe.example.com/api/v3', undefined),
      false,
    );
    assert.equal(sessionFitsApi('github-enterprise', 'garbage', 'https://ghe.example.com'), false);
  });
});

describe('github helpers for the extension: task references', () => {
  it('asks only about tasks with a branch or PR number, and keys change with them', () => {
    const tasks = lukhas.model?.tasks ?? [];
    const refs = taskPrRefs(tasks);
    assert.deepEqual(
      refs.map((r) => r.key),
      tasks.filter((t) => t.branch || t.prNumber !== undefined).map((t) => t.key),
    );
    assert.ok(
      refs.some(
        (r) => r.key === 'cc2_dashboard' && r.branch === 'chore/claude/coordination-dashboard',
      ),
    );
    assert.equal(hasPullRequestRef({ branch: undefined, prNumber: undefined }), false);
    assert.equal(hasPullRequestRef({ branch: undefined, prNumber: 7 }), true);
    const key = taskPrRefsKey(refs);
    assert.equal(taskPrRefsKey(taskPrRefs(tasks)), key);
    const changed = refs.map((r, i) => (i === 0 ? { ...r, prNumber: 999 } : r));
    assert.notEqual(taskPrRefsKey(changed), key);
  });
});

describe('github helpers for the extension: tree presentation', () => {
  it('shows the PR number and a CI mark, and the age of the data in the tooltip', () => {
    const github = status({
      t: {
        taskKey: 't',
        matchedBy: 'branch',
        pr: pr(410, 'feat/x'),
        ci: ci('success'),
        reviewDecision: 'approved',
      },
    });
    const shown = presentTaskPullRequest(github.tasks.t, github, NOW);
    assert.ok(shown);
    assert.equal(shown.text, '#410 ✓');
    assert.equal(shown.badge, '✓');
    assert.equal(shown.stale, false);
    assert.match(shown.tooltip, /\[#410\]\(https:\/\/github\.com\/o\/r\/pull\/410\)/);
    assert.match(shown.tooltip, /passing \(3\/3\)/);
    assert.match(shown.tooltip, /^open · approved$/m);
    assert.match(shown.tooltip, /Updated 12 min ago/);
  });

  it('names failing checks and counts them', () => {
    const github = status({
      t: {
        taskKey: 't',
        matchedBy: 'prNumber',
        pr: pr(7, 'b', { draft: true }),
        ci: ci('failure', ['e2e', 'lint_*x*']),
      },
    });
    const shown = presentTaskPullRequest(github.tasks.t, github, NOW);
    assert.equal(shown?.text, '#7 draft ✗ 2 failing');
    assert.equal(shown?.badge, '✗');
    assert.match(shown?.tooltip ?? '', /failing: e2e, lint\\_\\\*x\\\*/);
    assert.match(shown?.tooltip ?? '', /^draft$/m);
  });

  it('keeps the last known state after a failed refresh and says why and how old', () => {
    const github = status(
      { t: { taskKey: 't', matchedBy: 'branch', pr: pr(410, 'feat/x'), ci: ci('pending') } },
      {
        error: {
          kind: 'rateLimited',
          message:
            'GitHub rate limit reached until 2025-10-16T07:00:00.000Z: API rate limit exceeded',
        },
      },
    );
    const shown = presentTaskPullRequest(github.tasks.t, github, NOW);
    assert.equal(shown?.stale, true);
    assert.equal(shown?.text, '#410 ●');
    assert.match(
      shown?.tooltip ?? '',
      /Last known state from 12 min ago: GitHub rate limit reached/,
    );
  });

  it('shows merged and closed PRs without a CI mark, and nothing without data', () => {
    const github = status({
      t: { taskKey: 't', matchedBy: 'prNumber', pr: pr(5, 'b', { state: 'merged' }) },
    });
    const shown = presentTaskPullRequest(github.tasks.t, github, NOW);
    assert.equal(shown?.text, '#5 merged');
    assert.equal(shown?.badge, '');
    assert.equal(presentTaskPullRequest(undefined, github, NOW), undefined);
    const never = {
      openPullRequests: [],
      tasks: github.tasks,
      requestCount: 0,
      error: { kind: 'noToken' as const, message: 'x' },
    };
    assert.equal(presentTaskPullRequest(github.tasks.t, never, NOW), undefined);
  });

  it('puts the CI mark next to a PR number the description already has, else appends it', () => {
    const github = status({
      t: { taskKey: 't', matchedBy: 'branch', pr: pr(410, 'feat/x'), ci: ci('success') },
    });
    const shown = presentTaskPullRequest(github.tasks.t, github, NOW);
    assert.ok(shown);
    assert.equal(
      describeWithPullRequest('Codex · 2h · 1/4 · #410', shown),
      'Codex · 2h · 1/4 · #410 ✓',
    );
    assert.equal(describeWithPullRequest('Claude Code · 1h', shown), 'Claude Code · 1h · #410 ✓');
    assert.equal(describeWithPullRequest('', shown), '#410 ✓');
    const task = lukhas.model?.byKey.get('cc2_dashboard');
    assert.ok(task);
    assert.equal(
      describeWithPullRequest(taskDescription(task), shown),
      `${taskDescription(task)} · #410 ✓`,
    );
  });

  it('formats ages in words', () => {
    assert.equal(formatAge(5_000), 'just now');
    assert.equal(formatAge(90_000), '2 min ago');
    assert.equal(formatAge(3 * 3_600_000), '3 h ago');
    assert.equal(formatAge(4 * 86_400_000), '4 d ago');
    assert.equal(formatAge(Number.NaN), 'just now');
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        (ms) => formatAge(ms).length > 0,
      ),
    );
  });
});

describe('github helpers for the extension: dashboard inputs', () => {
  it('gives one entry per PR, tied to its first task and its branch, with CI mapped', () => {
    const shared = pr(410, 'chore/claude/coordination-dashboard');
    const github = status({
      cc1_guardrails: {
        taskKey: 'cc1_guardrails',
        matchedBy: 'branch',
        pr: shared,
        ci: ci('failure', ['unit']),
      },
      cc2_dashboard: {
        taskKey: 'cc2_dashboard',
        matchedBy: 'branch',
        pr: shared,
        ci: ci('failure', ['unit']),
      },
      old: { taskKey: 'old', matchedBy: 'prNumber', pr: pr(300, 'feat/old', { state: 'merged' }) },
    });
    github.openPullRequests.push(pr(404, 'dependabot/pip/fastapi', { draft: true }));
    const inputs = pullRequestInputs(github);
    assert.deepEqual(
      inputs.map((i) => [i.number, i.state, i.ci, i.taskKey, i.branch]),
      [
        [410, 'open', 'failing', 'cc1_guardrails', 'chore/claude/coordination-dashboard'],
        [300, 'merged', 'none', 'old', 'feat/old'],
        [404, 'draft', 'none', undefined, 'dependabot/pip/fastapi'],
      ],
    );
  });

  it('is empty until GitHub answered once', () => {
    assert.deepEqual(
      pullRequestInputs({
        openPullRequests: [],
        tasks: {},
        requestCount: 0,
        error: { kind: 'network', message: 'x' },
      }),
      [],
    );
  });
});

describe('github helpers for the extension: waiting after a rate limit', () => {
  const limited = (retryAt?: string): GitHubStatus => ({
    openPullRequests: [],
    tasks: {},
    requestCount: 1,
    error: { kind: 'rateLimited', message: 'limit', ...(retryAt ? { retryAt } : {}) },
  });

  it('waits until the time GitHub gave, and not without one', () => {
    assert.equal(isWaitingForGitHub(limited('2025-10-16T06:30:00Z'), NOW), true);
    assert.equal(isWaitingForGitHub(limited('2025-10-16T05:59:59Z'), NOW), false);
    assert.equal(isWaitingForGitHub(limited(), NOW), false);
    assert.equal(isWaitingForGitHub(limited('garbage'), NOW), false);
    assert.equal(isWaitingForGitHub(undefined, NOW), false);
    assert.equal(isWaitingForGitHub(status({}), NOW), false);
  });
});
