import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  agentCommandTemplate,
  CMD,
  cmdQuote,
  DEFAULT_WORKTREE_SETTINGS,
  expandAgentCommand,
  POSIX,
  POWERSHELL,
  powerShellQuote,
  readWorktreeSettings,
  shellSyntaxFor,
} from '../../../src/features/worktrees/model';

describe('worktree settings and agent command lines', () => {
  it('applies defaults and ignores mistyped values', () => {
    assert.deepEqual(
      readWorktreeSettings(() => undefined),
      DEFAULT_WORKTREE_SETTINGS,
    );
    const values: Record<string, unknown> = {
      'worktrees.branchTemplate': 'wip/${slug}',
      'worktrees.copyGlobs': ['.env*', 3, 'secrets/'],
      'worktrees.openTerminal': 'yes',
      agents: { Codex: 'codex --full-auto', Broken: 42 },
    };
    const settings = readWorktreeSettings((key) => values[key]);
    assert.equal(settings.branchTemplate, 'wip/${slug}');
    assert.deepEqual(settings.copyGlobs, ['.env*', 'secrets/']);
    assert.equal(settings.openTerminal, DEFAULT_WORKTREE_SETTINGS.openTerminal);
    assert.deepEqual(settings.agents, { Codex: 'codex --full-auto' });
  });

  it("finds the owner's command (whole owner text, then each owner) and quotes substituted values", () => {
    const agents = {
      codex: 'codex "$(cat ${brief})"',
      'Claude Code': 'claude --append-system-prompt-file ${brief} # ${taskId} on ${branch}',
    };
    assert.equal(
      agentCommandTemplate(agents, { owner: 'Codex + Copilot', owners: ['Codex', 'Copilot'] }),
      agents.codex,
    );
    assert.equal(
      agentCommandTemplate(agents, { owner: 'Claude Code', owners: ['Claude Code'] }),
      agents['Claude Code'],
    );
    assert.equal(
      agentCommandTemplate(agents, { owner: 'Copilot', owners: ['Copilot'] }),
      undefined,
    );
    const line = expandAgentCommand(agents['Claude Code'], {
      brief: "/w/it's here/TASK_BRIEF.md",
      taskId: 'task1',
      branch: 'feat/codex/x',
    });
    assert.equal(
      line,
      `claude --append-system-prompt-file '/w/it'\\''s here/TASK_BRIEF.md' # task1 on feat/codex/x`,
    );
    assert.equal(
      expandAgentCommand('run ${brief}; echo $HOME ${other}', {
        brief: '$(rm -rf ~)',
        taskId: '',
        branch: '',
      }),
      "run '$(rm -rf ~)'; echo $HOME ${other}",
    );
  });

  it('knows the terminal shell from its path: POSIX by default, PowerShell, cmd.exe', () => {
    assert.equal(shellSyntaxFor('/bin/bash'), POSIX);
    assert.equal(shellSyntaxFor(undefined), POSIX);
    assert.equal(shellSyntaxFor('C:\\Program Files\\PowerShell\\7\\pwsh.exe'), POWERSHELL);
    assert.equal(
      shellSyntaxFor('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'),
      POWERSHELL,
    );
    assert.equal(shellSyntaxFor('C:\\Windows\\System32\\cmd.exe'), CMD);
  });

  it('a value reaches a POSIX shell exactly as written, bare, inside single quotes or inside double quotes', () => {
    const hostile = `it's "quoted" $(echo no) \`echo no\` ; rm -rf / && echo $HOME \\ done`;
    const values = { brief: '/b', taskId: hostile, branch: 'main' };
    for (const [template, expected] of [
      ['printf %s ${taskId}', hostile],
      ["printf %s 'id: ${taskId}.'", `id: ${hostile}.`],
      ['printf %s "Read ${taskId} and start"', `Read ${hostile} and start`],
      ['printf %s "a \\"${taskId}\\" b"', `a "${hostile}" b`],
    ]) {
      const line = expandAgentCommand(template, values, POSIX);
      assert.equal(execFileSync('/bin/bash', ['-c', line], { encoding: 'utf8' }), expected, line);
    }
    assert.equal(
      expandAgentCommand('echo \\${taskId}', values, POSIX),
      'echo \\${taskId}',
      'an escaped placeholder is left alone',
    );
  });

  it('quotes for PowerShell and cmd.exe where the placeholder stands, dropping the quotes they cannot escape', () => {
    const values = {
      brief: 'C:\\repo\\TASK_BRIEF.md',
      taskId: `Bob's $(rm) \`x\` "y"`,
      branch: '-Force',
    };
    assert.equal(
      expandAgentCommand('claude ${brief}', values, POWERSHELL),
      'claude C:\\repo\\TASK_BRIEF.md',
    );
    assert.equal(
      expandAgentCommand('claude ${taskId}', values, POWERSHELL),
      "claude 'Bob''s $(rm) `x` y'",
    );
    assert.equal(
      expandAgentCommand("claude 'id ${taskId}'", values, POWERSHELL),
      "claude 'id Bob''s $(rm) `x` y'",
    );
    assert.equal(
      expandAgentCommand('claude "Read ${taskId} now"', values, POWERSHELL),
      'claude "Read Bob\'s `$(rm) ``x`` y now"',
    );
    assert.equal(
      expandAgentCommand('git switch ${branch}', values, POWERSHELL),
      "git switch '-Force'",
    );
    assert.equal(powerShellQuote('@args'), "'@args'");
    assert.equal(
      expandAgentCommand(
        'claude ${taskId}',
        { ...values, taskId: 'a & b | c > d "e" %PATH%' },
        CMD,
      ),
      'claude "a & b | c > d e PATH"',
    );
    assert.equal(
      expandAgentCommand(
        'claude "Read ${taskId} now"',
        { ...values, taskId: 'a & "b" %PATH%' },
        CMD,
      ),
      'claude "Read a & b PATH now"',
    );
    assert.equal(cmdQuote('C:\\repo\\TASK_BRIEF.md'), 'C:\\repo\\TASK_BRIEF.md');
  });
});
