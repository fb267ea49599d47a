import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  driverCommandLine,
  isOutdatedEditorDriver,
} from '../../../src/features/plan-merge/model/driverSetup';
import {
  mergeDriverState,
  setupMergeDriver,
} from '../../../src/features/plan-merge/setupMergeDriver';
import { createTempRepo, isolateGitConfig, type TempRepo } from '../../support/tempRepo';

const LAUNCHER = {
  command: ['/opt/editor/Code Helper', '/ext/agent-coordinator-0.1.0/dist/cli.js'],
  env: { ELECTRON_RUN_AS_NODE: '1' },
};

describe('setting up the task file merge driver (real git)', () => {
  isolateGitConfig();
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.dispose());

  it('sees an attribute committed by a teammate without the driver in this clone, then adds only the config', async () => {
    repo.write('plans/task status.json', '{"tasks":{}}\n');
    repo.write(
      '.gitattributes',
      '*.png binary\n/plans/task[[:space:]]status.json merge=coord-plan\n',
    );
    repo.commit('plan with its merge attribute');
    const file = join(repo.root, 'plans', 'task status.json');

    const before = await mergeDriverState(repo.root, file);
    assert.deepEqual(
      { attribute: before.attribute, driver: before.driver, path: before.taskFilePath },
      { attribute: true, driver: undefined, path: 'plans/task status.json' },
    );

    const setup = await setupMergeDriver(repo.root, file, LAUNCHER);
    assert.equal(setup.addedLine, undefined);
    assert.equal(
      repo.git('config', '--local', 'merge.coord-plan.driver'),
      "ELECTRON_RUN_AS_NODE=1 '/opt/editor/Code Helper' /ext/agent-coordinator-0.1.0/dist/cli.js merge-driver %O %A %B %P\n",
    );
    assert.equal(
      repo.git('config', '--local', 'merge.coord-plan.name'),
      'Agent Coordinator task file merge\n',
    );
    assert.equal(
      readFileSync(join(repo.root, '.gitattributes'), 'utf8'),
      '*.png binary\n/plans/task[[:space:]]status.json merge=coord-plan\n',
    );
  });

  it('writes a line git matches to a path with a space, and sees the driver from a linked worktree', async () => {
    repo.write('plans/task status.json', '{"tasks":{}}\n');
    repo.write('.gitattributes', '*.png binary');
    repo.commit('plan');
    const file = join(repo.root, 'plans', 'task status.json');
    const setup = await setupMergeDriver(repo.root, file, LAUNCHER);
    assert.equal(setup.addedLine, '/plans/task[[:space:]]status.json merge=coord-plan');
    assert.equal(
      readFileSync(join(repo.root, '.gitattributes'), 'utf8'),
      '*.png binary\n/plans/task[[:space:]]status.json merge=coord-plan\n',
    );
    assert.equal(
      repo.git('check-attr', 'merge', '--', 'plans/task status.json'),
      'plans/task status.json: merge: coord-plan\n',
    );
    repo.commit('merge attribute');

    const worktree = join(repo.parent, 'linked');
    repo.git('worktree', 'add', '-q', '-b', 'feat/x', worktree);
    const fromWorktree = await mergeDriverState(worktree, file);
    assert.equal(fromWorktree.root, worktree);
    assert.equal(fromWorktree.attribute, true);
    assert.match(fromWorktree.driver ?? '', /merge-driver %O %A %B %P$/);
  });
});

describe('the editor driver line after an extension update', () => {
  const line = (version: string) =>
    driverCommandLine({
      command: ['/opt/code', `/ext/agent-coordinator-${version}/dist/cli.js`],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });

  it('is outdated when the editor wrote it for another copy of the extension', () => {
    assert.equal(isOutdatedEditorDriver(line('0.1.0'), line('0.2.0')), true);
    assert.equal(isOutdatedEditorDriver(line('0.2.0'), line('0.2.0')), false);
    assert.equal(isOutdatedEditorDriver(undefined, line('0.2.0')), false);
  });

  it('is never a driver set up from the command line, which the editor leaves alone', () => {
    const fromCli = driverCommandLine({ command: ['/usr/bin/node', '/usr/lib/coord/cli.js'] });
    assert.equal(isOutdatedEditorDriver(fromCli, line('0.2.0')), false);
  });
});
