import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { MCP_RUNTIME_FLAGS } from '../../../src/features/agents/model/mcpRuntimeFlags';
import { collectWhenIdle } from '../../../src/hosts/mcp/collectWhenIdle';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coord mcp collects its garbage shortly after it worked', () => {
  it('runs one last-resort collection per burst, after the delay, and another for a later burst', async () => {
    const calls: unknown[] = [];
    const touch = collectWhenIdle((options) => calls.push(options), 30);
    touch();
    touch();
    touch();
    assert.equal(calls.length, 0, 'not within the burst');
    await wait(80);
    assert.deepEqual(calls, [{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
    touch();
    await wait(80);
    assert.equal(calls.length, 2);
  });

  it('is given gc by the options every coord mcp starts with, which this Node accepts', () => {
    const exposed = execFileSync(
      process.execPath,
      [...MCP_RUNTIME_FLAGS, '-e', 'process.stdout.write(typeof gc)'],
      { encoding: 'utf8' },
    );
    assert.equal(exposed, 'function');
  });
});
