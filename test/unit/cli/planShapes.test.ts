import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../core/helpers';
import { createTempRepo, type TempRepo } from '../taskfile/gitRepo';
import { coord } from './runCoord';

/** The `coord` commands on plan shapes other than schema 1.0, each in its own file. */
describe('coord on every plan shape (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
  });
  after(() => repo.remove());

  function planFile(name: string): string {
    return repo.write(`plans/${name}`, readFileSync(join(FIXTURES, 'variants', name), 'utf8'));
  }

  it('set --pr 442 --pr 443 records both, and show lists them', async () => {
    const file = planFile('batch-array.json');
    const set = await coord(
      ['set', 'INV-101', '--pr', '442', '--pr', '443', '--file', file],
      repo.main,
    );
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /PR #442 #443/);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    assert.deepEqual([written[0].pr_number, written[0].pr_numbers], [442, [442, 443]]);
    const show = await coord(['show', 'INV-101', '--file', file], repo.main);
    assert.match(show.stdout, /^pr: +#442, #443$/m);
  });

  it('show names every unfinished dependency under "blocked by", and the external ones', async () => {
    const file = planFile('batch-array.json');
    const show = await coord(['show', 'INV-103', '--file', file], repo.main);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /^blocked by: +INV-102 \(in_progress\), INV-104 \(not_started\)$/m);
    assert.match(show.stdout, /^needs \(external\): smtp_relay_provisioned$/m);
    assert.match(show.stdout, /^checklist: +template reviewed; unsubscribe link present$/m);
  });

  it('list and next show the critical-review flag; next names external prerequisites', async () => {
    const file = planFile('categories.json');
    const batch = planFile('batch-array.json');
    const list = await coord(['list', '--file', batch], repo.main);
    assert.match(list.stdout, /^ +INV-102 .* yes$/m);
    assert.match(list.stdout, /^CR: critical review/m);
    const next = await coord(['next', '--file', batch], repo.main);
    assert.match(next.stdout, /^INV-104 .* yes/m);
    await coord(['set', 'SR-1', '--status', 'done', '--file', file], repo.main);
    await coord(['set', 'SR-2', '--status', 'done', '--file', file], repo.main);
    const nextNested = await coord(['next', '--file', file], repo.main);
    assert.equal(nextNested.code, 0, nextNested.stderr);
    assert.match(nextNested.stdout, /^sr_results_page .* design_signed_off$/m);
  });

  it('show finds a batch task by its task_id, in a nested plan too', async () => {
    const file = planFile('agents.json');
    const show = await coord(['show', 'AG-2', '--file', file], repo.main);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /^owner: +Copilot \+ Claude Code$/m);
    assert.match(show.stdout, /^group: +copilot$/m);
  });

  it('a pull-request listing is refused in one line, with no stack trace', async () => {
    const file = planFile('gh-pr-list.json');
    for (const command of ['list', 'validate']) {
      const result = await coord([command, '--file', file], repo.main);
      assert.notEqual(result.code, 0);
      const output = `${result.stdout}${result.stderr}`.trim();
      assert.match(output, /list of 2 pull requests .*not a plan/);
      assert.ok(!/\n\s+at /.test(output), output);
      // One line says why; validate adds its count line.
      const lines = output.split('\n');
      assert.equal(lines.filter((line) => line.includes('not a plan')).length, 1, output);
      assert.equal(lines.length, command === 'validate' ? 2 : 1, output);
    }
  });
});
