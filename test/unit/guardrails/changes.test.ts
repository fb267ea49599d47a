import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  changedPathsFromStatusZ,
  isUnderAny,
  outputPathPrefix,
} from '../../../src/features/guardrails/model/changedPaths';
import { newestChangeTime } from '../../../src/features/guardrails/changes';
import { tempFolder } from './processes';

describe('guardrails: changed paths', () => {
  it('reads porcelain -z output, leaving out deletions and rename sources', () => {
    const output = [
      ' M src/a.ts',
      'R  new.ts',
      'old.ts',
      ' D gone.ts',
      '?? notes/x.md',
      'A  added.ts',
      '',
    ].join('\0');
    assert.deepEqual(changedPathsFromStatusZ(output), [
      'src/a.ts',
      'new.ts',
      'notes/x.md',
      'added.ts',
    ]);
  });

  it('matches folder prefixes and takes the fixed part of output_path', () => {
    assert.equal(isUnderAny('.dev/guardrails/x.json', ['.dev/guardrails']), true);
    assert.equal(isUnderAny('.dev/guardrails-other', ['.dev/guardrails/']), false);
    assert.equal(isUnderAny('anything', ['']), false);
    assert.equal(outputPathPrefix('docs/audits/live/<timestamp>/'), 'docs/audits/live/');
    assert.equal(outputPathPrefix('./out/report.log'), 'out/report.log');
  });
});

describe('guardrails: newest change in a real repository', () => {
  let folder: ReturnType<typeof tempFolder>;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder.dir, stdio: 'pipe' });
  beforeEach(() => {
    folder = tempFolder();
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Test');
    git('config', 'user.email', 'test@example.test');
    git('config', 'commit.gpgsign', 'false');
    git('config', 'gc.auto', '0');
    writeFileSync(path.join(folder.dir, 'a.txt'), 'a\n');
    git('add', 'a.txt');
    execFileSync('git', ['commit', '-q', '-m', 'first'], {
      cwd: folder.dir,
      env: {
        ...process.env,
        GIT_COMMITTER_DATE: '2025-10-16T05:00:00Z',
        GIT_AUTHOR_DATE: '2025-10-16T05:00:00Z',
      },
    });
  });
  afterEach(() => folder.remove());

  it('is the last commit time when the worktree is clean', async () => {
    assert.equal(await newestChangeTime(folder.dir), Date.parse('2025-10-16T05:00:00Z'));
  });

  it('is the newest changed or untracked file, except in ignored folders', async () => {
    const edited = path.join(folder.dir, 'a.txt');
    writeFileSync(edited, 'changed\n');
    utimesSync(edited, new Date('2025-10-16T06:00:00Z'), new Date('2025-10-16T06:00:00Z'));
    mkdirSync(path.join(folder.dir, 'logs'));
    const log = path.join(folder.dir, 'logs', 'run.json');
    writeFileSync(log, '{}');
    utimesSync(log, new Date('2025-10-16T07:00:00Z'), new Date('2025-10-16T07:00:00Z'));
    assert.equal(await newestChangeTime(folder.dir, ['logs']), Date.parse('2025-10-16T06:00:00Z'));
    assert.equal(await newestChangeTime(folder.dir), Date.parse('2025-10-16T07:00:00Z'));
  });

  it('is undefined outside a repository', async () => {
    const outside = tempFolder();
    try {
      assert.equal(await newestChangeTime(outside.dir), undefined);
    } finally {
      outside.remove();
    }
  });
});
