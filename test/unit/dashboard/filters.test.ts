import { strict as assert } from 'node:assert';
import { NO_FILTERS, matchesFilters } from '../../../src/webview/filters';
import { readPersisted } from '../../../src/webview/persisted';
import { fixtureText, viewModelOf } from './fixtures';

describe('board filters and persisted page state', () => {
  const tasks = viewModelOf(fixtureText('lukhas')).tasks;

  it('matches everything without filters, and each filter narrows by its field', () => {
    assert.equal(tasks.filter((t) => matchesFilters(t, NO_FILTERS)).length, tasks.length);
    const shared = tasks.find((t) => t.owners.length > 1)!;
    const byOwner = tasks.filter((t) =>
      matchesFilters(t, { ...NO_FILTERS, owner: shared.owners[1] }),
    );
    assert.ok(byOwner.includes(shared));
    assert.ok(byOwner.every((t) => t.owners.includes(shared.owners[1])));
    const group = tasks[tasks.length - 1].group;
    assert.deepEqual(
      tasks.filter((t) => matchesFilters(t, { ...NO_FILTERS, group, priority: 'critical' })),
      tasks.filter((t) => t.group === group && t.priority === 'critical'),
    );
    const byText = tasks.filter((t) =>
      matchesFilters(t, { ...NO_FILTERS, text: `  ${tasks[3].id.toUpperCase()} ` }),
    );
    assert.ok(byText.includes(tasks[3]));
  });

  it('reads back what it stored and ignores junk', () => {
    const stored = {
      folderUri: 'file:///w',
      scrollY: 120,
      selectedKey: 'k',
      filters: { ...NO_FILTERS, owner: 'Codex' },
    };
    assert.deepEqual(readPersisted(JSON.parse(JSON.stringify(stored))), stored);
    assert.deepEqual(readPersisted({ scrollY: 'x', filters: { owner: 3 }, folderUri: 1 }), {
      filters: NO_FILTERS,
      scrollY: 0,
    });
    assert.deepEqual(readPersisted(undefined), { filters: NO_FILTERS, scrollY: 0 });
  });
});
