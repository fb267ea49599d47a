import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from './runCoord';

const PLAN = {
  schema_version: '1.0',
  last_updated: '2026-11-01T00:00:00Z',
  tasks: {
    core: {
      a_first: { id: 'a', name: 'First', owner: 'Codex', status: 'not_started' },
      b_second: { id: 'b', name: 'Second', owner: 'Codex', status: 'not_started' },
    },
  },
  pre_audit_guardrails: {
    marker: { status: 'pending', required: true, command: 'echo ran > guardrail-ran.txt' },
  },
};

// A cloned repository asking, through its own settings, for a command to run on start.
const SETTINGS = `{
  // as VS Code reads it: comments and trailing commas
  "coordinator.worktrees.setupCommand": "echo ran > setup-ran.txt",
  "coordinator.worktrees.branchTemplate": "wip/\${slug}",
}
`;

describe('trust outside the editor (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let configHome: string;
  let env: NodeJS.ProcessEnv;
  const worktreeOf = (run: { stdout: string }) => run.stdout.trim().split('\n').pop() as string;

  beforeEach(() => {
    repo = createTempRepo({ name: 'Cloned' });
    repo.write('docs/plans/task_status.json', `${JSON.stringify(PLAN, null, 2)}\n`);
    repo.write('.vscode/settings.json', SETTINGS);
    repo.commit('plan and settings');
    configHome = mkdtempSync(join(tmpdir(), 'coord-config-'));
    env = { ...process.env, XDG_CONFIG_HOME: configHome };
    delete env.COORD_TRUSTED;
  });
  afterEach(() => {
    repo.dispose();
    rmSync(configHome, { recursive: true, force: true });
  });

  it('runs nothing from an untrusted repository, says why in one line, and runs it once trusted', async () => {
    const started = await coord(['start', 'a_first'], repo.root, undefined, env);
    assert.equal(started.code, 0, started.stderr);
    const firstWorktree = worktreeOf(started);
    assert.match(firstWorktree, /Cloned-codex-first$/);
    assert.ok(!existsSync(join(firstWorktree, 'setup-ran.txt')), 'the setup command did not run');
    const warnings = started.stderr.split('\n').filter((line) => /not trusted/.test(line));
    assert.deepEqual(warnings, [
      'coord: this repository is not trusted, so coordinator.worktrees.setupCommand from its settings was ignored; run "coord trust" to trust it, or pass --trusted (COORD_TRUSTED=1 in CI)',
    ]);
    assert.match(started.stderr, /new branch wip\/first from main/, 'unrestricted settings apply');

    const refused = await coord(['guardrails', 'run'], repo.root, undefined, env);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'coord: not running guardrails: they are shell lines from the task file, and this repository is not trusted; run "coord trust" to trust it, or pass --trusted (COORD_TRUSTED=1 in CI)\n',
    );
    assert.equal(refused.stdout, '');
    assert.ok(!existsSync(join(repo.root, 'guardrail-ran.txt')), 'the guardrail did not run');

    const trusted = await coord(['trust'], repo.root, undefined, env);
    assert.equal(trusted.code, 0, trusted.stderr);
    assert.equal(trusted.stdout, `${realpathSync(repo.root)}: now trusted\n`);
    const listFile = join(configHome, 'agent-coordinator', 'trust.json');
    assert.deepEqual(JSON.parse(readFileSync(listFile, 'utf8')), {
      repositories: [realpathSync(repo.root)],
    });

    const second = await coord(['start', 'b_second'], repo.root, undefined, env);
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stderr, /not trusted/);
    assert.match(second.stderr, /setup command ran/);
    assert.equal(readFileSync(join(worktreeOf(second), 'setup-ran.txt'), 'utf8'), 'ran\n');

    // Trust belongs to the repository, so its linked worktrees share it.
    const ran = await coord(['guardrails', 'run', '--no-record'], firstWorktree, undefined, env);
    assert.equal(ran.code, 0, ran.stdout + ran.stderr);
    assert.equal(readFileSync(join(firstWorktree, 'guardrail-ran.txt'), 'utf8'), 'ran\n');

    const revoked = await coord(['trust', '--revoke'], repo.root, undefined, env);
    assert.equal(revoked.stdout, `${realpathSync(repo.root)}: now not trusted\n`);
    const again = await coord(['guardrails', 'run'], repo.root, undefined, env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^coord: not running guardrails: .* not trusted/);
    assert.ok(!existsSync(join(repo.root, 'guardrail-ran.txt')));
  });

  it('trusts one run with --trusted or COORD_TRUSTED=1, and lists what is trusted', async () => {
    const flagged = await coord(
      ['guardrails', 'run', '--trusted', '--no-record'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(flagged.code, 0, flagged.stdout + flagged.stderr);
    assert.ok(existsSync(join(repo.root, 'guardrail-ran.txt')));
    rmSync(join(repo.root, 'guardrail-ran.txt'));

    const fromEnv = await coord(['guardrails', 'run', '--no-record'], repo.root, undefined, {
      ...env,
      COORD_TRUSTED: '1',
    });
    assert.equal(fromEnv.code, 0, fromEnv.stdout + fromEnv.stderr);
    assert.ok(existsSync(join(repo.root, 'guardrail-ran.txt')));

    const listed = await coord(['trust', '--list'], repo.root, undefined, env);
    assert.equal(listed.stdout, '', 'one run trusted with a flag is not remembered');
    await coord(['trust'], repo.root, undefined, env);
    const after = await coord(['trust', '--list'], repo.root, undefined, env);
    assert.equal(after.stdout, `${realpathSync(repo.root)}\n`);
  });

  it('runs a setup command typed on the command line in an untrusted repository', async () => {
    const started = await coord(
      ['start', 'a_first', '--setup', 'echo typed > typed.txt'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(started.code, 0, started.stderr);
    assert.equal(readFileSync(join(worktreeOf(started), 'typed.txt'), 'utf8'), 'typed\n');
    assert.ok(!existsSync(join(worktreeOf(started), 'setup-ran.txt')));
  });

  it("lists the settings' guardrail definitions only in a trusted repository", async () => {
    repo.write(
      '.vscode/settings.json',
      '{ "coordinator.guardrails.definitions": [{ "key": "from_settings", "command": "touch x" }] }',
    );
    const keys = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { guardrails: { key: string }[] }).guardrails.map((g) => g.key);
    const untrusted = await coord(['guardrails', '--json'], repo.root, undefined, env);
    assert.equal(untrusted.code, 0, untrusted.stderr);
    assert.deepEqual(keys(untrusted), ['marker']);
    assert.match(untrusted.stderr, /not trusted, so coordinator\.guardrails\.definitions/);
    const trusted = await coord(['guardrails', '--json', '--trusted'], repo.root, undefined, env);
    assert.deepEqual(keys(trusted), ['marker', 'from_settings']);
    assert.equal(trusted.stderr, '');
  });
});
