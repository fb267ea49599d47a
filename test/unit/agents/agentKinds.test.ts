import assert from 'node:assert/strict';
import { agentProgramOf } from '../../../src/features/agents/model/agentKinds';
import { withAgentFlags } from '../../../src/features/agents/model/setup/agentSetup';
import { POSIX, POWERSHELL } from '../../../src/features/agents/model/shellQuoting';

const FLAGS = {
  claude: ['--mcp-config', '/r/.git/worktrees/a b/claude-mcp.json'],
  codex: ['-c', 'notify=["/r/coord", "agent-state"]'],
  copilot: ['--additional-mcp-config', '@/r/copilot-mcp.json', '--allow-tool=coordinator'],
};

describe('which agent a command line starts', () => {
  it('reads the program name, through paths, extensions, quotes and npx', () => {
    const cases: [string, string][] = [
      ['claude', 'claude'],
      ['claude "Read ${brief}"', 'claude'],
      ['/usr/local/bin/claude --model opus', 'claude'],
      ['"C:\\Program Files\\nodejs\\claude.cmd" x', 'claude'],
      ['codex exec "do it"', 'codex'],
      ['npx @openai/codex@latest', 'codex'],
      ['npx -y @openai/codex', 'other'],
      ['copilot -p "go"', 'copilot'],
      ['COPILOT.EXE', 'copilot'],
      ['aider --yes', 'other'],
      ['', 'other'],
    ];
    for (const [line, kind] of cases) {
      assert.equal(agentProgramOf(line).kind, kind, line);
    }
  });

  it('puts the flags right after the agent word, quoted for the shell, and nowhere else', () => {
    assert.equal(
      withAgentFlags('claude "Read TASK_BRIEF.md"', FLAGS, POSIX).line,
      `claude --mcp-config '/r/.git/worktrees/a b/claude-mcp.json' "Read TASK_BRIEF.md"`,
    );
    assert.equal(
      withAgentFlags('npx @openai/codex exec hi', FLAGS, POSIX).line,
      `npx @openai/codex -c 'notify=["/r/coord", "agent-state"]' exec hi`,
    );
    assert.equal(
      withAgentFlags('copilot', FLAGS, POWERSHELL).line,
      // PowerShell would read a bare -word as its own parameter: quoted, it reaches copilot as is.
      `copilot '--additional-mcp-config' '@/r/copilot-mcp.json' '--allow-tool=coordinator'`,
    );
  });

  it('leaves other agents and lines that bring their own MCP configuration as written', () => {
    for (const line of [
      'aider --yes',
      'claude --mcp-config mine.json',
      'codex -c mcp_servers.x.command=y',
      'copilot --additional-mcp-config @mine.json',
    ]) {
      assert.equal(withAgentFlags(line, FLAGS, POSIX).line, line);
    }
  });
});
