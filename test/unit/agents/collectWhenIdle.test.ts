import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { MCP_RUNTIME_FLAGS } from '../../../src/features/agents/model/mcpRuntimeFlags';
import { collectWhenIdle } from '../../../src/hosts/mcp/collectWhenIdle';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coord mcp collects its garbage shortly after it worked', () => {
  it('collects soon after work starts, through a burst, and once more when it stops', async () => {
    const calls: unknown[] = [];
    const touch = collectWhenIdle((options) => calls.push(options), { soonMs: 30, idleMs: 400 });
    touch();
    touch();
    assert.equal(calls.length, 0, 'not within the work itself');
    await wait(70);
    assert.deepEqual(calls, [{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
    touch();
    await wait(70);
    assert.equal(calls.length, 2, 'a burst that goes on is collected again');
    touch();
    await wait(100);
    assert.equal(calls.length, 3, 'the idle one waits for the last work');
    await wait(400);
    assert.equal(calls.length, 4, 'and runs once it has stopped');
    await wait(200);
    assert.equal(calls.length, 4, 'nothing more at rest');
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
