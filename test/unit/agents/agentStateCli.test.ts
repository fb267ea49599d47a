import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';

describe('coord agent-state and coord agents (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => (repo = createTempRepo({ name: 'Agents' })));
  afterEach(() => repo.dispose());

  it('round-trips a state through the git common dir, from a linked worktree too', async () => {
    assert.equal((await coord(['agents'], repo.root)).stdout, 'no agent has reported a state\n');
    const worktree = join(repo.parent, 'linked');
    repo.git('worktree', 'add', '-q', '-b', 'feat/linked', worktree);
    const env = { ...process.env, COORD_AGENT: 'Claude Code' };
    const set = await coord(
      ['agent-state', 'task_1', 'needs-input', '--message', 'Approve the migration?'],
      worktree,
      undefined,
      env,
    );
    assert.deepEqual([set.code, set.stdout, set.stderr], [0, 'task_1: needs input\n', '']);

    const table = await coord(['agents'], repo.root);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^TASK +STATE +AGENT +SINCE +MESSAGE\n/);
    assert.match(
      table.stdout,
      /task_1 +needs input +Claude Code +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +Approve the migration\?/,
    );
    assert.equal(repo.git('status', '--porcelain'), '', 'nothing shows in git status');
  });

  it('shows a working agent without a signal for the set time as stale', async () => {
    await coord(['agent-state', 'task_2', 'working'], repo.root);
    const fresh = JSON.parse((await coord(['agents', '--json'], repo.root)).stdout) as {
      agents: { shown: string }[];
    };
    assert.equal(fresh.agents[0]?.shown, 'working');
    const file = join(repo.root, '.git', 'coordinator', 'agents', 'task_2.json');
    writeFileSync(
      file,
      JSON.stringify({
        task: 'task_2',
        state: 'working',
        at: new Date(Date.now() - 5 * 60_000).toISOString(),
        agent: 'x',
      }),
    );
    const stale = JSON.parse(
      (await coord(['agents', '--json', '--stale-after', '4'], repo.root)).stdout,
    ) as { agents: { shown: string }[] };
    assert.equal(stale.agents[0]?.shown, 'stale');
    const notYet = JSON.parse((await coord(['agents', '--json'], repo.root)).stdout) as {
      agents: { shown: string }[];
    };
    assert.equal(notYet.agents[0]?.shown, 'working', 'the default is 10 minutes');
  });

  it('answers bad input with one line and the usage, never a stack', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['agent-state', 'task_1'],
        /^coord: a task key and a state are needed\nusage: coord agent-state/,
      ],
      [
        ['agent-state', 'task_1', 'asleep'],
        /^coord: unknown agent state "asleep"; accepted: working, needs_input, idle, finished, failed\n$/,
      ],
      [['agent-state', 'task_1', 'failed'], /^coord: a failed agent needs its exit code\n$/],
      [
        ['agent-state', 'task_1', 'failed', '--exit-code', 'two'],
        /^coord: --exit-code takes a whole number, not "two"\nusage:/,
      ],
      [['agent-state', '../x', 'idle'], /^coord: "..\/x" is not a task key/],
      [
        ['agents', '--stale-after', '0'],
        /^coord: --stale-after takes minutes above 0, not "0"\nusage:/,
      ],
    ];
    for (const [args, expected] of cases) {
      const run = await coord(args, repo.root);
      assert.notEqual(run.code, 0, args.join(' '));
      assert.match(run.stderr, expected, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'coord-no-repo-')));
    try {
      const run = await coord(['agents'], outside);
      assert.equal(run.code, 1);
      assert.equal(
        run.stderr,
        `coord: ${outside} is not in a git repository: agent state is kept in the repository's git dir.\n`,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
