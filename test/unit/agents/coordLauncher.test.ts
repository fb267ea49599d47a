import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureRepoLauncher,
  installLauncher,
} from '../../../src/features/agents/launcher/coordLauncher';
import {
  MCP_RUNTIME_ENV,
  MCP_RUNTIME_FLAGS,
} from '../../../src/features/agents/model/mcpRuntimeFlags';
import { createTempRepo } from '../../support/tempRepo';
import { CLI, TSX_LOADER } from '../cli/runCoord';

/** A stand-in for an installed extension's `dist/cli.js`: prints its version, arguments and env. */
function fakeExtension(root: string, version: string): string {
  const script = join(root, `agent-coordinator-${version}`, 'dist', 'cli.js');
  mkdirSync(join(script, '..'), { recursive: true });
  writeFileSync(
    script,
    `process.stdout.write(JSON.stringify({ version: ${JSON.stringify(version)}, args: process.argv.slice(2), electron: process.env.ELECTRON_RUN_AS_NODE ?? null }));`,
  );
  return script;
}

describe('the coord launcher (real sh, real node)', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => (root = realpathSync(mkdtempSync(join(tmpdir(), 'coord-launcher-')))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps its path across an extension update: the target moves, the launcher stays', async () => {
    const bin = join(root, 'global storage', 'bin');
    const first = fakeExtension(root, '0.1.0');
    const installed = await installLauncher(bin, [process.execPath, first], 'linux');
    assert.equal(installed.path, join(bin, 'coord'));
    const args = ['agent-state', 'my task', '--message', 'it\'s "quoted" $HOME'];
    const run = () =>
      spawnSync(installed.path, args, {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      });
    assert.deepEqual(JSON.parse(run().stdout), { version: '0.1.0', args, electron: '1' });

    // The update removes the old version; until the editor starts again the launcher says so.
    rmSync(join(root, 'agent-coordinator-0.1.0'), { recursive: true });
    const gone = run();
    assert.equal(gone.status, 1);
    assert.equal(
      gone.stderr,
      `coord: ${first} is gone (Agent Coordinator was updated or removed); open VS Code once to point this launcher at the current version\n`,
    );
    const second = fakeExtension(root, '0.2.0');
    assert.deepEqual(await installLauncher(bin, [process.execPath, second], 'linux'), installed);
    assert.deepEqual(JSON.parse(run().stdout), { version: '0.2.0', args, electron: '1' });
    assert.equal(
      readFileSync(join(bin, 'coord-target'), 'utf8'),
      `${process.execPath}\n${second}\n`,
    );
    assert.match(readFileSync(join(bin, 'coord.cmd'), 'utf8'), /\r\n%line% %\*\r\n$/);
  });

  it("falls back to node on PATH when the editor's runtime moved", async () => {
    const script = fakeExtension(root, '0.3.0');
    const installed = await installLauncher(join(root, 'bin'), ['/no/such/editor/code', script]);
    const run = spawnSync(installed.path, ['x'], {
      encoding: 'utf8',
      env: { PATH: `${join(process.execPath, '..')}:/usr/bin:/bin` },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { version: '0.3.0', args: ['x'], electron: '1' });
  });

  it("runs the real coord from a repository's git dir; a CLI keeps a launcher that works", async () => {
    const repo = createTempRepo({ name: 'Launch' });
    try {
      const fromSource = [process.execPath, '--import', TSX_LOADER, CLI];
      const installed = await ensureRepoLauncher(repo.root, fromSource);
      assert.equal(installed.path, join(repo.root, '.git', 'coordinator', 'bin', 'coord'));
      const help = spawnSync(installed.path, ['agents'], { cwd: repo.root, encoding: 'utf8' });
      assert.deepEqual([help.status, help.stdout], [0, 'no agent has reported a state\n']);
      // Another CLI (say an npm-installed coord) does not take over a launcher that works...
      const other = fakeExtension(root, '9.9.9');
      await ensureRepoLauncher(repo.root, [process.execPath, other]);
      assert.equal(
        readFileSync(join(installed.dir, 'coord-target'), 'utf8'),
        `${fromSource.join('\n')}\n`,
      );
      // ...but repairs one whose target is gone.
      writeFileSync(join(installed.dir, 'coord-target'), `${process.execPath}\n/gone/cli.js\n`);
      await ensureRepoLauncher(repo.root, [process.execPath, other]);
      const repaired = spawnSync(installed.path, ['x'], { encoding: 'utf8' });
      assert.equal(JSON.parse(repaired.stdout).version, '9.9.9');
      assert.equal(repo.git('status', '--porcelain'), '');
    } finally {
      repo.dispose();
    }
  });

  it("starts coord mcp, and only coord mcp, with the server's V8 memory options and allocator setting", async () => {
    const script = join(root, 'ext', 'dist', 'cli.js');
    mkdirSync(join(script, '..'), { recursive: true });
    writeFileSync(
      script,
      'process.stdout.write(JSON.stringify({ execArgv: process.execArgv, args: process.argv.slice(2), wasm: typeof WebAssembly, tunables: process.env.GLIBC_TUNABLES ?? null }));',
    );
    const installed = await installLauncher(join(root, 'bin'), [process.execPath, script]);
    const run = (args: string[], env: Record<string, string> = {}) => {
      const ran = spawnSync(installed.path, args, {
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin', ...env },
      });
      assert.equal(ran.status, 0, ran.stderr);
      assert.equal(ran.stderr, '');
      return JSON.parse(ran.stdout) as {
        execArgv: string[];
        args: string[];
        wasm: string;
        tunables: string | null;
      };
    };
    const args = ['mcp', '--file', join(root, 'plan with space.json')];
    // This Node takes them without a word, and keeps WebAssembly (which fetch needs).
    assert.deepEqual(run(args), {
      execArgv: MCP_RUNTIME_FLAGS,
      args,
      wasm: 'object',
      tunables: MCP_RUNTIME_ENV.GLIBC_TUNABLES,
    });
    assert.deepEqual(run(['list', 'mcp']), {
      execArgv: [],
      args: ['list', 'mcp'],
      wasm: 'object',
      tunables: null,
    });
    // The caller's own allocator settings stay, the server's comes after them.
    const own = 'glibc.malloc.arena_max=2';
    assert.equal(
      run(args, { GLIBC_TUNABLES: own }).tunables,
      `${own}:${MCP_RUNTIME_ENV.GLIBC_TUNABLES}`,
    );
    assert.equal(run(['list'], { GLIBC_TUNABLES: own }).tunables, own);
    assert.match(
      readFileSync(join(root, 'bin', 'coord.cmd'), 'utf8'),
      new RegExp(`if /i "%~1"=="mcp" set "flags=${MCP_RUNTIME_FLAGS.join(' ')}"`),
    );
  });

  it("leaves the server's options out of the launcher target a coord mcp writes", () => {
    const script = join(root, 'current.ts');
    const launcherModule = join(
      __dirname,
      '..',
      '..',
      '..',
      'src',
      'features',
      'common',
      'cli',
      'launcher.ts',
    );
    writeFileSync(
      script,
      `import { currentCoordLauncher } from ${JSON.stringify(launcherModule)};\nprocess.stdout.write(JSON.stringify(currentCoordLauncher().command));\n`,
    );
    const ran = spawnSync(
      process.execPath,
      [...MCP_RUNTIME_FLAGS, '--import', TSX_LOADER, script],
      { encoding: 'utf8' },
    );
    assert.equal(ran.status, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout), [process.execPath, '--import', TSX_LOADER, script]);
  });
});
