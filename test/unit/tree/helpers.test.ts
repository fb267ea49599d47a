import { strict as assert } from 'node:assert';
import { pullRequestUrl } from '../../../src/features/tasks/model/pullRequestUrl';
import { LineIndex } from '../../../src/features/tasks/model/textPosition';
import { escapeMarkdown, inlineCode } from '../../../src/features/tasks/model/markdown';
import { sortTasks } from '../../../src/features/tasks/model/ordering';
import { buildModel } from './modelBuilder';

describe('core/tree helpers', () => {
  it('turns the common remote shapes into a pull request address', () => {
    for (const remote of [
      'git@github.com:LukhasAI/Lukhas.git',
      'ssh://git@github.com/LukhasAI/Lukhas.git',
      'https://github.com/LukhasAI/Lukhas',
      'https://token@github.com/LukhasAI/Lukhas.git/',
    ]) {
      assert.equal(
        pullRequestUrl(remote, 410),
        'https://github.com/LukhasAI/Lukhas/pull/410',
        remote,
      );
    }
    assert.equal(pullRequestUrl('/srv/git/repo.git', 1), undefined);
    assert.equal(pullRequestUrl('https://github.com/o/r', 0), undefined);
  });

  it('maps offsets to zero-based line and character across line endings', () => {
    const index = new LineIndex('ab\r\ncd\nef\rgh');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(8), { line: 2, character: 1 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 3, character: 2 });
  });

  it('escapes file text for Markdown and fences code holding backticks', () => {
    assert.equal(escapeMarkdown('a_b *c* [d](e)'), 'a\\_b \\*c\\* \\[d\\]\\(e\\)');
    assert.equal(inlineCode('x`y'), '``x`y``');
  });

  it('sorts by priority with file order breaking ties, unprioritised last', () => {
    const { model } = buildModel([
      { key: 'a' },
      { key: 'b', priority: 'low' },
      { key: 'c', priority: 'critical' },
      { key: 'd', priority: 'low' },
    ]);
    assert.deepEqual(
      sortTasks(model.tasks, 'priority').map((t) => t.key),
      ['c', 'b', 'd', 'a'],
    );
    assert.deepEqual(
      sortTasks(model.tasks, 'file').map((t) => t.key),
      ['a', 'b', 'c', 'd'],
    );
  });
});
