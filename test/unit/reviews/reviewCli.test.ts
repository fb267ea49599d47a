import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { actingAs, createReviewRepo, headOf, onBranch, PLAN_PATH, rawTask } from './fixture';

interface ShownReview {
  reviewer: string | null;
  because: string;
  checklist: string[];
  state: string;
}

describe('the critical-review gate in the CLI (real git diffs, real processes)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  const planText = () => readFileSync(join(repo.root, PLAN_PATH), 'utf8');
  const shown = async (key: string) => {
    const run = await coord(['show', key, '--json'], repo.root);
    assert.equal(run.code, 0, run.stderr);
    return (JSON.parse(run.stdout) as { reviews: ShownReview[] }).reviews;
  };

  beforeEach(() => {
    repo = createReviewRepo();
  });
  afterEach(() => repo.dispose());

  it('knows the gates from each branch diff: a gated path, a path outside every rule, a rename into one, critical_review', async () => {
    assert.deepEqual(await shown('t_gated'), [
      {
        reviewer: 'Claude Code',
        because: 'changes matriz/core.py',
        checklist: ['Tests cover the change', 'No secrets in the diff'],
        state: 'missing',
        review: null,
      },
    ]);
    assert.deepEqual(await shown('t_free'), []);
    const renamed = await shown('t_rename');
    assert.equal(renamed.length, 1);
    assert.equal(renamed[0].because, 'renames src/old.py to lukhas/identity/old.py');
    assert.equal(renamed[0].reviewer, 'Claude Code');
    const critical = await shown('t_critical');
    assert.deepEqual(
      critical.map((r) => [r.reviewer, r.because, r.checklist]),
      [[null, 'critical_review', ['Threat model updated']]],
    );

    const text = await coord(['show', 't_gated'], repo.root);
    assert.match(
      text.stdout,
      /\nreviews: {10}needed: Claude Code: no approving review \(changes matriz\/core\.py, 2-item checklist\)\n/,
    );
    const criticalText = await coord(['show', 'critical'], repo.root);
    assert.match(criticalText.stdout, /review rules not judged: the task has no branch/);
  });

  it('refuses completion without the review, in one line, writes nothing, and records a forced completion', async () => {
    const before = planText();
    const refused = await coord(['set', 't_gated', '--status', 'completed'], repo.root);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'coord: Cannot complete t_gated ("Touches matriz"): required review by Claude Code: no approving review (changes matriz/core.py). Use --force to go ahead anyway; it is recorded on the task.\n',
    );
    assert.equal(planText(), before);

    const free = await coord(['set', 't_free', '--status', 'completed'], repo.root);
    assert.equal(free.code, 0, free.stderr);
    assert.equal(rawTask(repo, 't_free').status, 'completed');

    const forced = await coord(
      ['set', 't_gated', '--status', 'completed', '--force'],
      repo.root,
      undefined,
      actingAs('Codex'),
    );
    assert.equal(forced.code, 0, forced.stderr);
    const task = rawTask(repo, 't_gated');
    assert.equal(task.status, 'completed');
    assert.deepEqual(
      task.overrides?.map((o) => [o.gate, o.by, o.reasons]),
      [
        [
          'completion',
          'Codex',
          ['required review by Claude Code: no approving review (changes matriz/core.py)'],
        ],
      ],
    );
  });

  it('refuses self-approval by the owner and by the author of the branch commits, in one line', async () => {
    const before = planText();
    const owner = await coord(
      ['review', 't_gated', '--approve', '--check', '1,2'],
      repo.root,
      undefined,
      actingAs('Codex'),
    );
    assert.equal(owner.code, 1);
    assert.match(
      owner.stderr,
      /^coord: Codex cannot approve t_gated: they own it or did its work \(Codex, Test User\)\.\n$/,
    );
    const author = await coord(
      ['review', 't_gated', '--approve', '--check', '1,2'],
      repo.root,
      undefined,
      actingAs(),
    );
    assert.equal(author.code, 1);
    assert.match(author.stderr, /^coord: Test User cannot approve t_gated/);
    assert.equal(planText(), before, 'a refused review writes nothing');
  });

  it('refuses approval by the agent who started the task, and takes it from someone else', async () => {
    const started = await coord(
      ['start', 't_critical'],
      repo.root,
      undefined,
      actingAs('Claude Code'),
    );
    assert.equal(started.code, 0, started.stderr);
    assert.equal(
      (rawTask(repo, 't_critical') as { started_by?: string }).started_by,
      'Claude Code',
    );
    const starter = await coord(
      ['review', 'critical', '--approve', '--check', '1'],
      repo.root,
      undefined,
      actingAs('Claude Code'),
    );
    assert.equal(starter.code, 1);
    assert.match(
      starter.stderr,
      /^coord: Claude Code cannot approve t_critical: they own it or did its work \(Copilot, Claude Code\)\.\n$/,
    );
    const other = await coord(
      ['review', 'critical', '--approve', '--check', '1'],
      repo.root,
      undefined,
      actingAs('Ana'),
    );
    assert.equal(other.code, 0, other.stderr);
    const done = await coord(['set', 'critical', '--status', 'completed'], repo.root);
    assert.equal(done.code, 0, done.stderr);
  });

  it('records an approval of the branch head that opens the gate, and a later commit makes it stale', async () => {
    const unchecked = await coord(
      ['review', 't_gated', '--approve', '--check', '1'],
      repo.root,
      undefined,
      actingAs('Claude Code'),
    );
    assert.equal(unchecked.code, 1);
    assert.match(
      unchecked.stderr,
      /needs every checklist item checked; unchecked: 2 \(No secrets in the diff\)/,
    );

    const head = headOf(repo, 'feat/codex/gated');
    const approved = await coord(
      ['review', 'gated', '--approve', '--check', '1', '--check', '2', '--note', 'looks right'],
      repo.root,
      undefined,
      actingAs('Claude Code'),
    );
    assert.equal(approved.code, 0, approved.stderr);
    assert.equal(approved.stdout, `Claude Code approved t_gated at ${head.slice(0, 10)}.\n`);
    const [review] = rawTask(repo, 't_gated').reviews!;
    assert.deepEqual(
      { ...review, at: undefined },
      {
        reviewer: 'Claude Code',
        verdict: 'approve',
        checked: [1, 2],
        note: 'looks right',
        at: undefined,
        host: 'cli',
        commit: head,
      },
    );
    assert.ok(!Number.isNaN(Date.parse(review.at)));
    assert.equal((await shown('t_gated'))[0].state, 'approved');

    onBranch(repo, 'feat/codex/gated', (write) => write('matriz/core.py', 'x = 2\n'));
    assert.equal((await shown('t_gated'))[0].state, 'stale');
    const refused = await coord(['set', 't_gated', '--status', 'completed'], repo.root);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      new RegExp(
        `required review by Claude Code: review by Claude Code of ${head.slice(0, 10)} is stale: the branch has newer commits`,
      ),
    );

    const again = await coord(
      ['review', 't_gated', '--approve', '--check', '1,2'],
      repo.root,
      undefined,
      actingAs('Claude Code'),
    );
    assert.equal(again.code, 0, again.stderr);
    const done = await coord(['set', 't_gated', '--status', 'completed'], repo.root);
    assert.equal(done.code, 0, done.stderr);
    assert.equal(rawTask(repo, 't_gated').status, 'completed');
    assert.equal(rawTask(repo, 't_gated').overrides, undefined);
  });

  it('keeps the gate shut after a request for changes, and lists the queue oldest first with the overdue flagged', async () => {
    const changes = await coord(
      ['review', 't_rename', '--request-changes', '--note', 'keep the old import path'],
      repo.root,
      undefined,
      actingAs('Claude Code'),
    );
    assert.equal(changes.code, 0, changes.stderr);
    const refused = await coord(['set', 't_rename', '--status', 'completed'], repo.root);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /required review by Claude Code: changes requested by Claude Code at /,
    );

    const old = new Date(Date.now() - 3 * 24 * 3_600_000).toISOString();
    onBranch(repo, 'feat/codex/gated', (write) => write('matriz/more.py', 'y = 1\n'), old);
    const queue = await coord(['review', '--queue', '--json'], repo.root);
    assert.equal(queue.code, 0, queue.stderr);
    const entries = JSON.parse(queue.stdout) as {
      taskKey: string;
      overdue: boolean;
      ageMs?: number;
    }[];
    assert.deepEqual(
      entries.map((e) => [e.taskKey, e.overdue]),
      [
        ['t_gated', true],
        ['t_rename', false],
        ['t_critical', false],
      ],
    );
    const text = await coord(['review', '--queue'], repo.root);
    assert.match(
      text.stdout,
      /^t_gated {2}Touches matriz {2}waiting 3 d {2}OVERDUE \(over 24 h\)\n {4}Claude Code: no approving review\n/,
    );
  });

  it('judges a branch known only on origin, and says when the branch is nowhere', async () => {
    repo.git('update-ref', 'refs/remotes/origin/feat/codex/gated', 'feat/codex/gated');
    repo.git('branch', '-D', 'feat/codex/gated');
    assert.equal((await shown('t_gated'))[0]?.because, 'changes matriz/core.py');
    repo.git('update-ref', '-d', 'refs/remotes/origin/feat/codex/gated');
    assert.deepEqual(await shown('t_gated'), []);
    const text = await coord(['show', 't_gated'], repo.root);
    assert.match(
      text.stdout,
      /\nreviews: +review rules not judged: branch feat\/codex\/gated is not in the repository\n/,
    );
  });

  it('with reviewers mapped to GitHub logins but no GitHub to ask, says so in one line and keeps the gate', async () => {
    repo.write(
      '.vscode/settings.json',
      '{ "coordinator.reviews.githubLogins": { "Claude Code": ["claude-bot"] } }\n',
    );
    assert.equal((await coord(['set', 't_gated', '--pr', '7'], repo.root)).code, 0);
    // Trusted: only a trusted repository's settings may map reviewers to logins.
    const env = { ...actingAs('Codex'), GITHUB_TOKEN: '', GH_TOKEN: '', COORD_TRUSTED: '1' };
    const refused = await coord(
      ['set', 't_gated', '--status', 'completed'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(refused.code, 1);
    const lines = refused.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, refused.stderr);
    assert.match(
      lines[0]!,
      /^coord: Reviews of PR #7 not read \(.+\); only recorded reviews count\.$/,
    );
    assert.match(
      lines[1]!,
      /^coord: Cannot complete t_gated .*required review by Claude Code: no approving review/,
    );
  });

  it('answers bad input with one line', async () => {
    const both = await coord(['review', 't_gated', '--approve', '--request-changes'], repo.root);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^coord: give exactly one of --approve and --request-changes\n/);
    const badCheck = await coord(
      ['review', 't_gated', '--approve', '--check', '7'],
      repo.root,
      undefined,
      actingAs('Claude Code'),
    );
    assert.equal(badCheck.code, 1);
    assert.equal(badCheck.stderr, 'coord: checklist items are numbered 1 to 2, not 7.\n');
  });
});
