import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAgentSetup } from '../../../src/features/agents/writeAgentSetup';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';

const HOOKS = '.github/hooks/coordinator-agent-state.json';

describe("Copilot CLI's hooks file in a task worktree", function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo({ name: 'CopilotHooks' });
    repo.write('README.md', '# repo\n');
  });
  afterEach(() => repo.dispose());

  function worktree(name: string): string {
    const path = join(repo.parent, name);
    execFileSync('git', ['worktree', 'add', '-q', '-b', `feat/${name}`, path], { cwd: repo.root });
    return path;
  }

  const write = (worktreePath: string) =>
    writeAgentSetup({
      worktreePath,
      taskKey: 't1',
      taskFilePath: join(repo.root, 'task_status.json'),
      coord: { command: [process.execPath, '/opt/coord/cli.js'], replace: true },
      trusted: true,
    });

  it('is written where Copilot CLI reads hooks, and git status does not list it', async () => {
    repo.commit('first');
    const path = worktree('wt-a');
    const setup = await write(path);
    assert.ok(setup.files.some((file) => file.path === join(path, HOOKS)));
    const hooks = JSON.parse(readFileSync(join(path, HOOKS), 'utf8')) as { version: number };
    assert.equal(hooks.version, 1);
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: path, encoding: 'utf8' });
    assert.equal(status, '');
  });

  it('leaves a file the repository commits under that name as it is', async () => {
    const own = '{ "version": 1, "hooks": {} }\n';
    repo.write(HOOKS, own);
    repo.commit('the repository keeps its own hooks file');
    const path = worktree('wt-b');
    const setup = await write(path);
    assert.equal(readFileSync(join(path, HOOKS), 'utf8'), own);
    assert.equal(
      setup.files.some((file) => file.path === join(path, HOOKS)),
      false,
    );
  });
});
