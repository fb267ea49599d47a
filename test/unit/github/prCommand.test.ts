import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/hosts/cli/main';
import { FakeGitHub } from '../../support/fake-github';
import { createTempRepo } from '../../support/tempRepo';

const FIXTURE = readFileSync('test/fixtures/lukhas/task_status.json', 'utf8');
const TOKEN = 'ghp_PrCommandToken0123456789abcdefXYZ7';

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

describe('coord pr against the fake GitHub', function () {
  let base: string;
  let root: string;
  let fake: FakeGitHub;
  let saved: string | undefined;

  beforeEach(async () => {
    const repo = createTempRepo({ name: 'Lukhas', empty: true });
    base = repo.parent;
    root = repo.root;
    git(base, 'init', '-q', '--bare', 'origin.git');
    repo.write('docs/plans/task_status.json', FIXTURE);
    repo.commit('plan');
    git(root, 'remote', 'add', 'origin', join(base, 'origin.git'));
    git(root, 'branch', '--', 'feat/codex/matriz-circuit-breaker');
    fake = await FakeGitHub.start({ owner: 'LukhasAI', repo: 'Lukhas', token: TOKEN });
    saved = process.env.GITHUB_TOKEN;
    process.env.GITHUB_TOKEN = TOKEN;
  });

  afterEach(async () => {
    if (saved === undefined) {
      delete process.env.GITHUB_TOKEN;
    } else {
      process.env.GITHUB_TOKEN = saved;
    }
    await fake.close();
    rmSync(base, { recursive: true, force: true });
  });

  function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    return runCli(
      ['pr', ...args, '--owner', 'LukhasAI', '--repo', 'Lukhas', '--api-url', fake.url],
      {
        cwd: root,
        env: process.env,
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
      },
    ).then((code) => ({ code, out: out.join(''), err: err.join('') }));
  }

  it('pushes the branch, opens a draft PR with the critical-review label and reviewer, and writes pr_number', async () => {
    fake.state.branchesWithCommits.add('feat/codex/matriz-circuit-breaker');
    const result = await run(
      'taskB',
      '--push',
      '--draft',
      '--label',
      'critical-review',
      '--reviewer',
      'claude-reviewer',
    );
    assert.equal(result.code, 0, result.err);
    assert.match(
      git(base, '--git-dir', 'origin.git', 'branch', '--list'),
      /feat\/codex\/matriz-circuit-breaker/,
    );
    const pr = fake.state.pulls[0]!;
    assert.deepEqual(
      [pr.head, pr.base, pr.draft, pr.labels, pr.requestedReviewers, pr.title],
      [
        'feat/codex/matriz-circuit-breaker',
        'main',
        true,
        ['critical-review'],
        ['claude-reviewer'],
        'feat: Circuit-Breaker to MATRIZ',
      ],
    );
    assert.match(pr.body ?? '', /## Acceptance criteria/);
    assert.equal(result.out.trim(), `https://github.com/LukhasAI/Lukhas/pull/${pr.number}`);
    const written = readFileSync(join(root, 'docs', 'plans', 'task_status.json'), 'utf8');
    assert.match(
      written,
      new RegExp(`"taskB_circuit_breaker": \\{[^}]*"pr_number": ${pr.number},`),
    );
    type Doc = { tasks: Record<string, Record<string, Record<string, unknown>>> };
    const after = JSON.parse(written) as Doc;
    const before = JSON.parse(FIXTURE) as Doc;
    before.tasks.quick_wins!.taskB_circuit_breaker!.pr_number = pr.number;
    assert.deepEqual(after.tasks, before.tasks, 'no other task changed');
    assert.equal(result.err.includes(TOKEN.slice(4)), false);
  });

  it("reports GitHub's reason for a branch with no commits and leaves the file alone", async () => {
    const result = await run('taskA', '--base', 'main');
    assert.equal(result.code, 1);
    assert.match(
      result.err,
      /No commits between main and feat\/codex\/idempotency-redis \(was the branch pushed\? --push does it\)/,
    );
    assert.equal(readFileSync(join(root, 'docs', 'plans', 'task_status.json'), 'utf8'), FIXTURE);
  });

  it('refuses a task without a branch before any request', async () => {
    const result = await run('cc3');
    assert.equal(result.code, 1);
    assert.match(result.err, /cc3 has no branch/);
    assert.equal(fake.exchanges.length, 0);
  });
});
