import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { watchFile } from '../../../src/platform/files/watchFile';

function eventsOf(file: string): {
  count: () => number;
  next: () => Promise<void>;
  dispose: () => void;
} {
  let count = 0;
  let wake: (() => void) | undefined;
  const watch = watchFile(file, () => {
    count++;
    wake?.();
  });
  return {
    count: () => count,
    next: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event within 2 s')), 2000);
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      }),
    dispose: watch.dispose,
  };
}

describe('watchFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-file-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sees an atomic replace and a delete of the file', async () => {
    const file = path.join(dir, 'docs', 'plans', 'task_status.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{}');
    const events = eventsOf(file);
    try {
      let next = events.next();
      fs.writeFileSync(`${file}.tmp`, '{"tasks":[]}');
      fs.renameSync(`${file}.tmp`, file);
      await next;
      next = events.next();
      fs.rmSync(file);
      await next;
      assert.ok(events.count() >= 2);
    } finally {
      events.dispose();
    }
  });

  it('ignores other files in the folder', async () => {
    const file = path.join(dir, 'task_status.json');
    fs.writeFileSync(file, '{}');
    const events = eventsOf(file);
    try {
      const next = events.next();
      fs.writeFileSync(path.join(dir, 'other.json'), '{}');
      fs.writeFileSync(file, '{"tasks":[]}');
      await next;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const seen = events.count();
      fs.writeFileSync(path.join(dir, 'other.json'), '{"a":1}');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(events.count(), seen);
    } finally {
      events.dispose();
    }
  });

  it('does nothing, and does not throw, when the folder does not exist; stops after dispose', async () => {
    const missing = eventsOf(path.join(dir, 'nope', 'task_status.json'));
    missing.dispose();
    const file = path.join(dir, 'task_status.json');
    const events = eventsOf(file);
    events.dispose();
    fs.writeFileSync(file, '{}');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(events.count(), 0);
    assert.equal(missing.count(), 0);
  });
});
