import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedPlanReader } from '../../../src/features/agents/mcp/planCache';
import { TaskFileStore } from '../../../src/platform/taskfile/store';

const planText = (status: string) =>
  `${JSON.stringify({ schema_version: '1.0', tasks: { g: { t1: { id: 't1', name: 'One', owner: 'x', status } } } })}\n`;

describe('the MCP server reads the plan again only when the file changed', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'coord-plan-cache-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('parses once while the file stays the same, and again after any write, the store’s included', async () => {
    const file = join(folder, 'task_status.json');
    writeFileSync(file, planText('not_started'));
    const store = new TaskFileStore(file);
    let reads = 0;
    const read = cachedPlanReader(file, () => {
      reads++;
      return store.read();
    });
    const first = await read();
    assert.equal(await read(), first);
    assert.equal(reads, 1);

    await store.apply({ kind: 'setStatus', taskKey: 't1', status: 'in_progress' });
    assert.equal((await read()).model?.byKey.get('t1')?.status, 'in_progress');
    writeFileSync(file, planText('blocked'));
    assert.equal((await read()).model?.byKey.get('t1')?.status, 'blocked');
    assert.equal(reads, 3);
  });
});
