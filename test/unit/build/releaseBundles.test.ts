// The `coord` and `coord mcp` bundles as the release builds them (esbuild.js), run as an agent
// runs them: `coord mcp` loads the server's bundle and not the CLI's, Octokit comes from its own
// bundle on the first GitHub request, and the MCP server, built without zod's other languages and
// without zod 3, with Ajv (from its own bundle) and Node's crypto loaded on first use, still
// answers, explains bad arguments and writes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { build, type BuildOptions } from 'esbuild';
import { FakeGitHub } from '../../support/fake-github';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';

const run = promisify(execFile);
const TOKEN = 'ghp_BundleTestToken0123456789abcdefXYZ7';
const BUNDLES = ['dist/cli.js', 'dist/coord.js', 'dist/mcp.js', 'dist/octokit.js', 'dist/ajv.js'];

describe('the release bundles of coord and coord mcp', function () {
  this.timeout(120_000);
  let out: string;
  let repo: TempRepo;

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'coord-bundles-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
    const { targets } = require('../../../esbuild.js') as { targets: BuildOptions[] };
    const chosen = targets.filter((target) => BUNDLES.includes(target.outfile ?? ''));
    assert.equal(chosen.length, BUNDLES.length, 'esbuild.js builds the five bundles');
    await Promise.all(
      chosen.map((target) =>
        build({
          ...target,
          minify: true,
          sourcemap: false,
          outfile: join(out, target.outfile!.replace(/^dist\//, '')),
        }),
      ),
    );
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  beforeEach(() => {
    repo = createTempRepo({ name: 'Lukhas' });
    repo.write(
      'docs/plans/task_status.json',
      readFileSync('test/fixtures/lukhas/task_status.json', 'utf8'),
    );
    repo.commit('plan');
  });
  afterEach(() => repo.dispose());

  it('keep Octokit out of coord and coord mcp, and coord pr loads it on its first request', async () => {
    const bundle = (name: string) => readFileSync(join(out, name), 'utf8');
    for (const name of ['coord.js', 'mcp.js']) {
      assert.equal(bundle(name).includes('octokit-rest.js/'), false, `${name} holds no Octokit`);
      assert.ok(bundle(name).includes('"./octokit.js"'), `${name} imports ./octokit.js`);
    }
    assert.ok(bundle('octokit.js').includes('octokit-rest.js/'));

    const fake = await FakeGitHub.start({ owner: 'LukhasAI', repo: 'Lukhas', token: TOKEN });
    try {
      const cli = join(out, 'cli.js');
      const args = ['pr', 'taskA', '--base', 'main', '--owner', 'LukhasAI', '--repo', 'Lukhas'];
      const failed = await run(process.execPath, [cli, ...args, '--api-url', fake.url], {
        cwd: repo.root,
        env: { ...process.env, GITHUB_TOKEN: TOKEN },
      }).then(
        () => assert.fail('coord pr succeeds on a branch with no commits'),
        (error: { code: number; stderr: string }) => error,
      );
      // GitHub's own answer, through Octokit's request and error path.
      assert.equal(failed.code, 1, failed.stderr);
      assert.match(failed.stderr, /No commits between main and feat\/codex\/idempotency-redis/);
    } finally {
      await fake.close();
    }
  });

  it('coord mcp lists its tools and explains bad arguments in English', async () => {
    const client = new Client({ name: 'bundle-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(out, 'cli.js'), 'mcp'],
        cwd: repo.root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COORD_TASK: 'taskA' },
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'update_task'));
      const result = (await client.callTool({
        name: 'update_task',
        arguments: { progress: { done: 'two' } },
      })) as { isError?: boolean; content: { type: string; text: string }[] };
      assert.equal(result.isError, true);
      assert.match(result.content[0]!.text, /expected number, received string/);
    } finally {
      await client.close();
    }
  });

  it("keep zod 3 out of coord mcp, and Ajv's code in its own bundle, whose validator works", () => {
    const mcp = readFileSync(join(out, 'mcp.js'), 'utf8');
    assert.equal(mcp.includes('ZodNativeEnum'), false, 'mcp.js holds no zod 3');
    assert.ok(mcp.includes('require("./ajv.js")'), 'mcp.js requires ./ajv.js');
    assert.equal(mcp.includes('strictSchema'), false, 'mcp.js holds no Ajv');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle
    const { AjvJsonSchemaValidator } = require(join(out, 'ajv.js')) as {
      AjvJsonSchemaValidator: new () => {
        getValidator(schema: object): (input: unknown) => { valid: boolean };
      };
    };
    const check = new AjvJsonSchemaValidator().getValidator({
      type: 'object',
      properties: { email: { type: 'string', format: 'email' } },
      required: ['email'],
    });
    assert.equal(check({ email: 'ada@example.com' }).valid, true);
    assert.equal(check({ email: 'not an address' }).valid, false);
  });

  it("coord mcp loads the server bundle only, and Node's crypto only for its first write", async () => {
    // What the server process loaded, written by a preload when it exits.
    const loaded = join(out, 'loaded.json');
    const preload = join(out, 'record-loaded.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify({ files: Object.keys(require.cache), builtins: process.moduleLoadList })));`,
    );
    const session = async (work: (client: Client) => Promise<void>) => {
      const client = new Client({ name: 'bundle-test', version: '1.0.0' });
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: ['--require', preload, join(out, 'cli.js'), 'mcp'],
        cwd: repo.root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COORD_TASK: 'taskA' },
        stderr: 'pipe',
      });
      await client.connect(transport);
      await work(client);
      const exited = new Promise<void>((resolve) => (transport.onclose = resolve));
      await client.close();
      await exited;
      for (let i = 0; i < 100 && !existsSync(loaded); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const record = JSON.parse(readFileSync(loaded, 'utf8')) as {
        files: string[];
        builtins: string[];
      };
      rmSync(loaded);
      return {
        bundles: record.files
          .filter((file) => file.startsWith(out) && file !== preload)
          .map((file) => basename(file)),
        crypto: record.builtins.includes('NativeModule crypto'),
      };
    };
    const text = (result: unknown) =>
      (result as { content: { type: string; text: string }[] }).content[0]!.text;

    const reading = await session(async (client) => {
      await client.listTools();
      const shown = await client.callTool({ name: 'show_task', arguments: { task: 'taskA' } });
      assert.equal(shown.isError, undefined, text(shown));
    });
    assert.deepEqual(reading, { bundles: ['cli.js', 'mcp.js'], crypto: false });

    const writing = await session(async (client) => {
      const updated = await client.callTool({
        name: 'update_task',
        arguments: { note: 'written by the release bundle' },
      });
      assert.equal(updated.isError, undefined, text(updated));
    });
    assert.deepEqual(writing, { bundles: ['cli.js', 'mcp.js'], crypto: true });
    assert.match(
      readFileSync(join(repo.root, 'docs', 'plans', 'task_status.json'), 'utf8'),
      /written by the release bundle/,
    );
  });
});
