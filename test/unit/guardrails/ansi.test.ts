import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnsiStripper, stripAnsi } from '../../../src/features/guardrails/model/ansi';

const ESC = '\u001b';

function stripInChunks(text: string, cuts: number[]): string {
  const stripper = new AnsiStripper();
  let out = '';
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out += stripper.push(text.slice(from, cut));
    from = cut;
  }
  return out + stripper.push(text.slice(from)) + stripper.flush();
}

describe('guardrails: ANSI stripping', () => {
  it('removes colours, cursor moves, OSC titles and hyperlinks, keeping the text', () => {
    const text =
      `${ESC}[1;31mFAIL${ESC}[0m test ${ESC}[2K${ESC}[1G` +
      `${ESC}]0;title${'\u0007'}ok ${ESC}]8;;https://example.test${ESC}\\link${ESC}]8;;${ESC}\\ done${ESC}(B\n`;
    assert.equal(stripAnsi(text), 'FAIL test ok link done\n');
  });

  it('keeps tabs, line feeds and carriage returns and drops other control characters', () => {
    assert.equal(stripAnsi('a\tb\r\nc\u0000d\u0007e\u007f\n'), 'a\tb\r\ncde\n');
  });

  it('removes a sequence split across chunks', () => {
    const stripper = new AnsiStripper();
    const parts = ['green: ', ESC, '[3', '2m', 'ok', ESC, '[', '0m', '\n'];
    assert.equal(parts.map((part) => stripper.push(part)).join(''), 'green: ok\n');
  });

  it('keeps a line feed that interrupts an escape sequence', () => {
    assert.equal(stripAnsi(`a${ESC}\nb${ESC}[12\nc`), 'a\nb\nc');
  });

  it('gives up on a string sequence that never ends and shows the text after it', () => {
    const text = `${ESC}]0;${'x'.repeat(5000)}visible`;
    assert.ok(stripAnsi(text).endsWith('visible'));
  });

  it('gives the same text however the input is cut into chunks', () => {
    const pieces = fc.constantFrom(
      'plain ',
      'ü€😀',
      '\n',
      '\r',
      `${ESC}[31m`,
      `${ESC}[0m`,
      `${ESC}[?25l`,
      `${ESC}]0;t\u0007`,
      `${ESC}]8;;u${ESC}\\`,
      `${ESC}(B`,
      '\u0000',
      '\t',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (chosen, rawCuts) => {
          const text = chosen.join('');
          const cuts = rawCuts.map((cut) => (text.length === 0 ? 0 : cut % (text.length + 1)));
          assert.equal(stripInChunks(text, cuts), stripAnsi(text));
          assert.ok(!stripAnsi(text).includes(ESC));
        },
      ),
    );
  });

  it('agrees with character-by-character processing on sequence-heavy text', () => {
    const chars = fc.constantFrom(
      ESC,
      '[',
      ']',
      '(',
      'P',
      '\\',
      ';',
      '1',
      'm',
      'x',
      ' ',
      '\n',
      '\u0007',
      '\u0000',
      '\u009b',
      'é',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (chosen) => {
        const text = chosen.join('');
        const oneByOne = Array.from({ length: text.length }, (_, i) => i);
        assert.equal(stripAnsi(text), stripInChunks(text, oneByOne));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = stripAnsi(text);
        assert.ok(out.length <= text.length);
      }),
    );
  });
});
