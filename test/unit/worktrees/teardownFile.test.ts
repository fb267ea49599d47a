import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoordinatorError } from '../../../src/kernel/errors/coordinatorError';
import { removeTaskWorktree, startTaskInWorktree } from '../../../src/features/worktrees';
import { TEARDOWN_FILE } from '../../../src/features/worktrees/teardown';
import { forcedOnly } from '../../../src/features/tasks/gateUi';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';

const TASK = 'task1_shadow_diff';
const ENVIRONMENT = {
  portBase: 43100,
  portBlockSize: 3,
  taskEnv: { DATABASE_NAME: 'app_${taskKey}' },
};

function envLines(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe("the repository's teardown file and the task's environment in teardown (real git, real processes)", () => {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  async function startedWith(script: string, executable: boolean) {
    repo = createTaskRepo();
    repo.write(TEARDOWN_FILE, script);
    if (executable) {
      chmodSync(join(repo.root, TEARDOWN_FILE), 0o755);
    }
    repo.commit('teardown script');
    const result = await startTaskInWorktree({
      taskKey: TASK,
      taskFilePath: repo.taskFilePath,
      store: repo.store,
      ...ENVIRONMENT,
    });
    assert.ok(result.ports, 'the task got a port block');
    return result;
  }

  function effects() {
    return {
      store: repo.store,
      actor: { name: 'Test User', host: 'cli' as const },
      ui: forcedOnly(false),
      statusAfterRemoval: 'not_started' as const,
    };
  }

  it("runs .coordinator/teardown, then the setting's command, in the worktree, both with the task's environment the setup command got", async () => {
    const started = await startedWith(
      `#!/bin/sh\necho file ran >> "$COORD_TEARDOWN_LOG"\nenv > "$COORD_TEARDOWN_LOG.file-env"\n`,
      true,
    );
    const log = join(repo.parent, 'teardown.log');
    process.env.COORD_TEARDOWN_LOG = log;
    try {
      const result = await removeTaskWorktree({
        cwd: repo.root,
        path: started.path,
        teardown: {
          command: `echo setting ran in "$PWD" >> "$COORD_TEARDOWN_LOG"; env > "$COORD_TEARDOWN_LOG.setting-env"`,
          trusted: true,
          environment: ENVIRONMENT,
        },
        tasks: effects(),
      });
      assert.equal(result.teardown, 'ran');
    } finally {
      delete process.env.COORD_TEARDOWN_LOG;
    }
    assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), [
      'file ran',
      `setting ran in ${started.path}`,
    ]);
    for (const which of ['file', 'setting']) {
      const seen = envLines(readFileSync(`${log}.${which}-env`, 'utf8'));
      for (const [name, value] of Object.entries(started.env)) {
        assert.equal(seen[name], value, `${which} teardown sees ${name}`);
      }
    }
    assert.equal(started.env.COORD_PORT, String(started.ports?.start));
    assert.equal(started.env.DATABASE_NAME, 'app_task1_shadow_diff');
    assert.ok(!existsSync(started.path));
  });

  it('runs a teardown file that is not executable with sh, and a failing one keeps the worktree', async () => {
    const started = await startedWith('echo "teardown of $COORD_TASK failed" >&2\nexit 4\n', false);
    let failure: unknown;
    const output: string[] = [];
    try {
      await removeTaskWorktree({
        cwd: repo.root,
        path: started.path,
        teardown: {
          command: '',
          trusted: true,
          environment: ENVIRONMENT,
          onOutput: (chunk) => output.push(chunk),
        },
        tasks: effects(),
      });
    } catch (error) {
      failure = error;
    }
    assert.ok(CoordinatorError.is(failure, 'teardownFailed'), String(failure));
    assert.match(String((failure as Error).message), /exited with 4/);
    assert.match(output.join(''), /teardown of task1_shadow_diff failed/);
    assert.ok(existsSync(started.path), 'the worktree is kept');
  });

  it('an untrusted repository runs no teardown file', async () => {
    const started = await startedWith('#!/bin/sh\nexit 9\n', true);
    const result = await removeTaskWorktree({
      cwd: repo.root,
      path: started.path,
      teardown: { command: '', trusted: false, environment: ENVIRONMENT },
      tasks: effects(),
    });
    assert.equal(result.teardown, 'skippedUntrusted');
    assert.match(result.notes.join('\n'), /not trusted/);
    assert.ok(!existsSync(started.path));
  });
});
