// The real agent CLIs, installed from the npm registry into a cache, read the files and flags
// Start Task generates. Offline they cannot run a model turn, so each is taken as far as it goes
// without one: Claude Code connects the MCP server and runs the hooks; Codex loads the overrides
// under --strict-config and lists the server; Copilot CLI validates the MCP file before asking
// for a sign-in, and runs a whole turn on a stand-in model on loopback (its offline mode with a
// custom provider). Each check is paired with a broken input the same CLI refuses.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAgentStates } from '../../../src/features/agents/agentStateStore';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { standInChatModel } from './standInChatModel';

const CACHE = join(__dirname, '..', '..', '..', '.vscode-test', 'agent-clis');
const PACKAGES = {
  claude: '@anthropic-ai/claude-code@2.1.197',
  codex: '@openai/codex@0.171.0',
  copilot: '@github/copilot@1.0.102',
} as const;
type Cli = keyof typeof PACKAGES;

/** Installs the CLIs once into the cache; the ones that cannot be installed are reported, not failed. */
function installedClis(): { available: Set<Cli>; why: string } {
  const bin = (cli: Cli) => join(CACHE, 'node_modules', '.bin', cli);
  const missing = (Object.keys(PACKAGES) as Cli[]).filter((cli) => !existsSync(bin(cli)));
  let why = '';
  if (missing.length > 0) {
    mkdirSync(CACHE, { recursive: true });
    const run = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        CACHE,
        '--no-audit',
        '--no-fund',
        '--no-save',
        ...missing.map((cli) => PACKAGES[cli]),
      ],
      { encoding: 'utf8', timeout: 600_000 },
    );
    why =
      run.status === 0
        ? ''
        : `npm install failed: ${(run.stderr || String(run.error)).trim().split('\n').pop()}`;
  }
  return {
    available: new Set((Object.keys(PACKAGES) as Cli[]).filter((cli) => existsSync(bin(cli)))),
    why,
  };
}

/** Runs until `until` matches the output (or, as a function, says so) or the process ends, then stops it. */
function runUntil(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  until: RegExp | (() => boolean),
  timeoutMs = 60_000,
): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let settled = false;
    const finish = (code: number | null) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
        resolve({ output, code });
      }
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const reached = () => {
      try {
        return typeof until === 'function' ? until() : until.test(output);
      } catch {
        return false;
      }
    };
    const poll = setInterval(() => {
      if (settled) {
        clearInterval(poll);
      } else if (reached()) {
        finish(null);
      }
    }, 200);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (reached()) {
        finish(null);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('close', (code) => finish(code));
  });
}

interface Started {
  path: string;
  agentSetup: { files: string[]; flags: Record<Cli, string[]> };
}

describe('the agent CLIs accept the generated configuration (offline)', function () {
  this.timeout(900_000);
  let clis: { available: Set<Cli>; why: string };
  let repo: TempRepo;
  let home: string;
  let started: Started;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    clis = installedClis();
    if (clis.available.size === 0) {
      this.skip();
    }
    repo = createTempRepo({ name: 'Clis' });
    repo.write(
      'task_status.json',
      JSON.stringify({
        schema_version: '1.0',
        tasks: { g: { t1: { id: 't1', name: 'One', owner: 'x', status: 'not_started' } } },
      }),
    );
    repo.commit('plan');
    const run = await coord(['start', 't1', '--json'], repo.root);
    assert.equal(run.code, 0, run.stderr);
    started = JSON.parse(run.stdout) as Started;
    home = realpathSync(mkdtempSync(join(tmpdir(), 'coord-agent-home-')));
    // A fresh home: nothing of the user's is read or written, no token is found.
    env = {
      PATH: `${join(CACHE, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      HOME: home,
      CODEX_HOME: join(home, '.codex'),
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    };
    mkdirSync(join(home, '.codex'));
  });
  after(() => {
    repo?.dispose();
    if (home) {
      rmSync(home, { recursive: true, force: true });
    }
  });

  const need = (context: Mocha.Context, cli: Cli) => {
    if (!clis.available.has(cli)) {
      context.test!.title += ` (skipped: ${PACKAGES[cli]} could not be installed: ${clis.why})`;
      context.skip();
    }
  };

  it('Claude Code connects the coordinator server, allows its tools and runs the state hooks', async function () {
    need(this, 'claude');
    const log = join(home, 'claude-debug.log');
    const connected = /MCP server "coordinator": Successfully connected/;
    // An API on loopback that never answers keeps Claude Code waiting for its first reply, so it
    // does not end the run (and its server connections) before the coordinator server is up.
    const api = createServer(() => undefined);
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      await runUntil(
        'claude',
        [...started.agentSetup.flags.claude, '-p', 'Read the brief', '--debug-file', log],
        {
          cwd: started.path,
          env: {
            ...env,
            ANTHROPIC_API_KEY: 'sk-ant-offline-test',
            ANTHROPIC_BASE_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
          },
        },
        () => connected.test(readFileSync(log, 'utf8').toString()),
        120_000,
      );
    } finally {
      api.closeAllConnections();
      api.close();
    }
    const debug = readFileSync(log, 'utf8');
    // Claude Code's own debug log is the only offline witness of the connection.
    assert.match(debug, /MCP server "coordinator": Successfully connected/);
    assert.match(debug, /allow rule\(s\)[^\n]*"mcp__coordinator"/);
    let records = await readAgentStates(repo.root);
    for (let i = 0; i < 40 && records.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      records = await readAgentStates(repo.root);
    }
    assert.equal(records[0]?.task, 't1');
    assert.equal(records[0]?.agent, 'Claude Code', 'written by the hooks');
    assert.ok(['idle', 'working'].includes(records[0]!.state), records[0]!.state);

    const broken = join(home, 'broken-mcp.json');
    writeFileSync(broken, '{ "mcpServers": ');
    const refused = spawnSync('claude', ['--mcp-config', broken, '-p', 'x'], {
      cwd: started.path,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.match(`${refused.stdout}${refused.stderr}`, /Invalid MCP configuration/);
  });

  it('Codex loads the -c overrides under --strict-config and lists the server as given', async function () {
    need(this, 'codex');
    const flags = started.agentSetup.flags.codex;
    const list = spawnSync('codex', [...flags, 'mcp', 'list', '--json'], {
      cwd: started.path,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(list.status, 0, list.stderr);
    const servers = JSON.parse(list.stdout) as {
      name: string;
      transport: { command: string; args: string[]; env: Record<string, string> };
    }[];
    const server = servers.find((entry) => entry.name === 'coordinator');
    assert.ok(server, list.stdout);
    assert.equal(server.transport.command, join(repo.root, '.git', 'coordinator', 'bin', 'coord'));
    assert.deepEqual(server.transport.args, ['mcp', '--file', join(repo.root, 'task_status.json')]);
    assert.deepEqual(server.transport.env, { COORD_TASK: 't1' });

    const strictArgs = (extra: string[]) => [
      '--strict-config',
      ...flags,
      ...extra,
      'exec',
      '--skip-git-repo-check',
      'hi',
    ];
    // Accepted, it goes on to the model (which it cannot reach offline): stopped at the banner.
    const accepted = await runUntil(
      'codex',
      strictArgs([]),
      { cwd: started.path, env },
      /session id:|Error loading config/,
    );
    assert.doesNotMatch(accepted.output, /Error loading config|unknown configuration field/);
    assert.match(accepted.output, /session id:/);
    const refused = spawnSync(
      'codex',
      strictArgs(['-c', 'mcp_servers.coordinator.no_such_field=1']),
      {
        cwd: started.path,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    assert.notEqual(refused.status, 0);
    assert.match(
      refused.stderr,
      /unknown configuration field `mcp_servers\.coordinator\.no_such_field`/,
    );
  });

  it('Copilot CLI validates the MCP file and gets as far as asking for a sign-in', async function () {
    need(this, 'copilot');
    const flags = started.agentSetup.flags.copilot;
    const run = (args: string[]) =>
      spawnSync('copilot', [...args, '-p', 'hi'], {
        cwd: started.path,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const accepted = run(flags);
    const said = `${accepted.stdout}${accepted.stderr}`;
    assert.doesNotMatch(said, /mcpServers|Invalid JSON/);
    assert.match(said, /No authentication information found/);
    const broken = join(home, 'broken-copilot.json');
    writeFileSync(
      broken,
      JSON.stringify({ mcpServers: { coordinator: { type: 'local', args: [] } } }),
    );
    const refused = run(['--additional-mcp-config', `@${broken}`]);
    assert.match(
      `${refused.stdout}${refused.stderr}`,
      /mcpServers\.coordinator\.command: Required/,
    );
  });

  it("Copilot CLI runs a turn on a stand-in model: the coordinator's tool answers and the hooks report the state", async function () {
    need(this, 'copilot');
    const model = await standInChatModel('coordinator-show_task', { task: 't1' });
    const logs = join(home, 'copilot-logs');
    // Beside ours, a hooks file of a version Copilot CLI does not know: it skips that one, saying so.
    const foreign = join(started.path, '.github', 'hooks', 'zz-unknown-version.json');
    writeFileSync(foreign, JSON.stringify({ version: 2, hooks: {} }));
    let run: { output: string; code: number | null };
    try {
      run = await runUntil(
        'copilot',
        [
          ...started.agentSetup.flags.copilot,
          // Prompt mode loads the repository's hooks only from a trusted folder.
          '--trust-folder',
          '--log-dir',
          logs,
          '-p',
          'Read the brief',
        ],
        {
          cwd: started.path,
          env: {
            ...env,
            COPILOT_OFFLINE: 'true',
            COPILOT_PROVIDER_BASE_URL: model.baseUrl,
            COPILOT_MODEL: 'gpt-4o',
          },
        },
        () => false,
        180_000,
      );
    } finally {
      model.close();
      rmSync(foreign);
    }
    assert.equal(run.code, 0, run.output);
    // The server from --additional-mcp-config was offered, and --allow-tool let its tool run unasked.
    assert.ok(
      model.requests[0]?.tools?.some((tool) => tool.function?.name === 'coordinator-show_task'),
      'the coordinator tools are offered to the model',
    );
    const answer = model.requests[1]?.messages.find((message) => message.role === 'tool');
    assert.equal(typeof answer?.content, 'string', JSON.stringify(model.requests[1]));
    assert.equal((JSON.parse(answer!.content as string) as { name: string }).name, 'One');

    let record = (await readAgentStates(repo.root)).find((r) => r.agent === 'Copilot CLI');
    for (let i = 0; i < 40 && record?.state !== 'finished'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      record = (await readAgentStates(repo.root)).find((r) => r.agent === 'Copilot CLI');
    }
    assert.equal(record?.task, 't1');
    assert.equal(record?.state, 'finished', 'SessionEnd, the last hook, ran');

    const log = readdirSync(logs)
      .map((file) => readFileSync(join(logs, file), 'utf8'))
      .join('\n');
    assert.match(log, /Loading repo hooks in prompt mode/);
    assert.match(
      log,
      /Invalid hook configuration in [^\n]*zz-unknown-version\.json: version: Invalid hook config version/,
    );
    assert.doesNotMatch(
      log,
      /Invalid hook[^\n]*coordinator-agent-state|coordinator-agent-state[^\n]*Invalid/,
    );
  });
});
