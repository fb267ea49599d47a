import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LinePrefixer } from '../../../src/features/guardrails/model/prefix';
import { StreamSearch } from '../../../src/features/guardrails/model/streamSearch';
import { TailLines } from '../../../src/features/guardrails/model/tail';

function chunked(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    chunks.push(text.slice(i, i + size));
  }
  return chunks;
}

describe('guardrails: stream search', () => {
  it('finds text that straddles chunk boundaries', () => {
    const search = new StreamSearch('0 violations');
    for (const chunk of ['checked 12 files, 0 vio', 'l', 'ations\n']) {
      search.push(chunk);
    }
    assert.equal(search.found, true);
  });

  it('does not find text that is absent', () => {
    const search = new StreamSearch('pass');
    chunked('all checks: pas\ns ok\n', 3).forEach((chunk) => search.push(chunk));
    assert.equal(search.found, false);
  });

  it('agrees with a whole-text search for any chunking', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c') }),
        fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        (text, needle, size) => {
          const search = new StreamSearch(needle);
          chunked(text, size).forEach((chunk) => search.push(chunk));
          assert.equal(search.found, text.includes(needle));
        },
      ),
    );
  });
});

describe('guardrails: last lines', () => {
  it('keeps only the last lines, oldest first', () => {
    const tail = new TailLines(3);
    chunked(Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join(''), 7).forEach((c) =>
      tail.push(c),
    );
    assert.deepEqual(tail.lines(), ['line 7', 'line 8', 'line 9']);
  });

  it('keeps the final state of a line redrawn with carriage returns', () => {
    const tail = new TailLines(5);
    tail.push('progress 10%\rprogress 50%\rprogress 100%\r\ndone\r\n');
    assert.deepEqual(tail.lines(), ['progress 100%', 'done']);
  });

  it('stays bounded and drops the partial first line after truncation', () => {
    const tail = new TailLines(2, 64);
    for (let i = 0; i < 1000; i++) {
      tail.push(`row ${i} ${'x'.repeat(20)}\n`);
    }
    assert.deepEqual(tail.lines(), [`row 998 ${'x'.repeat(20)}`, `row 999 ${'x'.repeat(20)}`]);
  });

  it('shortens very long lines', () => {
    const tail = new TailLines(1, 16 * 1024, 10);
    tail.push(`${'y'.repeat(50)}\n`);
    assert.equal(tail.lines()[0], `${'y'.repeat(10)}…`);
  });
});

describe('guardrails: line prefixes', () => {
  it('prefixes every line across chunks', () => {
    const prefixer = new LinePrefixer('[k] ');
    const out = ['one\ntw', 'o\n', '', 'three'].map((c) => prefixer.push(c)).join('');
    assert.equal(out, '[k] one\n[k] two\n[k] three');
  });
});
