import * as assert from 'node:assert/strict';
import { formatSize } from '../../../src/features/guardrails/model/format';
import { runGuardrailBatch } from '../../../src/features/guardrails/runGuardrailBatch';
import { textSink } from '../../../src/features/guardrails/textSink';
import { guardrail } from './helpers';
import { tempFolder } from './processes';

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

posixOnly('textSink with a limit (the output channel)', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.remove());

  async function printed(command: string, limitChars?: number, extra = {}): Promise<string> {
    let text = '';
    await runGuardrailBatch([guardrail('big', command, extra)], {
      cwd: folder.dir,
      sinkFor: (definition) => textSink(definition, (chunk) => (text += chunk), { limitChars }),
    });
    return text;
  }

  it('prints whole lines up to the limit, a notice, then the last lines before the footer', async () => {
    // 20,000 numbered lines of 7 characters: 140,000 characters against a 10,000 limit.
    const text = await printed(`seq -f '%06g' 1 20000`, 10_000);
    const notice = text.indexOf('[… more than 9.8 KB of output');
    assert.ok(notice > 0, text.slice(0, 500));
    const shown = text.slice(text.indexOf('started:'), notice).split('\n').slice(1, -1);
    assert.equal(shown[0], '000001');
    assert.ok(
      shown.every((line, i) => line === String(i + 1).padStart(6, '0')),
      'only whole lines, in order',
    );
    assert.ok(shown.join('\n').length <= 10_000);
    const end = text.slice(text.indexOf('Last lines:]\n') + 'Last lines:]\n'.length);
    const lastLines = end.slice(0, end.indexOf('<<< big')).trimEnd().split('\n');
    // Lines neither before the notice nor among the last lines: the ones really not shown.
    const hidden = (20_000 - shown.length - lastLines.length) * 7;
    assert.match(
      text,
      new RegExp(`\\[… ${formatSize(hidden).replace('.', '\\.')} not shown\\. Last lines:\\]\\n`),
    );
    assert.equal(lastLines.at(-1), '020000');
    assert.ok(
      lastLines.length > 100 &&
        lastLines.every((line, i, all) => i === 0 || Number(line) === Number(all[i - 1]) + 1),
    );
    assert.match(text, /<<< big: PASS/);
    assert.ok(text.length < 40_000, `${text.length} characters printed`);
  });

  it('names the file that has all of it when the guardrail saves its output', async () => {
    const text = await printed(`seq 1 50000`, 1000, { outputPath: 'out/big.log' });
    assert.match(text, /not shown; all of it is in .*out[\\/]big\.log\. Last lines:/);
  });

  it('prints everything without a limit, and under it', async () => {
    const all = await printed(`seq 1 3000`);
    assert.ok(all.includes('\n1\n2\n') && all.includes('\n3000\n'));
    assert.doesNotMatch(all, /not shown/);
    assert.doesNotMatch(await printed(`seq 1 10`, 10_000), /not shown/);
  });

  it('stops exactly at the limit when a chunk starts right after it', () => {
    let out = '';
    const sink = textSink(
      { key: 'k', command: 'c', required: false, raw: {} },
      (chunk) => (out += chunk),
      { limitChars: 4 },
    );
    sink.onStart({ key: 'k', command: 'c', required: false, cwd: '/', startedAt: 't' });
    sink.onOutput('abc\n', 'stdout');
    sink.onOutput('\nmore\n', 'stdout');
    assert.match(out, /\nabc\n\[… more than 4 bytes of output/);
  });

  it('formats sizes', () => {
    assert.deepEqual(
      [
        formatSize(512),
        formatSize(10_000),
        formatSize(4 * 1024 * 1024),
        formatSize(1.5 * 1024 ** 3),
      ],
      ['512 bytes', '9.8 KB', '4 MB', '1.5 GB'],
    );
  });
});
