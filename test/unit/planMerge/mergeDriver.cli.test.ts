import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coord } from '../cli/runCoord';

describe('coord merge-driver and coord setup: bad input gets one clear line', function () {
  this.timeout(60_000);
  let folder: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'coord-driver-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses missing arguments with the usage, and a missing file without a stack trace', async () => {
    const usage = await coord(['merge-driver', 'only-one'], folder);
    assert.equal(usage.code, 2);
    assert.match(
      usage.stderr,
      /^coord: give the ancestor, ours and theirs files\nusage: coord merge-driver/,
    );
    const missing = await coord(['merge-driver', 'a.json', 'b.json', 'c.json'], folder);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^coord: cannot read .*a\.json: ENOENT[^\n]*\n$/);
  });

  it('writes a conflict section into ours and exits 1 when ours is not JSON', async () => {
    const write = (name: string, text: string) => writeFileSync(join(folder, name), text);
    write('base.json', '{"tasks":{"a":{"status":"not_started"}}}\n');
    write('ours.json', '{"tasks":{"a":{"status": \n');
    write('theirs.json', '{"tasks":{"a":{"status":"completed"}}}\n');
    const run = await coord(
      ['merge-driver', 'base.json', 'ours.json', 'theirs.json', 'plan.json'],
      folder,
    );
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'coord merge-driver: plan.json: conflict: ours is not valid JSON\n');
    const text = readFileSync(join(folder, 'ours.json'), 'utf8');
    assert.match(
      text,
      /^<<<<<<< ours[^\n]*\n[\s\S]*\n=======\n\{"tasks":\{"a":\{"status":"completed"\}\}\}\n>>>>>>> theirs\n$/,
    );
  });

  it('asks what to set up, and says so when the folder is not a repository', async () => {
    const bare = await coord(['setup'], folder);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /^coord: say what to set up: merge-driver\n/);
    writeFileSync(join(folder, 'task_status.json'), '{"tasks":{}}\n');
    const outside = await coord(['setup', 'merge-driver', '--file', 'task_status.json'], folder);
    assert.equal(outside.code, 1);
    assert.match(outside.stderr, /^coord: [^\n]* is not inside a git repository\n$/);
  });
});
