import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mcpServerLaunches } from '../../../src/features/agents/model/mcpLaunch';
import {
  MCP_RUNTIME_ENV,
  MCP_RUNTIME_FLAGS,
  withoutMcpRuntimeEnv,
} from '../../../src/features/agents/model/mcpRuntimeFlags';
import { ALLOW_OTHER_TASKS_SETTING } from '../../../src/features/agents/model/mcpSettings';
import { Settings } from '../../../src/features/common/vscode/constants';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { CLI, TSX_LOADER } from '../cli/runCoord';

describe("the editor's MCP server definition starts a working coord mcp", function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo({ name: 'Editor' });
    repo.write(
      'plan/task_status.json',
      JSON.stringify({
        schema_version: '1.0',
        tasks: { g: { t1: { id: 't1', name: 'One', owner: 'x', status: 'not_started' } } },
      }),
    );
    repo.commit('plan');
  });
  afterEach(() => repo.dispose());

  it('names one server per folder with a plan, and the one it names answers over stdio', async () => {
    const taskFile = join(repo.root, 'plan', 'task_status.json');
    const two = mcpServerLaunches(
      [
        { name: 'A', path: repo.root, taskFile, allowOtherTasks: false },
        { name: 'B', path: repo.parent, taskFile, allowOtherTasks: true },
      ],
      process.execPath,
      CLI,
    );
    assert.deepEqual(
      two.map((launch) => launch.label),
      ['Agent Coordinator (A)', 'Agent Coordinator (B)'],
    );
    assert.deepEqual(
      two.map((launch) => launch.args),
      [
        [...MCP_RUNTIME_FLAGS, CLI, 'mcp', '--file', taskFile],
        [...MCP_RUNTIME_FLAGS, CLI, 'mcp', '--file', taskFile, '--allow-other-tasks'],
      ],
    );
    const [launch] = mcpServerLaunches(
      [{ name: 'A', path: repo.root, taskFile, allowOtherTasks: false }],
      process.execPath,
      CLI,
    );
    assert.ok(launch);
    assert.equal(launch.label, 'Agent Coordinator');
    assert.deepEqual(launch.env, { ELECTRON_RUN_AS_NODE: '1', ...MCP_RUNTIME_ENV });
    const client = new Client({ name: 'editor', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        // Run from source here; the extension runs dist/cli.js with its own runtime.
        command: launch.command,
        args: ['--import', TSX_LOADER, ...launch.args],
        cwd: launch.cwd,
        env: { PATH: process.env.PATH ?? '', ...launch.env },
      }),
    );
    try {
      const shown = await client.callTool({ name: 'show_task', arguments: { task: 't1' } });
      const content = shown.content as { type: string; text: string }[];
      assert.equal((JSON.parse(content[0]!.text) as { name: string }).name, 'One');
    } finally {
      await client.close();
    }
  });
});

describe("the server's allocator setting", () => {
  it('is taken out of the GLIBC_TUNABLES the commands a server runs inherit, and only it', () => {
    const own = MCP_RUNTIME_ENV.GLIBC_TUNABLES;
    assert.equal(withoutMcpRuntimeEnv(own), undefined);
    assert.equal(withoutMcpRuntimeEnv(undefined), undefined);
    assert.equal(
      withoutMcpRuntimeEnv(`glibc.malloc.arena_max=2:${own}`),
      'glibc.malloc.arena_max=2',
    );
    assert.equal(
      withoutMcpRuntimeEnv('glibc.malloc.mmap_threshold=65536'),
      'glibc.malloc.mmap_threshold=65536',
    );
  });
});

describe('the allowOtherTasks setting', () => {
  it('is declared in package.json under the key coord mcp reads from settings files', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
    ) as {
      contributes: {
        configuration: { properties: Record<string, { type: string; default: unknown }> };
      };
    };
    assert.equal(`${Settings.section}.${Settings.mcpAllowOtherTasks}`, ALLOW_OTHER_TASKS_SETTING);
    const declared = manifest.contributes.configuration.properties[ALLOW_OTHER_TASKS_SETTING];
    assert.deepEqual([declared?.type, declared?.default], ['boolean', false]);
  });
});
