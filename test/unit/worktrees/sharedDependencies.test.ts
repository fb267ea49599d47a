import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  StartTaskError,
  startTaskInWorktree,
  type StartTaskOptions,
} from '../../../src/features/worktrees';
import {
  copiedInHardlinkedTree,
  hardlinksAreSafe,
  isVirtualEnvironment,
  sharedFolderName,
  sharedFolderProblem,
  sharingLine,
} from '../../../src/features/worktrees/model/sharedDependencies';
import { shareDependencies } from '../../../src/features/worktrees/shareDependencies';
import { prepareWorktree } from '../../../src/features/worktrees/prepareWorktree';
import { cloneWorks } from '../../../src/platform/files/cloneTree';
import { isolateGitConfig } from '../../support/tempRepo';
import { npm, treeDigest, writeNpmProject } from '../../support/npmFixture';
import { createTaskRepo, TASK_FILE, type TaskRepo } from './fixtureTasks';
import { coord } from '../cli/runCoord';
import {
  COPY_ON_WRITE_FILESYSTEMS,
  mountCopyOnWriteImage,
  type CopyOnWriteImage,
} from '../../support/copyOnWriteImage';

/** Packages of this repository's lock, with their dependencies, installed offline from the npm cache. */
const PACKAGES = ['debug', 'chalk', 'semver', 'picocolors'];
const MORE_PACKAGES = [...PACKAGES, 'is-number', 'kleur'];

function options(repo: TaskRepo, extra: Partial<StartTaskOptions> = {}): StartTaskOptions {
  return {
    taskKey: 'task1',
    taskFilePath: repo.taskFilePath,
    store: repo.store,
    portBlockSize: 0,
    now: () => new Date('2026-01-02T03:04:05.678Z'),
    ...extra,
  };
}

/** A task repository whose main checkout has a real `node_modules`, a `.venv` and a build cache. */
function repoWithDependencies(under?: string): TaskRepo {
  const repo = createTaskRepo({ name: 'Deps', under });
  repo.write('.gitignore', '.env*\nnode_modules/\n*.lock\n.venv/\n.turbo/\nnotignored-cache/\n');
  writeNpmProject(repo.root, PACKAGES);
  repo.commit('packages');
  repo.write('notignored/cache.bin', 'x');
  repo.write('.venv/pyvenv.cfg', 'home = /usr/bin\n');
  repo.write('.venv/bin/python', '#!/bin/sh\n');
  repo.write('.turbo/cache/abc.tar', 'build output\n');
  npm(repo.root, ['ci']);
  return repo;
}

/** Whether `folder`'s filesystem clones copy-on-write, asked independently of the code under test. */
function reflinkSupported(folder: string): boolean {
  const probe = mkdtempSync(join(folder, 'reflink-probe-'));
  try {
    writeFileSync(join(probe, 'a'), 'a');
    execFileSync('cp', ['--reflink=always', join(probe, 'a'), join(probe, 'b')], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe('shared dependency rules', () => {
  it('reads entries as folders inside the repository and refuses the rest', () => {
    assert.equal(sharedFolderName('./node_modules/'), 'node_modules');
    assert.equal(sharedFolderName('apps\\web\\node_modules'), 'apps/web/node_modules');
    assert.equal(sharedFolderProblem('node_modules'), undefined);
    assert.equal(sharedFolderProblem('apps/web/.next/cache'), undefined);
    for (const bad of ['/usr/lib/node_modules', 'C:/x', '../other/node_modules', 'a//b']) {
      assert.equal(sharedFolderProblem(bad), 'is not a path inside the repository', bad);
    }
    assert.equal(sharedFolderProblem(''), 'names no folder');
    assert.equal(sharedFolderProblem('.git/modules'), "is git's own folder");
  });

  it('never shares a virtual environment and hardlinks only node_modules', () => {
    assert.ok(isVirtualEnvironment('.venv', false));
    assert.ok(isVirtualEnvironment('services/api/venv', false));
    assert.ok(isVirtualEnvironment('env311', true), 'any folder with pyvenv.cfg');
    assert.ok(!isVirtualEnvironment('node_modules', false));
    assert.ok(hardlinksAreSafe('node_modules'));
    assert.ok(hardlinksAreSafe('apps/web/node_modules'));
    assert.ok(!hardlinksAreSafe('.turbo'));
    assert.ok(!hardlinksAreSafe('node_modules/.cache'));
    assert.ok(copiedInHardlinkedTree('.package-lock.json'), 'npm rewrites its hidden lockfile');
    assert.ok(copiedInHardlinkedTree('.cache/babel-loader/x.json'));
    assert.ok(!copiedInHardlinkedTree('debug/src/index.js'));
    assert.ok(!copiedInHardlinkedTree('.bin/semver'));
  });

  it('says how each folder was prepared, and what to do when it was not', () => {
    assert.equal(
      sharingLine({ folder: 'node_modules', method: 'reflink', files: 25012, ms: 1234 }, false),
      'node_modules: cloned copy-on-write from the main checkout, 25,012 files in 1.2 s',
    );
    assert.match(
      sharingLine({ folder: 'node_modules', method: 'hardlink', files: 3, ms: 10 }, false),
      /hardlinked .* never edit a file inside it in place/,
    );
    const setup = { folder: '.turbo', method: 'setup' as const, reason: 'no clones here' };
    assert.match(sharingLine(setup, true), /left to the setup command \(no clones here\)/);
    assert.match(sharingLine(setup, false), /not prepared .* coordinator\.worktrees\.setupCommand/);
  });
});

describe('shared dependencies in a new worktree (real git, real npm)', function () {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  it('prepares node_modules from the main checkout, says how, and npm ci and npm install in the worktree leave the main checkout byte-identical', async () => {
    repo = repoWithDependencies();
    const reflink = reflinkSupported(repo.parent);
    const mainModules = join(repo.root, 'node_modules');
    const before = treeDigest(mainModules);

    const result = await startTaskInWorktree(
      options(repo, {
        sharedDependencies: [
          'node_modules',
          '.venv',
          '.turbo',
          'missing',
          '../outside',
          'notignored',
          './node_modules/',
        ],
      }),
    );

    const byFolder = new Map(result.sharedDependencies.map((shared) => [shared.folder, shared]));
    assert.deepEqual(
      result.sharedDependencies.map((shared) => shared.folder),
      ['node_modules', '.venv', '.turbo', 'missing', '../outside', 'notignored'],
      'each folder once, in the order of the setting',
    );
    const modules = byFolder.get('node_modules');
    assert.equal(modules?.method, reflink ? 'reflink' : 'hardlink');
    assert.equal(
      modules?.files,
      [...before.values()].filter((kind) => kind.startsWith('file')).length,
    );
    assert.equal(byFolder.get('.venv')?.method, 'skipped');
    assert.match(byFolder.get('.venv')?.reason ?? '', /virtual environment .* never shared/);
    assert.ok(!existsSync(join(result.path, '.venv')));
    assert.equal(byFolder.get('.turbo')?.method, reflink ? 'reflink' : 'setup');
    assert.equal(byFolder.get('missing')?.reason, 'the main checkout has none');
    assert.match(byFolder.get('../outside')?.reason ?? '', /not a path inside the repository/);
    assert.match(byFolder.get('notignored')?.reason ?? '', /git does not ignore it/);

    const worktreeModules = join(result.path, 'node_modules');
    assert.deepEqual(treeDigest(worktreeModules), before, 'the worktree has the same tree');
    const packageFile = 'debug/package.json';
    const sameInode =
      statSync(join(mainModules, packageFile)).ino ===
      statSync(join(worktreeModules, packageFile)).ino;
    assert.equal(sameInode, !reflink, 'hardlinks share the inode; clones do not');
    assert.notEqual(
      statSync(join(mainModules, '.package-lock.json')).ino,
      statSync(join(worktreeModules, '.package-lock.json')).ino,
      "npm's hidden lockfile is always a copy of its own",
    );
    assert.equal(
      repo.git('-C', result.path, 'status', '--porcelain', '--untracked-files=all').trim(),
      '',
      'shared folders stay out of git',
    );
    const brief = readFileSync(join(result.path, 'TASK_BRIEF.md'), 'utf8');
    assert.match(brief, /## Shared dependencies/);
    assert.match(
      brief,
      reflink ? /node_modules: cloned copy-on-write/ : /node_modules: hardlinked/,
    );
    assert.match(brief, /\.venv: not shared/);

    npm(result.path, ['ci']);
    assert.deepEqual(
      treeDigest(mainModules),
      before,
      'npm ci in the worktree changed nothing in main',
    );
    assert.equal(
      execFileSync('node', ['-e', 'process.stdout.write(require("semver").valid("1.2.3"))'], {
        cwd: result.path,
        encoding: 'utf8',
      }),
      '1.2.3',
      "the worktree's own install works",
    );

    // Fresh share, then an install that adds packages and rewrites npm's hidden lockfile.
    rmSync(worktreeModules, { recursive: true, force: true });
    const again = await startTaskInWorktree(
      options(repo, { sharedDependencies: ['node_modules'] }),
    );
    assert.equal(again.outcome, 'existing', 'a recorded worktree is not prepared again');
    const reshared = await shareDependencies({
      mainRoot: repo.root,
      worktreePath: result.path,
      folders: ['node_modules'],
      onCreated: () => undefined,
    });
    assert.equal(reshared[0]?.method, modules?.method);
    writeNpmProject(result.path, MORE_PACKAGES);
    npm(result.path, ['install']);
    assert.ok(existsSync(join(worktreeModules, 'kleur', 'package.json')));
    assert.deepEqual(
      treeDigest(mainModules),
      before,
      'npm install in the worktree changed nothing in main',
    );
  });

  it('coord start prepares the folders the repository settings name and says how', async () => {
    repo = repoWithDependencies();
    const method = reflinkSupported(repo.parent) ? 'cloned copy-on-write' : 'hardlinked';
    repo.write(
      '.vscode/settings.json',
      JSON.stringify({ 'coordinator.worktrees.sharedDependencies': ['node_modules', '.venv'] }),
    );
    repo.commit('share node_modules');
    const started = await coord(['start', 'task1'], repo.root);
    assert.equal(started.code, 0, started.stderr);
    assert.match(
      started.stderr,
      new RegExp(`shared: node_modules: ${method} from the main checkout, \\d+ files`),
    );
    assert.match(started.stderr, /shared: \.venv: not shared \(a Python virtual environment/);
    const path = started.stdout.trim();
    assert.ok(existsSync(join(path, 'node_modules', 'semver', 'package.json')));
    const json = await coord(['start', 'task1', '--json'], repo.root);
    assert.deepEqual(
      (JSON.parse(json.stdout) as { sharedDependencies: unknown[] }).sharedDependencies,
      [],
      'a start that finds its worktree prepares nothing again',
    );
  });

  it('leaves a folder the filesystem cannot clone to the setup command, which gets it installed', async function () {
    repo = repoWithDependencies();
    if (reflinkSupported(repo.parent)) {
      this.skip();
    }
    const result = await startTaskInWorktree(
      options(repo, {
        sharedDependencies: ['.turbo'],
        setupCommand: 'mkdir -p .turbo && echo rebuilt > .turbo/marker',
        isTrusted: () => true,
      }),
    );
    assert.equal(result.sharedDependencies[0]?.method, 'setup');
    assert.match(
      result.sharedDependencies[0]?.reason ?? '',
      /cannot clone copy-on-write, and hardlinks are safe only for node_modules/,
    );
    assert.equal(readFileSync(join(result.path, '.turbo/marker'), 'utf8'), 'rebuilt\n');
    assert.ok(!existsSync(join(result.path, '.turbo/cache')));
  });

  it('takes a shared folder back with the rest when a later step fails', async () => {
    repo = repoWithDependencies();
    const before = treeDigest(join(repo.root, 'node_modules'));
    const worktreePath = join(repo.parent, 'Deps-codex-shadow-diff-harness');
    let failure: unknown;
    try {
      await startTaskInWorktree(
        options(repo, {
          sharedDependencies: ['node_modules'],
          setupCommand: 'exit 3',
          isTrusted: () => true,
        }),
      );
    } catch (error) {
      failure = error;
    }
    assert.ok(failure instanceof StartTaskError, String(failure));
    assert.equal(failure.step, 'run setup command');
    assert.ok(
      failure.rolledBack.some((label) => /^(cloned|hardlinked) node_modules$/.test(label)),
      failure.rolledBack.join('; '),
    );
    assert.ok(!existsSync(worktreePath), 'the worktree is gone');
    assert.deepEqual(treeDigest(join(repo.root, 'node_modules')), before);
  });
});

describe('shared dependencies in a worktree Start Task did not make (real git, real npm)', function () {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  it('a start that adopts a worktree made by hand prepares its folders as a new one, runs the setup command only for what was left to it, and npm ci there leaves main byte-identical', async () => {
    repo = repoWithDependencies();
    const reflink = reflinkSupported(repo.parent);
    const mainModules = join(repo.root, 'node_modules');
    const before = treeDigest(mainModules);
    const byHand = join(repo.parent, 'by-hand');
    repo.git('worktree', 'add', '-q', '-b', 'feat/codex/shadow-diff-harness', byHand);

    const result = await startTaskInWorktree(
      options(repo, {
        sharedDependencies: ['node_modules', '.venv', '.turbo'],
        setupCommand: 'echo "$COORD_TASK" > setup-ran',
        isTrusted: () => true,
      }),
    );

    assert.equal(result.outcome, 'adopted');
    assert.equal(result.path, byHand);
    assert.deepEqual(
      result.sharedDependencies.map((shared) => shared.method),
      reflink ? ['reflink', 'skipped', 'reflink'] : ['hardlink', 'skipped', 'setup'],
    );
    assert.deepEqual(treeDigest(join(byHand, 'node_modules')), before);
    assert.ok(!existsSync(join(byHand, '.venv')), 'a virtual environment is never shared');
    // Hardlinks cannot take a build cache, so the setup command installs it; a clone needs none.
    assert.equal(result.setup, reflink ? 'none' : 'ran');
    assert.equal(existsSync(join(byHand, 'setup-ran')), !reflink);
    if (!reflink) {
      assert.equal(readFileSync(join(byHand, 'setup-ran'), 'utf8'), 'task1_shadow_diff\n');
    }
    const brief = readFileSync(join(byHand, 'TASK_BRIEF.md'), 'utf8');
    assert.match(
      brief,
      reflink ? /node_modules: cloned copy-on-write/ : /node_modules: hardlinked/,
    );

    npm(byHand, ['ci']);
    assert.deepEqual(treeDigest(mainModules), before, 'npm ci in the adopted worktree');
    const again = await startTaskInWorktree(
      options(repo, { sharedDependencies: ['node_modules'] }),
    );
    assert.equal(again.outcome, 'existing');
    assert.deepEqual(again.sharedDependencies, [], 'a recorded worktree is not prepared again');
  });

  it('coord worktrees prepare gives a hand-made worktree the folders the settings name, says how, leaves what it has, and refuses the main checkout in one line', async () => {
    repo = repoWithDependencies();
    const method = reflinkSupported(repo.parent) ? 'cloned copy-on-write' : 'hardlinked';
    repo.write(
      '.vscode/settings.json',
      JSON.stringify({ 'coordinator.worktrees.sharedDependencies': ['node_modules', '.venv'] }),
    );
    const mainModules = join(repo.root, 'node_modules');
    const before = treeDigest(mainModules);
    const other = join(repo.parent, 'other-tool', 'wt');
    repo.git('worktree', 'add', '-q', '--detach', other);

    const prepared = await coord(['worktrees', 'prepare', other], repo.root);
    assert.equal(prepared.code, 0, prepared.stderr);
    assert.match(
      prepared.stdout,
      new RegExp(`^shared: node_modules: ${method} from the main checkout, \\d+ files`, 'm'),
    );
    assert.match(prepared.stdout, /^shared: \.venv: not shared \(a Python virtual environment/m);
    assert.deepEqual(treeDigest(join(other, 'node_modules')), before);

    const json = await coord(['worktrees', 'prepare', other, '--json'], other);
    assert.equal(json.code, 0, json.stderr);
    const second = JSON.parse(json.stdout) as { path: string; shared: { reason?: string }[] };
    assert.equal(second.path, other);
    assert.equal(second.shared[0]?.reason, 'the worktree already has it');

    writeNpmProject(other, MORE_PACKAGES);
    npm(other, ['install']);
    assert.ok(existsSync(join(other, 'node_modules', 'kleur', 'package.json')));
    assert.deepEqual(treeDigest(mainModules), before, 'npm install in the prepared worktree');

    const main = await coord(['worktrees', 'prepare', '.'], repo.root);
    assert.equal(main.code, 1);
    assert.equal(
      main.stderr.trim().split('\n').length,
      1,
      `one line, no stack trace: ${main.stderr}`,
    );
    assert.match(main.stderr, /is the main checkout: shared folders are prepared from it/);
    const stranger = await coord(['worktrees', 'prepare', repo.parent], repo.root);
    assert.equal(stranger.code, 1);
    assert.match(stranger.stderr, /is not a worktree of this repository/);
    assert.deepEqual(treeDigest(mainModules), before);
  });

  it("coord worktrees prepare runs the setup command of a task's worktree with the task's ports, the same coord env prints", async () => {
    repo = createTaskRepo({ name: 'PrepareEnv' });
    const other = join(repo.parent, 'by-hand');
    const plan = JSON.parse(readFileSync(repo.taskFilePath, 'utf8')) as {
      tasks: { top5: Record<string, Record<string, unknown>> };
    };
    plan.tasks.top5.task1_shadow_diff!.worktree_path = other;
    repo.write(TASK_FILE, `${JSON.stringify(plan, null, 2)}\n`);
    repo.write('.gitignore', '.env*\nnode_modules/\n*.lock\n.turbo/\nprepare-env.txt\n');
    repo.write('.turbo/cache/abc.tar', 'build output\n');
    repo.commit('ignore the build cache');
    repo.write(
      '.vscode/settings.json',
      JSON.stringify({
        'coordinator.worktrees.sharedDependencies': ['.turbo'],
        'coordinator.worktrees.setupCommand': 'env > prepare-env.txt',
        'coordinator.worktrees.ports.base': 47100,
        'coordinator.worktrees.ports.blockSize': 3,
      }),
    );
    repo.git('worktree', 'add', '-q', '--detach', other);

    const prepared = await coord(['worktrees', 'prepare', other, '--trusted'], repo.root);
    assert.equal(prepared.code, 0, prepared.stderr);
    assert.match(
      prepared.stdout,
      /^setup command ran with the environment of task1_shadow_diff \(coord env task1_shadow_diff\)$/m,
    );
    const seen = readFileSync(join(other, 'prepare-env.txt'), 'utf8');
    const printed = await coord(['env', 'task1', '--trusted'], repo.root);
    assert.equal(printed.code, 0, printed.stderr);
    const expected = printed.stdout.trim().split('\n');
    assert.ok(
      expected.some((line) => /^COORD_PORT=47\d\d\d$/.test(line)),
      printed.stdout,
    );
    for (const line of expected) {
      assert.ok(seen.split('\n').includes(line), `the setup command saw ${line}`);
    }

    repo.git('worktree', 'add', '-q', '--detach', join(repo.parent, 'nobody'));
    const untasked = await coord(
      ['worktrees', 'prepare', join(repo.parent, 'nobody'), '--trusted'],
      repo.root,
    );
    assert.equal(untasked.code, 0, untasked.stderr);
    assert.match(untasked.stdout, /^setup command ran$/m);
    assert.doesNotMatch(
      readFileSync(join(repo.parent, 'nobody', 'prepare-env.txt'), 'utf8'),
      /^COORD_PORT=/m,
    );
  });

  it('takes back the folders it made when the setup command for the rest fails', async function () {
    repo = repoWithDependencies();
    if (reflinkSupported(repo.parent)) {
      this.skip();
    }
    const other = join(repo.parent, 'by-hand');
    repo.git('worktree', 'add', '-q', '--detach', other);
    await assert.rejects(
      prepareWorktree({
        cwd: repo.root,
        worktreePath: other,
        folders: ['node_modules', '.turbo'],
        setupCommand: 'exit 3',
        isTrusted: () => true,
      }),
    );
    assert.ok(!existsSync(join(other, 'node_modules')), 'the hardlinked node_modules is gone');
    assert.ok(existsSync(join(repo.root, 'node_modules', 'semver', 'package.json')));

    const untrusted = await prepareWorktree({
      cwd: repo.root,
      worktreePath: other,
      folders: ['node_modules', '.turbo'],
      setupCommand: 'exit 3',
    });
    assert.equal(untrusted.setup, 'skippedUntrusted', 'an untrusted repository runs no command');
    assert.deepEqual(
      untrusted.shared.map((shared) => shared.method),
      ['hardlink', 'setup'],
    );
  });
});

/**
 * The copy-on-write path on real XFS and btrfs images, loop-mounted: needs root, the filesystem's
 * mkfs and a kernel that lets this machine mount. Skipped, saying why, where it cannot.
 */
for (const filesystem of COPY_ON_WRITE_FILESYSTEMS) {
  describe(`shared dependencies on a copy-on-write filesystem (loop-mounted ${filesystem})`, function () {
    isolateGitConfig();
    let image: CopyOnWriteImage | undefined;
    let mount: string | undefined;
    let repo: TaskRepo | undefined;

    before(function () {
      const made = mountCopyOnWriteImage(filesystem, '1G', `coord-${filesystem}`);
      if (typeof made === 'string') {
        this.skip();
      } else {
        image = made;
        mount = made.mount;
      }
    });
    after(() => {
      repo?.dispose();
      image?.dispose();
    });

    it('clones node_modules and a build cache copy-on-write; writes in the worktree, in place or not, never reach main', async () => {
      // On the image by path, never through TMPDIR, which other suites may have changed.
      repo = repoWithDependencies(mount);
      assert.ok(
        reflinkSupported(repo.parent),
        `${repo.parent} is on the ${filesystem} image with reflink`,
      );
      const mainModules = join(repo.root, 'node_modules');
      const before = treeDigest(mainModules);
      const cacheBefore = treeDigest(join(repo.root, '.turbo'));
      assert.ok(await cloneWorks(join(mainModules, '.package-lock.json'), repo.parent, 'reflink'));

      const result = await startTaskInWorktree(
        options(repo, { sharedDependencies: ['node_modules', '.turbo', '.venv'] }),
      );
      assert.deepEqual(
        result.sharedDependencies.map((shared) => shared.method),
        ['reflink', 'reflink', 'skipped'],
      );
      const inWorktree = join(result.path, 'node_modules', 'debug', 'package.json');
      // An edit in place: the write a hardlink would pass on to main.
      writeFileSync(inWorktree, '{"edited": true}\n', { flag: 'r+' });
      writeFileSync(join(result.path, '.turbo/cache/abc.tar'), 'changed', { flag: 'r+' });
      npm(result.path, ['ci']);
      assert.deepEqual(treeDigest(mainModules), before);
      assert.deepEqual(treeDigest(join(repo.root, '.turbo')), cacheBefore);
    });

    it('clones into a worktree made by hand, through the same preparation; an edit in place there never reaches main', async () => {
      repo?.dispose();
      repo = repoWithDependencies(mount);
      const mainModules = join(repo.root, 'node_modules');
      const before = treeDigest(mainModules);
      const byHand = join(repo.parent, 'by-hand');
      repo.git('worktree', 'add', '-q', '--detach', byHand);
      const prepared = await prepareWorktree({
        cwd: repo.root,
        worktreePath: byHand,
        folders: ['node_modules', '.turbo'],
      });
      assert.deepEqual(
        prepared.shared.map((shared) => shared.method),
        ['reflink', 'reflink'],
      );
      writeFileSync(join(byHand, 'node_modules', 'debug', 'package.json'), '{}\n', {
        flag: 'r+',
      });
      npm(byHand, ['ci']);
      assert.deepEqual(treeDigest(mainModules), before);
    });
  });
}
