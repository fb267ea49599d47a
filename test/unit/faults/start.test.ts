import { COPILOT_HOOKS_FILE } from '../../../src/features/agents/model/setup/copilotSetup';
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { gitIn, isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, TASK_FILE, type TaskRepo } from '../worktrees/fixtureTasks';
import {
  buildCli,
  faultSeed,
  runCli,
  seededRandom,
  startCli,
  waitForGroupExit,
  type BuiltCli,
} from './startHarness';

const TASK = 'task1_shadow_diff';
const BRANCH = 'feat/codex/shadow-diff-harness';
const WORKTREE = 'repo-codex-shadow-diff-harness';
const KILL_TRIALS = Number(process.env.FAULT_START_TRIALS ?? 50);

function branches(repo: TaskRepo): string[] {
  const text = repo.git('for-each-ref', '--format=%(refname)', 'refs/heads').trim();
  return text.split('\n').filter((line) => line.length > 0);
}

function worktreeBlocks(repo: TaskRepo): string[] {
  return repo
    .git('worktree', 'list', '--porcelain')
    .split('\n\n')
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}

async function recordedTask(repo: TaskRepo, key = TASK) {
  return (await new TaskFileStore(repo.taskFilePath).read()).model?.byKey.get(key);
}

/** The repository a killed start may leave: a `.env` to copy and the seeds' lock folder. */
function killRepo(): TaskRepo {
  const repo = createTaskRepo();
  repo.write('.env', 'SECRET=1\n');
  mkdirSync(join(repo.root, '.dev', 'locks'), { recursive: true });
  return repo;
}

/** A copy of `template` in a fresh temp folder: much cheaper than making a repository again. */
function copyRepo(template: TaskRepo): TaskRepo {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), 'coord-git-')));
  const root = join(parent, 'repo');
  cpSync(template.root, root, { recursive: true, verbatimSymlinks: true });
  const taskFilePath = join(root, TASK_FILE);
  return {
    ...template,
    parent,
    root,
    taskFilePath,
    store: new TaskFileStore(taskFilePath),
    git: (...args: string[]) => gitIn(root, args),
    dispose: () => rmSync(parent, { recursive: true, force: true }),
  };
}

/** Everything that differs from one clean start of task1; empty when the start is complete and tidy. */
async function problemsAfterStart(repo: TaskRepo): Promise<string[]> {
  const problems: string[] = [];
  const worktree = join(repo.parent, WORKTREE);
  const task = await recordedTask(repo);
  if (task?.status !== 'in_progress') {
    problems.push(`task status ${task?.status}`);
  }
  if (task?.branch !== BRANCH || task?.worktreePath !== `../${WORKTREE}`) {
    problems.push(`task records branch ${task?.branch} at ${task?.worktreePath}`);
  }
  const blocks = worktreeBlocks(repo);
  const expectedBlock = `worktree ${worktree}\nHEAD `;
  const ours = blocks.filter((block) => block.startsWith(expectedBlock));
  if (blocks.length !== 2 || ours.length !== 1) {
    problems.push(`worktrees: ${JSON.stringify(blocks)}`);
  } else if (!ours[0]?.endsWith(`branch refs/heads/${BRANCH}`)) {
    problems.push(`worktree entry: ${JSON.stringify(ours[0])}`);
  }
  const admin = readdirSync(join(repo.root, '.git', 'worktrees'));
  if (admin.length !== 1) {
    problems.push(`entries in .git/worktrees: ${admin.join(' ')}`);
  }
  const heads = branches(repo);
  if (heads.join(' ') !== `refs/heads/${BRANCH} refs/heads/main`) {
    problems.push(`branches: ${heads.join(' ')}`);
  }
  const brief = join(worktree, 'TASK_BRIEF.md');
  if (!existsSync(brief) || !readFileSync(brief, 'utf8').includes('do not commit it.')) {
    problems.push('brief missing or incomplete');
  }
  const env = join(worktree, '.env');
  if (!existsSync(env) || readFileSync(env, 'utf8') !== 'SECRET=1\n') {
    problems.push('.env missing or incomplete');
  }
  if (existsSync(worktree)) {
    const inWorktree = repo
      .git('-C', worktree, 'status', '--porcelain', '--ignored', '--untracked-files=all')
      .trim()
      .split('\n')
      .sort();
    // Ignored: the copied .env, the brief and Copilot CLI's state hooks (both in info/exclude).
    const expected = ['!! .env', `!! ${COPILOT_HOOKS_FILE}`, '!! TASK_BRIEF.md'].sort();
    if (inWorktree.join('|') !== expected.join('|')) {
      problems.push(`worktree status: ${inWorktree.join(', ')}`);
    }
  }
  const inMain = repo
    .git('status', '--porcelain', '--ignored', '--untracked-files=all')
    .split('\n')
    .filter((line) => line.length > 0 && !isStoreTemp(line))
    .sort();
  const expectedMain = [
    '!! .dev/locks/task1_shadow_diff.lock',
    '!! .env',
    ' M docs/plans/task_status.json',
  ].sort();
  if (inMain.join('|') !== expectedMain.join('|')) {
    problems.push(`main checkout status: ${inMain.join(', ')}`);
  }
  const beside = readdirSync(repo.parent).sort();
  if (beside.join(' ') !== `repo ${WORKTREE}`) {
    problems.push(`folders beside the repository: ${beside.join(' ')}`);
  }
  return problems;
}

/** Temp and lock files of the task-file store, reported apart: cleaning them belongs to the store. */
const STORE_FILE = /^\.?task_status\.json\.(\d+\.[0-9a-f]+\.tmp|lock.*)$/;

function isStoreTemp(statusLine: string): boolean {
  const path = statusLine.slice(3);
  return path.startsWith('docs/plans/') && STORE_FILE.test(path.slice('docs/plans/'.length));
}

function storeLeftoverCount(repo: TaskRepo): number {
  return readdirSync(join(repo.root, 'docs', 'plans')).filter((name) => STORE_FILE.test(name))
    .length;
}

describe('faults: start-task is either done or undone (built CLI, real git)', function () {
  this.timeout(Math.max(120_000, KILL_TRIALS * 4_000));
  isolateGitConfig();
  let cli: BuiltCli;
  let repo: TaskRepo | undefined;
  const outside: string[] = [];

  before(async () => {
    cli = await buildCli();
  });
  after(() => cli?.dispose());
  afterEach(() => {
    repo?.dispose();
    repo = undefined;
    for (const folder of outside.splice(0)) {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  function outsideFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'coord-outside-'));
    outside.push(folder);
    return folder;
  }

  it(`kill -9 at random moments of coord start (${KILL_TRIALS} trials): the next start completes every one`, async () => {
    const seed = faultSeed();
    const random = seededRandom(seed);
    const template = killRepo();
    const timing = copyRepo(template);
    const started = Date.now();
    const clean = await runCli(cli.path, ['start', TASK], timing.root);
    const duration = Date.now() - started;
    const cleanProblems = await problemsAfterStart(timing);
    timing.dispose();
    assert.equal(clean.code, 0, clean.stderr);
    assert.deepEqual(cleanProblems, [], 'an uninterrupted start is complete and tidy');

    const trials = Array.from({ length: KILL_TRIALS }, (_, index) => ({
      index,
      delay: Math.floor(random() * duration * 1.1),
      // A closed terminal kills the whole group; `kill -9 PID` leaves git children to finish
      // alone, and the next start may begin before they do.
      mode: (['group', 'pid', 'pid, retried at once'] as const)[Math.floor(random() * 3)],
    }));
    let killedMidway = 0;
    let storeLeftovers = 0;
    const unrepaired: string[] = [];
    const runTrial = async (trial: (typeof trials)[number]) => {
      const trialRepo = copyRepo(template);
      try {
        const first = startCli(cli.path, ['start', TASK], trialRepo.root);
        const timer = setTimeout(() => {
          try {
            process.kill(trial.mode === 'group' ? -first.pid : first.pid, 'SIGKILL');
          } catch {
            // it finished first
          }
        }, trial.delay);
        const firstRun = await first.done;
        clearTimeout(timer);
        if (trial.mode !== 'pid, retried at once') {
          await waitForGroupExit(first.pid);
        }
        if (firstRun.signal === 'SIGKILL') {
          killedMidway += 1;
        }
        const second = await runCli(cli.path, ['start', TASK], trialRepo.root);
        await waitForGroupExit(first.pid);
        const problems = await problemsAfterStart(trialRepo);
        if (second.code !== 0) {
          problems.unshift(`second start exited ${second.code}: ${second.stderr.trim()}`);
        }
        storeLeftovers += storeLeftoverCount(trialRepo);
        if (problems.length > 0) {
          unrepaired.push(
            `trial ${trial.index} (kill ${trial.mode} after ${trial.delay} ms): ${problems.join('; ')}`,
          );
        }
      } finally {
        trialRepo.dispose();
      }
    };
    // Two at a time: the kills land while the machine is busy, as they do in real use.
    const queue = [...trials];
    try {
      await Promise.all(
        [0, 1].map(async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            await runTrial(next);
          }
        }),
      );
    } finally {
      template.dispose();
    }
    console.log(
      `      seed ${seed} (replay with FAULT_SEED=${seed}); one start takes ${duration} ms; ` +
        `${killedMidway} of ${KILL_TRIALS} killed midway; ` +
        `left a state the next start could not repair: ${unrepaired.length}; ` +
        `task-file store temp and lock files left (the store's to clean): ${storeLeftovers}`,
    );
    assert.deepEqual(unrepaired, [], `seed ${seed}`);
  });

  it('four starts of the same task at once: one creates, the others report it, all complete and tidy', async () => {
    repo = killRepo();
    const root = repo.root;
    const runs = await Promise.all([0, 1, 2, 3].map(() => runCli(cli.path, ['start', TASK], root)));
    const failures = runs.filter((run) => run.code !== 0).map((run) => run.stderr.trim());
    assert.deepEqual(failures, []);
    const created = runs.filter((run) => /new branch/.test(run.stderr)).length;
    console.log(
      `      concurrent starts: ${created} created, ${runs.length - created} reported it`,
    );
    assert.equal(created, 1, runs.map((run) => run.stderr).join('\n---\n'));
    assert.deepEqual(
      runs.map((run) => run.stdout.trim()),
      runs.map(() => join(repo?.parent ?? '', WORKTREE)),
    );
    assert.deepEqual(await problemsAfterStart(repo), []);
  });

  it('a start of a started task whose brief was deleted writes the brief again and says so', async () => {
    repo = createTaskRepo();
    const first = await runCli(cli.path, ['start', TASK], repo.root);
    assert.equal(first.code, 0, first.stderr);
    const brief = join(repo.parent, WORKTREE, 'TASK_BRIEF.md');
    rmSync(brief);
    const second = await runCli(cli.path, ['start', TASK], repo.root);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /already has a worktree/);
    assert.match(second.stderr, /brief was missing/);
    assert.match(readFileSync(brief, 'utf8'), /do not commit it/);
  });

  it('adopts a branch already checked out by hand in another worktree, saying so, and records it', async () => {
    repo = createTaskRepo();
    const byHand = join(repo.parent, 'by-hand');
    repo.git('worktree', 'add', '-q', '-b', BRANCH, byHand, 'main');
    const run = await runCli(cli.path, ['start', TASK], repo.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /already checked out at .*by-hand/);
    assert.equal(run.stdout.trim(), byHand);
    const task = await recordedTask(repo);
    assert.equal(task?.status, 'in_progress');
    assert.equal(task?.branch, BRANCH);
    assert.equal(task?.worktreePath, '../by-hand');
    assert.ok(existsSync(join(byHand, 'TASK_BRIEF.md')), 'the missing brief is written');
    assert.equal(worktreeBlocks(repo).length, 2);
  });

  for (const [label, branch, reason] of [
    ['the main checkout branch', 'main', /checked out in the main worktree/],
    ['a full ref name', 'refs/heads/main', /full ref name/],
    ['HEAD', 'HEAD', /reserved/],
    ['a remote-tracking ref', 'origin/main', /remote-tracking/],
  ] as const) {
    it(`refuses ${label} as a task branch with the reason, in one line, changing nothing`, async () => {
      repo = createTaskRepo({
        tasks: {
          [TASK]: { id: 'task1', name: 'Shadow', owner: 'Codex', status: 'not_started', branch },
        },
      });
      repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
      const refsBefore = repo.git('for-each-ref', '--format=%(refname)');
      const run = await runCli(cli.path, ['start', TASK], repo.root);
      assert.equal(run.code, 1, run.stdout);
      assert.match(run.stderr, reason);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(repo.git('for-each-ref', '--format=%(refname)'), refsBefore);
      assert.equal(worktreeBlocks(repo).length, 1);
      assert.equal((await recordedTask(repo))?.status, 'not_started');
    });
  }

  it('refuses the base branch as a task branch', async () => {
    repo = createTaskRepo({
      tasks: {
        [TASK]: {
          id: 'task1',
          name: 'Shadow',
          owner: 'Codex',
          status: 'not_started',
          branch: 'dev',
        },
      },
    });
    repo.git('branch', 'dev');
    const run = await runCli(cli.path, ['start', TASK, '--base', 'dev'], repo.root);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /is the base branch/);
    assert.equal(worktreeBlocks(repo).length, 1);
  });

  it('starts when the base branch has a TASK_BRIEF.md committed: the brief gets another name, the file is left alone', async () => {
    repo = createTaskRepo();
    repo.write('TASK_BRIEF.md', '# the team keeps its own brief here\n');
    repo.commit('a brief of our own');
    const run = await runCli(cli.path, ['start', TASK], repo.root);
    assert.equal(run.code, 0, run.stderr);
    const worktree = join(repo.parent, WORKTREE);
    assert.equal(
      readFileSync(join(worktree, 'TASK_BRIEF.md'), 'utf8'),
      '# the team keeps its own brief here\n',
    );
    assert.match(run.stderr, /TASK_BRIEF\.md is tracked/);
    const brief = join(worktree, `TASK_BRIEF.${TASK}.md`);
    assert.match(readFileSync(brief, 'utf8'), /do not commit it/);
    assert.equal(repo.git('-C', worktree, 'status', '--porcelain').trim(), '');
    assert.equal((await recordedTask(repo))?.status, 'in_progress');
  });

  it('never copies through a tracked symlink of the base branch to outside the repository', async () => {
    repo = createTaskRepo();
    const away = outsideFolder();
    repo.git('checkout', '-q', '-b', 'linked');
    symlinkSync(away, join(repo.root, 'apps'));
    symlinkSync(join(away, 'dangling.env'), join(repo.root, '.env.local'));
    repo.git('add', '-f', 'apps', '.env.local');
    repo.git('commit', '-q', '-m', 'symlinks to outside');
    repo.git('checkout', '-q', 'main');
    repo.write('apps/.env', 'IN_APPS=1\n');
    repo.write('.env.local', 'LOCAL=1\n');
    const run = await runCli(cli.path, ['start', TASK, '--base', 'linked'], repo.root);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(away), [], 'nothing written outside the repository');
    assert.match(run.stderr, /not copied.*apps\/\.env/s);
    assert.match(run.stderr, /not copied.*\.env\.local/s);
  });

  it('copies an untracked symlink to a folder as a symlink, and one to outside without following it', async () => {
    repo = createTaskRepo();
    const away = outsideFolder();
    mkdirSync(join(repo.root, 'shared-env'));
    repo.write('shared-env/a.env', 'A=1\n');
    symlinkSync('shared-env', join(repo.root, '.envdir'));
    symlinkSync(join(away, 'secret'), join(repo.root, '.env'));
    const run = await runCli(cli.path, ['start', TASK], repo.root);
    assert.equal(run.code, 0, run.stderr);
    const worktree = join(repo.parent, WORKTREE);
    assert.ok(lstatSync(join(worktree, '.envdir')).isSymbolicLink());
    assert.ok(lstatSync(join(worktree, '.env')).isSymbolicLink());
    assert.deepEqual(readdirSync(away), []);
  });

  it('refuses a dangling symlink at the worktree path and leaves no branch behind', async () => {
    repo = createTaskRepo();
    const away = outsideFolder();
    symlinkSync(join(away, 'nowhere'), join(repo.parent, WORKTREE));
    const run = await runCli(cli.path, ['start', TASK], repo.root);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /already exists/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.deepEqual(branches(repo), ['refs/heads/main']);
    assert.ok(lstatSync(join(repo.parent, WORKTREE)).isSymbolicLink(), 'the link is left alone');
    assert.deepEqual(readdirSync(away), []);
  });

  it('a failed step leaves the repository as it was, info/exclude included', async () => {
    repo = createTaskRepo();
    const exclude = join(repo.root, '.git', 'info', 'exclude');
    const before = readFileSync(exclude, 'utf8');
    const refsBefore = repo.git('for-each-ref', '--format=%(refname) %(objectname)');
    const run = await runCli(cli.path, ['start', TASK, '--setup', 'exit 3'], repo.root);
    assert.equal(run.code, 1);
    assert.equal(readFileSync(exclude, 'utf8'), before);
    assert.equal(repo.git('for-each-ref', '--format=%(refname) %(objectname)'), refsBefore);
    assert.equal(worktreeBlocks(repo).length, 1);
    assert.deepEqual(readdirSync(repo.parent), ['repo']);
    assert.equal(repo.git('status', '--porcelain'), '');
  });
});
