import assert from 'node:assert/strict';
import { readResponseLimits } from '../../../src/features/github/model/settings';
import { tokenMayGoTo } from '../../../src/features/github/model/tokenHost';
import { EtagCache } from '../../../src/features/github/client/cachingFetch';

describe('where a GitHub token may go', function () {
  it('goes to api.github.com over https without any configuration', function () {
    assert.equal(tokenMayGoTo('https://api.github.com', []), true);
    assert.equal(tokenMayGoTo('https://API.github.com/', []), true);
    assert.equal(tokenMayGoTo('http://api.github.com', []), false);
  });

  it('goes to another server only when the user configured it, same scheme and host', function () {
    assert.equal(tokenMayGoTo('https://localhost/api/v3', []), false);
    assert.equal(tokenMayGoTo('https://ghe.example.com/api/v3', [undefined]), false);
    assert.equal(tokenMayGoTo('https://ghe.example.com/api/v3', ['https://ghe.example.com']), true);
    assert.equal(tokenMayGoTo('https://api.acme.ghe.com', ['https://acme.ghe.com']), true);
    assert.equal(
      tokenMayGoTo('https://ghe.example.com.evil.test/api/v3', ['https://ghe.example.com']),
      false,
    );
    assert.equal(tokenMayGoTo('http://ghe.example.com/api/v3', ['https://ghe.example.com']), false);
    assert.equal(tokenMayGoTo('http://127.0.0.1:4000', ['http://127.0.0.1:4001']), false);
    assert.equal(tokenMayGoTo('file:///etc/passwd', ['file:///etc/passwd']), false);
  });
});

describe('GitHub limits and caches', function () {
  it('reads the limits as seconds and megabytes, with defaults for missing or bad values', function () {
    const settings: Record<string, unknown> = {
      'github.connectTimeoutSeconds': 2,
      'github.idleTimeoutSeconds': -1,
      'github.maxResponseMegabytes': 'lots',
    };
    assert.deepEqual(
      readResponseLimits((key) => settings[key]),
      { connectTimeoutMs: 2_000, idleTimeoutMs: 30_000, maxResponseBytes: 10 * 1024 * 1024 },
    );
  });

  it('keeps the ETag cache under its total size, dropping the oldest bodies first', function () {
    const cache = new EtagCache(1000, 100);
    for (let n = 0; n < 10; n++) {
      cache.set(`u${n}`, { etag: `e${n}`, body: 'x'.repeat(30), headers: [] });
    }
    console.log(`      kept ${cache.size} bodies, ${cache.storedLength} characters`);
    assert.equal(cache.size, 3);
    assert.equal(cache.storedLength, 90);
    assert.equal(cache.get('u0'), undefined);
    assert.ok(cache.get('u9'));
  });
});
