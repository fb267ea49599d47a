import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  candidateBlocks,
  parsePortLedger,
  portVariables,
  serializePortLedger,
  type PortAllocation,
} from '../../../src/features/worktrees/model/portBlocks';
import {
  identifierWord,
  taskEnvironment,
} from '../../../src/features/worktrees/model/taskEnvironment';

describe('port blocks and task environment (model)', () => {
  it('offers aligned blocks from the base that overlap no taken block, and stops at 65535', () => {
    const taken = [
      { start: 20000, size: 10 },
      { start: 20015, size: 2 },
    ];
    const first = [...candidateBlocks(20000, 10, taken)].slice(0, 2);
    assert.deepEqual(first, [
      { start: 20020, size: 10 },
      { start: 20030, size: 10 },
    ]);
    const last = [...candidateBlocks(65530, 3, [])];
    assert.deepEqual(last, [
      { start: 65530, size: 3 },
      { start: 65533, size: 3 },
    ]);
    assert.deepEqual([...candidateBlocks(20000, 0, [])], []);
  });

  it('reads back what it writes and drops what is not a block', () => {
    const ledger = new Map<string, PortAllocation>([
      ['b', { taskKey: 'b', start: 20010, size: 10, allocatedAt: 't2', worktreePath: '/w/b' }],
      ['a', { taskKey: 'a', start: 20000, size: 10, allocatedAt: 't1' }],
    ]);
    assert.deepEqual(parsePortLedger(serializePortLedger(ledger)), ledger);
    const odd = parsePortLedger(
      JSON.stringify({
        blocks: {
          x: { start: 'no', size: 1 },
          y: { start: 65535, size: 2 },
          z: { start: 5, size: 1 },
        },
      }),
    );
    assert.deepEqual([...odd.keys()], ['z']);
    assert.equal(parsePortLedger('{ broken').size, 0);
  });

  it('names the ports COORD_PORT, COORD_PORT_1 …', () => {
    assert.deepEqual(portVariables({ start: 3000, size: 3 }), {
      COORD_PORT: '3000',
      COORD_PORT_1: '3001',
      COORD_PORT_2: '3002',
    });
    assert.deepEqual(portVariables(undefined), {});
  });

  it('fills templates with sanitised words and reports names and placeholders it cannot use', () => {
    const { env, problems } = taskEnvironment({
      taskKey: 'Feat/Login Page',
      taskId: 'T-7',
      repo: 'My.App',
      block: { start: 4000, size: 2 },
      template: {
        DATABASE_NAME: 'app_${taskKey}',
        COMPOSE_PROJECT_NAME: '${repo}-${taskId}',
        URL: 'http://localhost:${port1}',
        MISSING: '${nope}-${port5}',
        INJECT: 'a\nb\u0007c',
        '1BAD': 'x',
        coord_x: 'y',
      },
    });
    assert.deepEqual(env, {
      COORD_PORT: '4000',
      COORD_PORT_1: '4001',
      DATABASE_NAME: 'app_feat_login_page',
      COMPOSE_PROJECT_NAME: 'my_app-t-7',
      URL: 'http://localhost:4001',
      MISSING: '${nope}-${port5}',
      INJECT: 'abc',
    });
    assert.equal(problems.length, 3);
    assert.match(problems[0], /MISSING uses \$\{nope\}, \$\{port5\}/);
    assert.match(problems[1], /"1BAD" is not a variable name/);
    assert.match(problems[2], /coord_x is left out/);
  });

  it('makes words that are always safe identifiers', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const word = identifierWord(text);
        assert.match(word, /^[a-z0-9][a-z0-9_-]{0,62}$/);
      }),
    );
  });
});
