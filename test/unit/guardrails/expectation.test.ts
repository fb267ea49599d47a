import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { likeliestCause } from '../../../src/features/guardrails/model/cause';
import {
  ExpectationMatcher,
  parseExpectation,
} from '../../../src/features/guardrails/model/expectation';

function matchAll(expected: string[], ...chunks: string[]) {
  const matcher = new ExpectationMatcher(expected.map(parseExpectation));
  for (const chunk of chunks) {
    matcher.push(chunk, 'stdout');
  }
  return matcher.finish();
}

describe('guardrails: expected as people mean it', () => {
  it('text matches whatever its case, and says on which line', () => {
    assert.deepEqual(matchAll(['pass'], 'running\n✅ PASS: 0 hits\n'), [
      { expected: '"pass"', matchedLine: '✅ PASS: 0 hits' },
    ]);
  });

  it('a number in the text matches only that whole number', () => {
    assert.equal(matchAll(['0 violations'], '10 violations\n')[0].matchedLine, undefined);
    assert.equal(matchAll(['hits: 0'], 'hits: 01\n')[0].matchedLine, undefined);
    assert.equal(
      matchAll(['0 violations'], 'found 0 violations.\n')[0].matchedLine,
      'found 0 violations.',
    );
  });

  it('/regex/flags is a pattern; one that does not compile is looked for as text', () => {
    assert.equal(matchAll(['/^ok$/'], 'OK\n')[0].matchedLine, undefined);
    assert.equal(matchAll(['/^ok$/i'], 'OK\n')[0].matchedLine, 'OK');
    assert.deepEqual(matchAll(['/[unclosed/'], 'a /[unclosed/ b\n'), [
      { expected: '"/[unclosed/"', matchedLine: 'a /[unclosed/ b' },
    ]);
  });

  it('a pattern anchored to a line matches mid-chunk, and a hit spanning two lines is no match', () => {
    assert.equal(matchAll(['/^ok$/i'], 'first\nOK\nlast\n')[0].matchedLine, 'OK');
    assert.equal(matchAll(['/a\\sb/'], 'xa\nby\n')[0].matchedLine, undefined);
    assert.equal(matchAll(['/a\\sb/'], 'xa\nby\nthen a b\n')[0].matchedLine, 'then a b');
  });

  it('a list needs every entry; a line split across chunks and an unfinished last line still match', () => {
    const results = matchAll(
      ['0 errors', '/warnings: 0\\b/'],
      'lint: 0 err',
      'ors\nwarn',
      'ings: 0',
    );
    assert.deepEqual(
      results.map((r) => r.matchedLine),
      ['lint: 0 errors', 'warnings: 0'],
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.array(fc.string(), { maxLength: 4 }),
        (chunks, expected) => {
          matchAll(expected, ...chunks);
          likeliestCause(chunks);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('guardrails: the likeliest cause of a failure', () => {
  it('reads the shell’s own words under make', () => {
    assert.deepEqual(
      likeliestCause([
        '/bin/sh: 1: ./scripts/check.sh: Permission denied',
        'make: *** [Makefile:3: check] Error 126',
      ]),
      {
        kind: 'notExecutable',
        text: 'not executable (permission denied): ./scripts/check.sh (make: *** [Makefile:3: check] Error 126)',
      },
    );
    assert.deepEqual(likeliestCause(['bash: ruff: command not found']), {
      kind: 'notFound',
      text: 'command not found: ruff',
    });
    assert.equal(likeliestCause(['/bin/sh: 1: python3.12: not found'])?.kind, 'missingInterpreter');
    assert.equal(
      likeliestCause(["Error: Cannot find module 'left-pad'"])?.text,
      'missing Node module left-pad',
    );
    assert.equal(
      likeliestCause(['ERROR: Package requires Python >=3.12'])?.text,
      'needs Python >=3.12',
    );
  });

  it('names nothing when the output says nothing known, or when the check itself reports a missing file', () => {
    assert.equal(likeliestCause(['3 violations']), undefined);
    assert.equal(
      likeliestCause(['docs/api.md: not found', 'secrets.txt: Permission denied']),
      undefined,
    );
    assert.equal(likeliestCause(['zsh: command not found: ruff'])?.text, 'command not found: ruff');
    assert.equal(
      likeliestCause(['bash: line 1: ruff: command not found'])?.text,
      'command not found: ruff',
    );
    assert.equal(likeliestCause([]), undefined);
  });
});
