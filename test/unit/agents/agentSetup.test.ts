import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { agentSetup } from '../../../src/features/agents/model/setup/agentSetup';
import { CLAUDE_HOOK_EVENTS } from '../../../src/features/agents/model/setup/claudeSetup';
import { COPILOT_HOOK_EVENTS } from '../../../src/features/agents/model/setup/copilotSetup';
import type { AgentSetupInput } from '../../../src/features/agents/model/setup/setupInput';
import { codexOverrides } from './codexToml';

// Paths with spaces, quotes and a backslash: what a user's folders may hold.
const LAUNCHER = `/home/o'neil/my repo/.git/coordinator/bin/coord`;
const TASK_FILE = '/home/o\'neil/my repo/docs/plans/task_status "v2".json';
const INPUT: AgentSetupInput = {
  launcher: { command: [LAUNCHER] },
  taskKey: 'task_1',
  env: { COORD_TASK: 'task_1' },
  taskFilePath: TASK_FILE,
  dir: "/home/o'neil/my repo/.git/worktrees/wt\\1/coordinator/agent-setup",
  projectMcpServers: [],
  approveProjectServers: true,
};

const stdioServer = z
  .object({
    command: z.string().min(1),
    args: z.array(z.string()),
    env: z.record(z.string(), z.string()),
  })
  .strict();

/** Claude Code's `--mcp-config` file: `mcpServers`, each stdio server with type, command, args, env. */
const claudeMcpConfig = z
  .object({
    mcpServers: z.record(z.string(), stdioServer.extend({ type: z.literal('stdio') }).strict()),
  })
  .strict();

/** Claude Code settings: hooks by event, each a list of matcher groups of command hooks. */
const claudeSettings = z
  .object({
    hooks: z.record(
      z.enum(CLAUDE_HOOK_EVENTS),
      z.array(
        z
          .object({
            matcher: z.string().optional(),
            hooks: z.array(
              z.object({ type: z.literal('command'), command: z.string().min(1) }).strict(),
            ),
          })
          .strict(),
      ),
    ),
    permissions: z.object({ allow: z.array(z.string()) }).strict(),
    enabledMcpjsonServers: z.array(z.string()).optional(),
  })
  .strict();

/** Copilot CLI's MCP configuration: `mcpServers`, local servers with command, args, env, tools. */
const copilotMcpConfig = z
  .object({
    mcpServers: z.record(
      z.string(),
      stdioServer.extend({ type: z.literal('local'), tools: z.array(z.string()) }).strict(),
    ),
  })
  .strict();

function fileText(setup: ReturnType<typeof agentSetup>, name: string): unknown {
  const file = setup.files.find((candidate) => candidate.path.endsWith(`/${name}`));
  assert.ok(file, name);
  assert.ok(file.path.startsWith(`${INPUT.dir}/`), 'written in the worktree git dir');
  return JSON.parse(file.text);
}

describe('agent configuration written by Start Task', () => {
  it('gives Claude Code an MCP config and settings with hooks and the server allowed', () => {
    const setup = agentSetup(INPUT);
    const mcp = claudeMcpConfig.parse(fileText(setup, 'claude-mcp.json'));
    assert.deepEqual(mcp.mcpServers.coordinator, {
      type: 'stdio',
      command: LAUNCHER,
      args: ['mcp', '--file', TASK_FILE],
      env: { COORD_TASK: 'task_1' },
    });
    const settings = claudeSettings.parse(fileText(setup, 'claude-settings.json'));
    assert.deepEqual(Object.keys(settings.hooks).sort(), [...CLAUDE_HOOK_EVENTS].sort());
    for (const groups of Object.values(settings.hooks)) {
      // The hook line, as sh reads it, is the launcher, agent-state, the key and --from claude.
      const line = groups[0]!.hooks[0]!.command;
      const parsed = execFileSync('sh', ['-c', `set -- ${line}; printf '%s\\n' "$@"`], {
        encoding: 'utf8',
      });
      assert.deepEqual(parsed.trimEnd().split('\n'), [
        LAUNCHER,
        'agent-state',
        'task_1',
        '--from',
        'claude',
      ]);
    }
    assert.deepEqual(settings.permissions.allow, ['mcp__coordinator']);
    assert.equal(settings.enabledMcpjsonServers, undefined);
    assert.deepEqual(setup.flags.claude, [
      '--mcp-config',
      `${INPUT.dir}/claude-mcp.json`,
      '--settings',
      `${INPUT.dir}/claude-settings.json`,
    ]);
  });

  it("keeps the repository's .mcp.json servers: enabled, and never shadowed by name", () => {
    const setup = agentSetup({ ...INPUT, projectMcpServers: ['coordinator', 'db'] });
    assert.equal(setup.serverName, 'agent-coordinator');
    const mcp = claudeMcpConfig.parse(fileText(setup, 'claude-mcp.json'));
    assert.deepEqual(Object.keys(mcp.mcpServers), ['agent-coordinator']);
    const settings = claudeSettings.parse(fileText(setup, 'claude-settings.json'));
    assert.deepEqual(settings.enabledMcpjsonServers, ['coordinator', 'db']);
    assert.deepEqual(settings.permissions.allow, ['mcp__agent-coordinator']);
    assert.equal(setup.flags.copilot[2], '--allow-tool=agent-coordinator');
    const untrusted = agentSetup({
      ...INPUT,
      projectMcpServers: ['coordinator', 'db'],
      approveProjectServers: false,
    });
    const asked = claudeSettings.parse(fileText(untrusted, 'claude-settings.json'));
    assert.equal(asked.enabledMcpjsonServers, undefined, 'untrusted: Claude Code asks as usual');
  });

  it('gives Codex -c overrides whose values are TOML: the server, its approval and notify', () => {
    const overrides = codexOverrides(agentSetup(INPUT).flags.codex);
    assert.deepEqual(overrides, {
      'mcp_servers.coordinator.command': LAUNCHER,
      'mcp_servers.coordinator.args': ['mcp', '--file', TASK_FILE],
      'mcp_servers.coordinator.env': { COORD_TASK: 'task_1' },
      'mcp_servers.coordinator.default_tools_approval_mode': 'approve',
      notify: [LAUNCHER, 'agent-state', 'task_1', '--from', 'codex'],
    });
  });

  it('gives Copilot CLI an MCP config file for --additional-mcp-config and allows its tools', () => {
    const setup = agentSetup(INPUT);
    const config = copilotMcpConfig.parse(fileText(setup, 'copilot-mcp.json'));
    assert.deepEqual(config.mcpServers.coordinator, {
      type: 'local',
      command: LAUNCHER,
      args: ['mcp', '--file', TASK_FILE],
      env: { COORD_TASK: 'task_1' },
      tools: ['*'],
    });
    assert.deepEqual(setup.flags.copilot, [
      '--additional-mcp-config',
      `@${INPUT.dir}/copilot-mcp.json`,
      '--allow-tool=coordinator',
    ]);
  });

  it('gives Copilot CLI a hooks file in its documented format, for .github/hooks in the worktree', () => {
    // "Hook configuration format": version 1, command hooks with bash (or powershell), cwd, env, timeoutSec.
    const copilotHooks = z
      .object({
        version: z.literal(1),
        hooks: z.record(
          z.enum(COPILOT_HOOK_EVENTS),
          z.array(
            z
              .object({
                type: z.literal('command'),
                bash: z.string().min(1),
                timeoutSec: z.number().positive(),
              })
              .strict(),
          ),
        ),
      })
      .strict();
    const setup = agentSetup(INPUT);
    const [file] = setup.worktreeFiles;
    assert.equal(file?.relative, '.github/hooks/coordinator-agent-state.json');
    const hooks = copilotHooks.parse(JSON.parse(file.text));
    assert.deepEqual(Object.keys(hooks.hooks), [...COPILOT_HOOK_EVENTS]);
    for (const [hook] of Object.values(hooks.hooks)) {
      assert.equal(
        hook?.bash,
        `'${LAUNCHER.replace(/'/g, `'\\''`)}' agent-state task_1 --from copilot`,
      );
    }
  });
});
