import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  setTrusted,
  trustedRepositories,
  trustFilePath,
} from '../../../src/platform/trust/trustStore';

describe('the trust list', () => {
  let configHome: string;
  beforeEach(() => (configHome = mkdtempSync(join(tmpdir(), 'coord-config-'))));
  afterEach(() => rmSync(configHome, { recursive: true, force: true }));

  it('lives under XDG_CONFIG_HOME, else ~/.config, never in the repository', () => {
    assert.equal(
      trustFilePath({ XDG_CONFIG_HOME: configHome }),
      join(configHome, 'agent-coordinator', 'trust.json'),
    );
    assert.equal(trustFilePath({}), join(homedir(), '.config', 'agent-coordinator', 'trust.json'));
  });

  it('adds and removes a repository once, and reads a damaged list as trusting nothing', async () => {
    const env = { XDG_CONFIG_HOME: configHome };
    assert.equal(await setTrusted('/repos/a', true, env), true);
    assert.equal(await setTrusted('/repos/a', true, env), false, 'already trusted');
    assert.equal(await setTrusted('/repos/b', true, env), true);
    assert.deepEqual(await trustedRepositories(env), ['/repos/a', '/repos/b']);
    assert.equal(await setTrusted('/repos/a', false, env), true);
    assert.deepEqual(await trustedRepositories(env), ['/repos/b']);

    mkdirSync(join(configHome, 'agent-coordinator'), { recursive: true });
    writeFileSync(trustFilePath(env), '{ not json');
    assert.deepEqual(await trustedRepositories(env), []);
    assert.equal(await setTrusted('/repos/c', true, env), true);
    assert.deepEqual(await trustedRepositories(env), ['/repos/c']);
  });
});
