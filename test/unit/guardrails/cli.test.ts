import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { createTempRepo, type TempRepo } from '../taskfile/gitRepo';
import { coord } from '../cli/runCoord';
import { alive, waitFor } from './processes';

function taskFileWith(guardrails: Record<string, unknown>): string {
  return `${JSON.stringify(
    {
      schema_version: '1.0',
      tasks: {
        top5: {
          task1_shadow_diff: {
            id: 'task1',
            name: 'Shadow diff',
            owner: 'Codex',
            status: 'in_progress',
            dependencies: [],
          },
        },
      },
      pre_audit_guardrails: guardrails,
    },
    null,
    2,
  )}\n`;
}

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

posixOnly('coord guardrails (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let taskFile: string;

  beforeEach(() => {
    repo = createTempRepo();
    taskFile = repo.write(
      'docs/plans/task_status.json',
      taskFileWith({
        compat: {
          status: 'not_started',
          required: true,
          command: 'printf "\\033[32mchecked\\033[0m: 0 violations\\n"',
          expected: '0 violations',
        },
        docs: { status: 'not_started', required: false, command: 'echo missing docs >&2; exit 3' },
        shadow: {
          status: 'waiting',
          required: true,
          command: 'echo never',
          depends_on: 'task1_shadow_diff',
        },
      }),
    );
    repo.git(['add', '--', 'docs']);
    repo.git(['commit', '-q', '-m', 'plan']);
  });
  afterEach(() => repo.remove());

  it('lists guardrails with their recorded status and why one would be skipped', async () => {
    const run = await coord(['guardrails'], repo.main);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /0\/2 required passing/);
    assert.match(run.stdout, /shadow\s+yes\s+waiting/);
    assert.match(run.stdout, /depends on task1_shadow_diff, which is in progress/);
  });

  it('runs them, streams headers, output and footers, records results and writes a run log', async () => {
    const run = await coord(['guardrails', 'run', '--trusted'], repo.main);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, />>> compat \(required\)\n\$ printf/);
    assert.match(run.stdout, /checked: 0 violations\n/);
    assert.ok(!run.stdout.includes('\u001b'), 'colour codes removed');
    assert.match(
      run.stdout,
      /<<< compat: PASS · exit code 0, found "0 violations" in "checked: 0 violations" · /,
    );
    assert.match(run.stdout, /missing docs\n<<< docs: FAIL · exit code 3 · /);
    assert.match(
      run.stdout,
      /<<< shadow: SKIPPED · depends on task1_shadow_diff, which is in progress/,
    );
    assert.match(run.stdout, /guardrails: 1\/2 required passing/);

    const model = loadTaskFile(readFileSync(taskFile, 'utf8')).model!;
    const byKey = new Map(model.guardrails.map((g) => [g.key, g]));
    assert.equal(byKey.get('compat')?.status, 'pass');
    assert.equal(byKey.get('docs')?.status, 'fail');
    assert.equal(byKey.get('shadow')?.status, 'waiting', 'a skipped guardrail is not recorded');
    assert.equal(typeof byKey.get('compat')?.durationMs, 'number');
    assert.ok(!Number.isNaN(Date.parse(byKey.get('compat')?.lastRun ?? '')));

    const logs = readdirSync(join(repo.main, '.dev', 'guardrails'));
    assert.equal(logs.length, 1);
    const log = JSON.parse(readFileSync(join(repo.main, '.dev', 'guardrails', logs[0]), 'utf8'));
    assert.deepEqual(
      log.results.map((r: { key: string; verdict: string }) => [r.key, r.verdict]),
      [
        ['compat', 'pass'],
        ['docs', 'fail'],
        ['shadow', 'skipped'],
      ],
    );
  });

  it('exits 1 when a required guardrail fails, and prints the run log as JSON with --json', async () => {
    repo.write(
      'docs/plans/task_status.json',
      taskFileWith({
        compat: { required: true, command: 'echo "2 violations"', expected: '0 violations' },
      }),
    );
    const run = await coord(
      [
        'guardrails',
        'run',
        '--trusted',
        'compat',
        '--json',
        '--no-record',
        '--log-folder',
        'out/logs',
      ],
      repo.main,
    );
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout);
    assert.equal(log.requiredPassed, false);
    assert.equal(
      log.results[0].reason,
      'exit code 0, but expected text "0 violations" not found (last line: "2 violations")',
    );
    assert.match(run.stderr, /2 violations/, 'live output goes to stderr with --json');
    assert.ok(existsSync(log.logPath) && log.logPath.includes(join('out', 'logs')));
    assert.equal(
      loadTaskFile(readFileSync(taskFile, 'utf8')).model!.guardrails[0].status,
      undefined,
      '--no-record',
    );
  });

  it('merges coordinator.guardrails.definitions from .vscode/settings.json, as the extension does', async () => {
    repo.write(
      '.vscode/settings.json',
      `{
        // comments and trailing commas, as VS Code allows
        "coordinator.guardrails.definitions": [
          { "key": "docs", "required": true, "command": "echo docs fine" },
          { "key": "lint", "command": "echo 0 problems", "expected": "0 problems" },
          { "key": "broken" },
        ],
      }`,
    );
    const listed = await coord(['guardrails', '--json', '--trusted'], repo.main);
    assert.equal(listed.code, 0, listed.stderr);
    const keys = (
      JSON.parse(listed.stdout) as { guardrails: { key: string; required: boolean }[] }
    ).guardrails.map((g) => `${g.key}:${g.required}`);
    assert.deepEqual(keys, ['compat:true', 'docs:true', 'shadow:true', 'lint:true']);
    assert.match(
      listed.stderr,
      /settings\.json: coordinator\.guardrails\.definitions broken: "broken" is not in the task file, so it needs a "command"/,
    );

    const run = await coord(
      ['guardrails', 'run', '--trusted', 'docs', 'lint', '--no-record'],
      repo.main,
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /PASS\s+docs: exit code 0/);
    assert.match(run.stdout, /PASS\s+lint: exit code 0/);

    repo.write('.vscode/settings.json', '// nothing here yet\n');
    const empty = await coord(['guardrails'], repo.main);
    assert.equal(empty.stderr, '', 'an empty settings file is no settings');

    repo.write('.vscode/settings.json', '{ "coordinator.guardrails.definitions": [ ');
    const unreadable = await coord(['guardrails'], repo.main);
    assert.equal(unreadable.code, 0);
    assert.match(
      unreadable.stderr,
      /settings\.json could not be read \(.+\); its settings were left out/,
    );
  });

  it('refuses an unknown guardrail key with the known ones', async () => {
    const run = await coord(['guardrails', 'run', '--trusted', 'nope'], repo.main);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no guardrail "nope"; known: compat, docs, shadow/);
  });

  it('on SIGINT kills the running guardrail tree and exits 130', async () => {
    const pids = join(repo.main, 'pids');
    repo.write(
      'docs/plans/task_status.json',
      taskFileWith({
        slow: {
          required: true,
          command: `sleep 60 & echo $! >> ${pids}; echo $$ >> ${pids}; wait`,
        },
      }),
    );
    let cliPid = 0;
    const running = coord(
      ['guardrails', 'run', '--trusted', '--no-record'],
      repo.main,
      (pid) => (cliPid = pid),
    );
    await waitFor(
      () => existsSync(pids) && readFileSync(pids, 'utf8').trim().split('\n').length >= 2,
      'the guardrail to start',
    );
    process.kill(cliPid, 'SIGINT');
    const run = await running;
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stdout, /<<< slow: CANCELLED/);
    const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    assert.deepEqual(started.filter(alive), []);
  });
});
