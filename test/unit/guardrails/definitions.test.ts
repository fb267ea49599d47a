import * as assert from 'node:assert/strict';
import {
  mergeGuardrails,
  parseGuardrailSettings,
} from '../../../src/features/guardrails/model/definitions';
import { parseEnvSetting } from '../../../src/features/guardrails/model/envSetting';
import {
  expandTimestamp,
  formatRunTimestamp,
} from '../../../src/features/guardrails/model/timestamp';
import { guardrail } from './helpers';

describe('guardrails: definitions from the file and the setting', () => {
  it('reads a list setting with the file field names', () => {
    const { entries, problems } = parseGuardrailSettings([
      {
        key: 'lint',
        command: 'npm run lint',
        required: false,
        output_path: 'out/<timestamp>/',
        depends_on: 'task1',
      },
    ]);
    assert.deepEqual(problems, []);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].command, 'npm run lint');
    assert.equal(entries[0].required, false);
    assert.equal(entries[0].outputPath, 'out/<timestamp>/');
    assert.equal(entries[0].dependsOn, 'task1');
  });

  it('reads an object setting keyed like pre_audit_guardrails', () => {
    const { entries } = parseGuardrailSettings({ types: { command: 'tsc', expected: 'ok' } });
    assert.equal(entries[0].key, 'types');
    assert.deepEqual(entries[0].expected, ['ok']);
  });

  it('reports bad entries with where they are and keeps the good ones', () => {
    const { entries, problems } = parseGuardrailSettings([
      { command: 'no key' },
      'text',
      { key: 'a', command: 3 },
      { key: 'b', command: 'ok', required: 'yes' },
      { key: 'c', command: '  ' },
      { key: 'd', command: 'fine' },
      { key: 'd', command: 'again' },
    ]);
    assert.deepEqual(
      entries.map((entry) => entry.key),
      ['d'],
    );
    assert.deepEqual(
      problems.map((problem) => problem.where),
      ['[0]', '[1]', '[2]', '[3]', '[4]', '[6]'],
    );
    assert.match(problems[2].message, /"command" must be a string/);
  });

  it('reports a setting that is neither a list nor an object', () => {
    assert.equal(parseGuardrailSettings('make test').problems.length, 1);
    assert.deepEqual(parseGuardrailSettings(undefined), { entries: [], problems: [] });
  });

  it('merges by key: a setting overrides given fields, keeps recorded results, adds new keys', () => {
    const fromFile = [
      guardrail('compat', 'make compat', {
        expected: ['0 violations'],
        status: 'pass',
        lastRun: '2025-10-16T05:00:00Z',
      }),
      guardrail('openapi', 'make openapi'),
    ];
    const { entries } = parseGuardrailSettings([
      { key: 'compat', required: false },
      { key: 'local', command: 'npm test' },
      { key: 'orphan', required: true },
    ]);
    const { definitions, problems } = mergeGuardrails(fromFile, entries);
    assert.deepEqual(
      definitions.map((d) => [d.key, d.command, d.required]),
      [
        ['compat', 'make compat', false],
        ['openapi', 'make openapi', true],
        ['local', 'npm test', true],
      ],
    );
    assert.deepEqual(definitions[0].expected, ['0 violations']);
    assert.equal(definitions[0].status, 'pass');
    assert.equal(definitions[0].lastRun, '2025-10-16T05:00:00Z');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /orphan.*needs a "command"/);
  });
});

describe('guardrails: <timestamp>', () => {
  it('formats UTC like the team scripts and expands every placeholder', () => {
    const at = new Date('2025-10-16T05:32:29.123Z');
    assert.equal(formatRunTimestamp(at), '20251016T053229Z');
    assert.equal(
      expandTimestamp('docs/<timestamp>/x-<timestamp>.json', at),
      'docs/20251016T053229Z/x-20251016T053229Z.json',
    );
    assert.equal(expandTimestamp('plain/path', at), 'plain/path');
  });
});

describe('guardrails: environment setting', () => {
  it('takes strings, turns numbers and booleans to text, removes on null and reports the rest', () => {
    const { env, problems } = parseEnvSetting({
      CI: true,
      PORT: 8080,
      NAME: 'x',
      HOME: null,
      'bad-name': 'x',
      OBJ: {},
    });
    assert.deepEqual(env, { CI: 'true', PORT: '8080', NAME: 'x', HOME: undefined });
    assert.deepEqual(problems, [
      '"bad-name" is not a variable name',
      '"OBJ" must be a string, or null to remove it',
    ]);
    assert.deepEqual(parseEnvSetting(['A=1']).problems, [
      'expected an object of variable names to strings',
    ]);
  });
});
