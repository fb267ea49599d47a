import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type NestedNpmEnv = (env: Record<string, string>) => NodeJS.ProcessEnv;

async function loadNestedNpmEnv(): Promise<NestedNpmEnv> {
  const script = pathToFileURL(path.resolve(__dirname, '../../../scripts/vscode/provision.mjs'));
  return ((await import(script.href)) as { nestedNpmEnv: NestedNpmEnv }).nestedNpmEnv;
}

describe('provisioning a code-server from inside npm test', () => {
  const outer = { ...process.env };
  let nestedNpmEnv: NestedNpmEnv;
  before(async () => {
    nestedNpmEnv = await loadNestedNpmEnv();
  });
  afterEach(() => {
    for (const name of Object.keys(process.env)) {
      if (!(name in outer)) {
        delete process.env[name];
      }
    }
    Object.assign(process.env, outer);
  });

  it('gives the nested npm its own user agent, not the outer npm one naming another Node', () => {
    process.env.npm_config_user_agent = 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false';
    process.env.npm_config_loglevel = 'silent';
    const env = nestedNpmEnv({});
    const userAgent = execFileSync('npm', ['config', 'get', 'user-agent'], {
      env,
      encoding: 'utf8',
    }).trim();
    assert.doesNotMatch(userAgent, /node\/v20\.20\.2 linux x64 workspaces\/false$/);
    assert.match(userAgent, /node\/\{node-version\}|node\/v\d+/);
    assert.equal(env.npm_config_loglevel, undefined);
  });

  it('keeps what the caller sets and the user’s own npm settings', () => {
    process.env.npm_config_registry = 'http://127.0.0.1:4873/';
    const env = nestedNpmEnv({ npm_config_nodedir: '/opt/node' });
    assert.equal(env.npm_config_nodedir, '/opt/node');
    assert.equal(env.npm_config_registry, 'http://127.0.0.1:4873/');
  });
});
