import * as assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { coord } from '../cli/runCoord';
import { createTempRepo, type TempRepo } from '../taskfile/gitRepo';

interface RunLogResult {
  key: string;
  verdict: string;
  reason: string;
  cause?: string;
}

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

/**
 * Guardrails as teams write them, `make` targets in a real repository, run by the real `coord`:
 * the verdict says what matched or what was looked for, and a failure names its likeliest cause.
 */
posixOnly('guardrail verdicts and causes (real make, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let taskFile: string;

  before(() => {
    repo = createTempRepo();
    repo.write(
      'Makefile',
      [
        'not-executable:',
        '\t./scripts/check.sh',
        'missing-command:',
        '\tnot-a-real-linter-7f3 --strict',
        'missing-module:',
        '\tpython3 -c "import not_a_real_module_7f3"',
        'missing-interpreter:',
        '\t./scripts/needs_old_python.py',
        'passing:',
        '\t@echo "✅ PASS: 0 hits"',
        'compat:',
        '\t@echo "Compat alias hits: 0"',
        'plain-failure:',
        '\t@echo "3 files would be reformatted"',
        '\t@exit 1',
        '',
      ].join('\n'),
    );
    repo.write('scripts/check.sh', '#!/bin/sh\necho checked\n');
    chmodSync(join(repo.main, 'scripts', 'check.sh'), 0o644);
    repo.write('scripts/needs_old_python.py', '#!/usr/bin/env python3.99\nprint("hi")\n');
    chmodSync(join(repo.main, 'scripts', 'needs_old_python.py'), 0o755);
    const guardrail = (command: string, expected?: string | string[]) => ({
      required: true,
      command,
      ...(expected !== undefined ? { expected } : {}),
    });
    taskFile = repo.write(
      'docs/plans/task_status.json',
      `${JSON.stringify(
        {
          tasks: { main: { t1: { name: 'Task', status: 'in_progress' } } },
          pre_audit_guardrails: {
            not_executable: guardrail('make not-executable'),
            missing_command: guardrail('make missing-command'),
            missing_module: guardrail('make missing-module'),
            missing_interpreter: guardrail('make missing-interpreter'),
            passing: guardrail('make passing', 'pass'),
            compat_as_written: guardrail('make compat', '0 violations'),
            compat_as_pattern: guardrail('make compat', '/hits: 0$/'),
            all_of_a_list: guardrail('make passing', ['PASS', '/\\b0 hits/']),
            plain_failure: guardrail('make plain-failure'),
          },
        },
        null,
        2,
      )}\n`,
    );
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'guardrails']);
  });
  after(() => repo.remove());

  let results: Map<string, RunLogResult>;
  let stdout: string;

  before(async () => {
    const run = await coord(['guardrails', 'run', '--trusted', '--json'], repo.main);
    stdout = run.stdout;
    const log = JSON.parse(run.stdout) as { results: RunLogResult[] };
    results = new Map(log.results.map((result) => [result.key, result]));
  });

  it('a script without its execute bit: an error naming the script and make’s line', () => {
    const result = results.get('not_executable')!;
    assert.equal(result.verdict, 'error', stdout);
    assert.match(result.reason, /^exit code 2$/);
    assert.match(
      result.cause!,
      /^not executable \(permission denied\): \.\/scripts\/check\.sh \(make: \*\*\* \[Makefile:2: not-executable\] Error 12[67]\)$/,
    );
  });

  it('a missing command: an error naming the command', () => {
    const result = results.get('missing_command')!;
    assert.equal(result.verdict, 'error');
    assert.match(
      result.cause!,
      /^command not found: not-a-real-linter-7f3 \(make: \*\*\* .*Error 127\)$/,
    );
  });

  it('a missing Python module and a missing interpreter version are told apart', () => {
    assert.match(
      results.get('missing_module')!.cause!,
      /^missing Python module not_a_real_module_7f3 /,
    );
    assert.equal(results.get('missing_module')!.verdict, 'error');
    assert.match(results.get('missing_interpreter')!.cause!, /^missing interpreter python3\.99 /);
  });

  it('a failure with no known cause names make’s error line and the line before it', () => {
    const result = results.get('plain_failure')!;
    assert.equal(result.verdict, 'fail');
    assert.equal(
      result.cause,
      'make: *** [Makefile:15: plain-failure] Error 1, after: 3 files would be reformatted',
    );
  });

  it('expected "pass" matches "✅ PASS: 0 hits" whatever the case, and says what matched', () => {
    const result = results.get('passing')!;
    assert.equal(result.verdict, 'pass');
    assert.equal(result.reason, 'exit code 0, found "pass" in "✅ PASS: 0 hits"');
    const list = results.get('all_of_a_list')!;
    assert.equal(list.verdict, 'pass');
    assert.equal(
      list.reason,
      'exit code 0, found "PASS" in "✅ PASS: 0 hits", /\\b0 hits/ in "✅ PASS: 0 hits"',
    );
  });

  it('"0 violations" is not read into "Compat alias hits: 0": it fails saying what it looked for; a pattern passes', () => {
    const written = results.get('compat_as_written')!;
    assert.equal(written.verdict, 'fail');
    assert.equal(
      written.reason,
      'exit code 0, but expected text "0 violations" not found (last line: "Compat alias hits: 0")',
    );
    assert.equal(results.get('compat_as_pattern')!.verdict, 'pass');
  });

  it('the footer and the run summary name the cause', async () => {
    const run = await coord(['guardrails', 'run', '--trusted', 'missing_command'], repo.main);
    assert.match(
      run.stdout,
      /^<<< missing_command: ERROR · exit code 2 · cause: command not found: not-a-real-linter-7f3 \(make: .*\) · /m,
    );
    assert.match(
      run.stdout,
      /^ {2}ERROR {5}missing_command: exit code 2; cause: command not found: not-a-real-linter-7f3 /m,
    );
  });

  it('the task file records each failure’s cause, and the run log carries it', () => {
    const model = loadTaskFile(readFileSync(taskFile, 'utf8')).model!;
    const byKey = new Map(model.guardrails.map((g) => [g.key, g]));
    assert.match(byKey.get('not_executable')!.cause!, /permission denied/);
    assert.equal(byKey.get('not_executable')!.status, 'error');
    assert.equal(byKey.get('passing')!.cause, undefined);
  });
});
