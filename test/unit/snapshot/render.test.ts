import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { GitHubStatus } from '../../../src/features/github/model/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { TaskModel } from '../../../src/kernel/model/types';
import { buildSnapshot, type SnapshotInput } from '../../../src/features/snapshots/model/build';
import { isDailySnapshotDue } from '../../../src/features/snapshots/model/daily';
import { diffSnapshots, hasChanges } from '../../../src/features/snapshots/model/diff';
import { cell, renderSnapshotMarkdown } from '../../../src/features/snapshots/model/markdown';
import { mermaidLabel, renderMermaidGraph } from '../../../src/features/snapshots/model/mermaid';
import {
  snapshotDate,
  snapshotId,
  snapshotIdOfFile,
  snapshotPaths,
} from '../../../src/features/snapshots/model/naming';

const FIXTURE = readFileSync('test/fixtures/lukhas/task_status.json', 'utf8');
const NOW = new Date('2025-10-16T05:32:29Z');

function loaded(text = FIXTURE) {
  const result = loadTaskFile(text);
  assert.ok(result.model);
  return result as SnapshotInput['loaded'] & { model: TaskModel };
}

function github(overrides: Partial<GitHubStatus> = {}): GitHubStatus {
  const pr410 = {
    number: 410,
    title: 'chore(coordination): Claude Code task coordination infrastructure',
    url: 'https://github.com/LukhasAI/Lukhas/pull/410',
    state: 'open' as const,
    draft: false,
    headRef: 'chore/claude/coordination-dashboard',
    headSha: 'a'.repeat(40),
    baseRef: 'main',
    labels: [],
    mergeable: true,
  };
  const dependabot = {
    ...pr410,
    number: 404,
    title: 'chore(deps): bump fastapi',
    headRef: 'dependabot/pip/fastapi-0.119.0',
    author: 'dependabot[bot]',
  };
  const ci = {
    state: 'failure' as const,
    total: 2,
    passed: 1,
    failed: 1,
    pending: 0,
    failing: ['pytest'],
    items: [],
  };
  return {
    repository: { owner: 'LukhasAI', repo: 'Lukhas' },
    fetchedAt: '2025-10-16T05:30:00.000Z',
    openPullRequests: [pr410, dependabot],
    tasks: {
      cc1_guardrails: {
        taskKey: 'cc1_guardrails',
        pr: pr410,
        matchedBy: 'branch',
        ci,
        reviewDecision: 'review_required',
      },
      cc2_dashboard: {
        taskKey: 'cc2_dashboard',
        pr: pr410,
        matchedBy: 'branch',
        ci,
        reviewDecision: 'review_required',
      },
    },
    requestCount: 5,
    ...overrides,
  };
}

const worktrees = [
  {
    path: '.',
    branch: 'fix/lukhas-e402-noqa',
    head: 'de19b187c0',
    detached: false,
    bare: false,
    main: true,
  },
  {
    path: '../Lukhas-claude-coordinator',
    branch: 'chore/claude/coordination-dashboard',
    head: '5a7244647a',
    detached: false,
    bare: false,
    main: false,
  },
];

describe('snapshot: naming', () => {
  it('uses UTC date folders and YYYYMMDDTHHMMSSZ ids', () => {
    const late = new Date('2025-10-16T23:59:59Z');
    assert.equal(snapshotId(late), '20251016T235959Z');
    assert.equal(snapshotDate(late), '2025-10-16');
    assert.deepEqual(snapshotPaths(NOW), {
      dateFolder: '2025-10-16',
      json: '2025-10-16/snapshot_20251016T053229Z.json',
      markdown: '2025-10-16/snapshot_20251016T053229Z.md',
      latestJson: '2025-10-16/latest.json',
      latestMarkdown: '2025-10-16/latest.md',
    });
    assert.equal(snapshotIdOfFile('snapshot_20251016T053229.json'), '20251016T053229');
    assert.equal(snapshotIdOfFile('latest.json'), undefined);
  });

  it('makes a daily snapshot due once per UTC day', () => {
    assert.equal(isDailySnapshotDue(undefined, NOW), true);
    assert.equal(isDailySnapshotDue('2025-10-16T01:00:00.000Z', NOW), false);
    assert.equal(isDailySnapshotDue('2025-10-15T23:59:59.000Z', NOW), true);
    assert.equal(isDailySnapshotDue(undefined, NOW, 9), false);
    assert.equal(isDailySnapshotDue('garbage', NOW), true);
  });
});

describe('snapshot: document', () => {
  it('carries the derived summary, tasks, PRs with CI, failures, worktrees and guardrails', () => {
    const doc = buildSnapshot({
      now: NOW,
      loaded: loaded(),
      taskFile: 'docs/plans/task_status.json',
      worktrees,
      github: github(),
    });
    assert.equal(doc.summary.total, 21);
    assert.equal(doc.summary.byStatus.in_progress, 1, 'derived, not the stale stored summary');
    assert.equal(
      doc.tasks.find((t) => t.key === 'cc2_dashboard')?.worktree,
      '../Lukhas-claude-coordinator',
    );
    const pr = doc.github.pullRequests[0];
    assert.deepEqual(
      [pr?.number, pr?.taskKeys, pr?.ci],
      [410, ['cc1_guardrails', 'cc2_dashboard'], 'failure'],
    );
    assert.equal(doc.github.pullRequests[1]?.ci, 'unknown');
    assert.deepEqual(doc.ciFailures, [
      {
        prNumber: 410,
        title: pr?.title,
        taskKeys: ['cc1_guardrails', 'cc2_dashboard'],
        checks: ['pytest'],
      },
    ]);
    assert.deepEqual(doc.worktrees[1]?.taskKeys, ['cc1_guardrails', 'cc2_dashboard']);
    assert.deepEqual(
      doc.guardrails.map((g) => [g.key, g.status]),
      [
        ['state_sweep', 'not_started'],
        ['shadow_diff', 'waiting'],
        ['compat_enforce', 'not_started'],
        ['openapi_validation', 'not_started'],
      ],
    );
    assert.ok(
      doc.dependencies.some(
        (e) => e.from === 'taskB_circuit_breaker' && e.to === 'cc3_circuit_review' && !e.external,
      ),
    );
    assert.ok(doc.dependencies.some((e) => e.from === 'prometheus_running' && e.external));
    assert.equal(doc.changes, undefined);
  });

  it('lists every PR of a task split across several, each with its own CI', () => {
    const text = JSON.stringify({
      tasks: {
        split: { name: 'Split work', status: 'in_progress', pr_numbers: [442, 443] },
      },
    });
    const base = github();
    const pr = (number: number, state: 'open' | 'merged') => ({
      ...base.openPullRequests[0]!,
      number,
      state,
      title: `Part ${number}`,
      url: `https://github.com/LukhasAI/Lukhas/pull/${number}`,
    });
    const ci = { ...base.tasks.cc1_guardrails!.ci!, state: 'success' as const, failing: [] };
    const doc = buildSnapshot({
      now: NOW,
      loaded: loaded(text),
      taskFile: 'task_status.json',
      worktrees: [],
      github: github({
        openPullRequests: [pr(443, 'open')],
        tasks: {
          split: {
            taskKey: 'split',
            matchedBy: 'prNumber',
            pr: pr(443, 'open'),
            ci,
            others: [{ pr: pr(442, 'merged') }],
          },
        },
      }),
    });
    assert.deepEqual(doc.tasks[0]?.prNumbers, [442, 443]);
    assert.deepEqual(
      doc.github.pullRequests.map((p) => [p.number, p.state, p.taskKeys]),
      [
        [443, 'open', ['split']],
        [442, 'merged', ['split']],
      ],
    );
    const row = renderSnapshotMarkdown(doc)
      .split('\n')
      .find((line) => line.includes('Split work'));
    assert.match(row ?? '', /\[#442\]\([^)]*\/442\)[^,|]*, \[#443\]\([^)]*\/443\) /);
  });

  it('says why GitHub data is missing, and marks last-known data as stale', () => {
    const offline = buildSnapshot({
      now: NOW,
      loaded: loaded(),
      worktrees,
      github: { unavailable: 'offline' },
    });
    assert.deepEqual([offline.github.available, offline.github.reason], [false, 'offline']);
    const md = renderSnapshotMarkdown(offline);
    assert.match(md, /GitHub data unavailable\.\*\* offline/);
    assert.match(md, /## Tasks/);

    const stale = buildSnapshot({
      now: NOW,
      loaded: loaded(),
      worktrees,
      github: github({
        error: {
          kind: 'rateLimited',
          message: 'GitHub rate limit reached',
          retryAt: '2025-10-16T06:00:00Z',
        },
      }),
    });
    assert.equal(stale.github.stale, true);
    assert.match(
      renderSnapshotMarkdown(stale),
      /\*\*Stale:\*\* Last refresh failed \(GitHub rate limit reached\)/,
    );

    const never = buildSnapshot({
      now: NOW,
      loaded: loaded(),
      worktrees,
      github: {
        openPullRequests: [],
        tasks: {},
        requestCount: 1,
        error: { kind: 'network', message: 'GitHub could not be reached' },
      },
    });
    assert.deepEqual(
      [never.github.available, never.github.reason],
      [false, 'GitHub could not be reached'],
    );
  });
});

describe('snapshot: changes since the previous one', () => {
  it('lists status, PR, CI, guardrail and worktree changes', () => {
    const before = buildSnapshot({ now: NOW, loaded: loaded(), worktrees, github: github() });
    const text = FIXTURE.replace(
      /"status": "not_started",(\s+"priority": "high",\s+"estimated_hours": 2.5,\s+"branch": "feat\/codex\/shadow-diff-harness")/,
      '"status": "completed",$1',
    ).replace(
      '"status": "not_started",\n      "required": true,\n      "command": "make state-sweep"',
      '"status": "pass",\n      "required": true,\n      "command": "make state-sweep"',
    );
    const gh = github();
    const fixed = {
      ...gh.tasks.cc2_dashboard!,
      ci: {
        state: 'success' as const,
        total: 1,
        passed: 1,
        failed: 0,
        pending: 0,
        failing: [],
        items: [],
      },
    };
    const after = buildSnapshot({
      now: new Date('2025-10-17T05:00:00Z'),
      loaded: loaded(text),
      worktrees: worktrees.slice(0, 1),
      github: {
        ...gh,
        openPullRequests: [gh.openPullRequests[0]!],
        tasks: { cc1_guardrails: fixed, cc2_dashboard: fixed },
      },
      previous: before,
    });
    const changes = after.changes;
    assert.ok(changes && hasChanges(changes));
    assert.equal(after.previousSnapshotId, '20251016T053229Z');
    assert.deepEqual(
      changes.statusChanges.map((c) => [c.key, c.from, c.to]),
      [['task1_shadow_diff', 'ready', 'completed']],
    );
    assert.deepEqual(
      changes.pullRequestsClosed.map((pr) => pr.number),
      [404],
    );
    assert.deepEqual(changes.ciChanges, [{ number: 410, from: 'failure', to: 'success' }]);
    assert.deepEqual(changes.guardrailChanges, [
      { key: 'state_sweep', from: 'not_started', to: 'pass' },
    ]);
    assert.deepEqual(changes.worktreesRemoved, ['../Lukhas-claude-coordinator']);
    assert.ok(changes.completion.to > changes.completion.from);
    const md = renderSnapshotMarkdown(after);
    assert.match(md, /- Shadow-Diff Harness \(`task1_shadow_diff`\): ready → completed/);
    assert.match(md, /- PR #404 closed or merged/);
    assert.match(md, /- Worktree removed: `..\/Lukhas-claude-coordinator`/);
  });

  it('says nothing changed when nothing did, and does not invent PR changes when GitHub was offline', () => {
    const a = buildSnapshot({ now: NOW, loaded: loaded(), worktrees, github: github() });
    const b = buildSnapshot({
      now: new Date('2025-10-16T06:00:00Z'),
      loaded: loaded(),
      worktrees,
      github: { unavailable: 'offline' },
    });
    const changes = diffSnapshots(a, b);
    assert.equal(hasChanges(changes), false);
    assert.match(
      renderSnapshotMarkdown({ ...b, changes }),
      /Nothing changed since `20251016T053229Z`/,
    );
  });
});

describe('snapshot: Markdown for GitHub', () => {
  it('has the sections, a linked PR table and a mermaid graph with status classes', () => {
    const md = renderSnapshotMarkdown(
      buildSnapshot({ now: NOW, loaded: loaded(), worktrees, github: github() }),
    );
    for (const heading of [
      '## Summary',
      '## Changes since previous snapshot',
      '## Tasks',
      '### claude_code',
      '## Pull requests',
      '### CI failures',
      '## Worktrees',
      '## Guardrails',
      '## Dependency graph',
    ]) {
      assert.ok(md.includes(`\n${heading}\n`), heading);
    }
    assert.match(
      md,
      /\| \[#410\]\(https:\/\/github.com\/LukhasAI\/Lukhas\/pull\/410\) \| chore\(coordination\)/,
    );
    assert.match(md, /<details><summary>1 other open PRs<\/summary>/);
    assert.match(md, /```mermaid\ngraph TD\n/);
    assert.match(md, /classDef waiting /);
    assert.match(md, /t6 --> t17/);
    // Every table row has as many cells as its header.
    const lines = md.split('\n');
    lines.forEach((line, i) => {
      if (line.startsWith('| ---')) {
        const width = lines[i - 1]!.split(' | ').length;
        for (let j = i + 1; lines[j]?.startsWith('|'); j++) {
          assert.equal(lines[j]!.replace(/\\\|/g, '').split(' | ').length, width, lines[j]);
        }
      }
    });
  });

  it('escapes what would break a table or a mermaid label', () => {
    assert.equal(cell('a | b\nc'), 'a \\| b c');
    assert.equal(mermaidLabel('say "hi" <b>|`x`'), 'say #quot;hi#quot; #lt;b#gt;  x ');
    const text = FIXTURE.replace(
      '"name": "Shadow-Diff Harness"',
      '"name": "Shadow | \\"Diff\\" <Harness>"',
    );
    const doc = buildSnapshot({
      now: NOW,
      loaded: loaded(text),
      worktrees,
      github: { unavailable: 'offline' },
    });
    assert.match(
      renderMermaidGraph(doc),
      /t0\["task1: Shadow {3}#quot;Diff#quot; #lt;Harness#gt;"\]:::ready/,
    );
    assert.match(renderSnapshotMarkdown(doc), /\| Shadow \\\| "Diff" &lt;Harness&gt; \|/);
  });
});
