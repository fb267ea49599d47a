import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTaskInWorktree } from '../../../src/features/worktrees';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { coord } from '../cli/runCoord';
import { createTempRepo, type TempRepo } from '../taskfile/gitRepo';

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

/** The coordinator's own files (run logs, locks) never make a checkout look dirty. */
posixOnly('the tool’s own outputs and git status (real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    repo.write(
      'docs/plans/task_status.json',
      `${JSON.stringify(
        {
          tasks: {
            main: {
              t1: { id: 't1', name: 'Audit', status: 'not_started', branch: 'feat/codex/audit' },
            },
          },
          pre_audit_guardrails: {
            audit: {
              required: true,
              command: 'echo "audit: 0 findings"',
              expected: '0 findings',
              output_path: 'docs/audits/live/<timestamp>/audit.log',
            },
          },
        },
        null,
        2,
      )}\n`,
    );
    repo.write('.dev/locks/.gitkeep', '');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'plan']);
  });
  after(() => repo.remove());

  const status = (cwd: string) => repo.git(['status', '--porcelain', '--untracked-files=all'], cwd);

  it('run logs and locks stay out of git status in the main checkout and in a task worktree', async () => {
    const taskFilePath = join(repo.main, 'docs/plans/task_status.json');
    const started = await startTaskInWorktree({
      taskKey: 't1',
      taskFilePath,
      store: new TaskFileStore(taskFilePath),
    });
    assert.ok(existsSync(join(repo.main, '.dev', 'locks', 't1.lock')));
    for (const cwd of [repo.main, started.path]) {
      const run = await coord(
        ['guardrails', 'run', '--trusted', '--no-record', '--file', taskFilePath],
        cwd,
      );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(readdirSync(join(cwd, '.dev', 'guardrails')).length, 1);
    }
    const mainStatus = status(repo.main);
    const worktreeStatus = status(started.path);
    console.log(
      `leftovers in git status: main ${JSON.stringify(mainStatus)}, worktree ${JSON.stringify(worktreeStatus)}`,
    );
    assert.ok(!mainStatus.includes('.dev/'), mainStatus);
    assert.ok(!worktreeStatus.includes('.dev/'), worktreeStatus);
    assert.match(
      readFileSync(join(repo.main, '.git', 'info', 'exclude'), 'utf8'),
      /^\/\.dev\/guardrails\/$/m,
    );
  });

  it('the declared output_path artefacts stay where the team asked, and are the team’s to commit', () => {
    const live = join(repo.main, 'docs', 'audits', 'live');
    const runs = readdirSync(live);
    assert.equal(runs.length, 1);
    assert.match(readFileSync(join(live, runs[0], 'audit.log'), 'utf8'), /audit: 0 findings/);
    assert.match(status(repo.main), /docs\/audits\/live\//);
  });

  it('a log folder outside the checkout leaves info/exclude alone', async () => {
    const outside = join(repo.base, 'logs-elsewhere');
    mkdirSync(outside, { recursive: true });
    const before = readFileSync(join(repo.main, '.git', 'info', 'exclude'), 'utf8');
    const run = await coord(
      ['guardrails', 'run', '--trusted', '--no-record', '--log-folder', outside],
      repo.main,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(repo.main, '.git', 'info', 'exclude'), 'utf8'), before);
  });
});
