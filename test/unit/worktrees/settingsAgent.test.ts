import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { agentCommandTemplate, cmdQuote, DEFAULT_WORKTREE_SETTINGS, expandAgentCommand, powerShellQuote, quoteForShell, readWorktreeSettings } from '../../../src/core/worktrees';

describe('worktree settings and agent command lines', () => {
  it('applies defaults and ignores mistyped values', () => {
    assert.deepEqual(readWorktreeSettings(() => undefined), DEFAULT_WORKTREE_SETTINGS);
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
    const agents = { codex: 'codex "$(cat ${brief})"', 'Claude Code': 'claude --append-system-prompt-file ${brief} # ${taskId} on ${branch}' };
    assert.equal(agentCommandTemplate(agents, { owner: 'Codex + Copilot', owners: ['Codex', 'Copilot'] }), agents.codex);
    assert.equal(agentCommandTemplate(agents, { owner: 'Claude Code', owners: ['Claude Code'] }), agents['Claude Code']);
    assert.equal(agentCommandTemplate(agents, { owner: 'Copilot', owners: ['Copilot'] }), undefined);
    const line = expandAgentCommand(agents['Claude Code'], { brief: "/w/it's here/TASK_BRIEF.md", taskId: 'task1', branch: 'feat/codex/x' });
    assert.equal(line, `claude --append-system-prompt-file '/w/it'\\''s here/TASK_BRIEF.md' # task1 on feat/codex/x`);
    assert.equal(expandAgentCommand('run ${brief}; echo $HOME ${other}', { brief: '$(rm -rf ~)', taskId: '', branch: '' }), "run '$(rm -rf ~)'; echo $HOME ${other}");
  });

  it('quotes for the terminal shell: POSIX shells, PowerShell and cmd.exe', () => {
    assert.equal(quoteForShell('/bin/bash'), quoteForShell(undefined));
    assert.equal(quoteForShell('C:\\Program Files\\PowerShell\\7\\pwsh.exe'), powerShellQuote);
    assert.equal(quoteForShell('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'), powerShellQuote);
    assert.equal(quoteForShell('C:\\Windows\\System32\\cmd.exe'), cmdQuote);
    assert.equal(powerShellQuote('C:\\repo\\TASK_BRIEF.md'), 'C:\\repo\\TASK_BRIEF.md');
    assert.equal(powerShellQuote("Bob's $(rm -rf) `x` brief"), "'Bob''s $(rm -rf) `x` brief'");
    assert.equal(powerShellQuote('-Force'), "'-Force'");
    assert.equal(powerShellQuote('@args'), "'@args'");
    assert.equal(cmdQuote('C:\\repo\\TASK_BRIEF.md'), 'C:\\repo\\TASK_BRIEF.md');
    assert.equal(cmdQuote('a & b | c > d "e" %PATH%'), '"a & b | c > d e PATH"');
  });

  it('a POSIX-quoted value reaches the agent exactly as written, whatever it contains', () => {
    const hostile = `it's "quoted" $(echo no) \`echo no\` ; rm -rf / && echo $HOME \\ done`;
    const line = expandAgentCommand('printf %s ${taskId}', { brief: '/b', taskId: hostile, branch: 'main' }, quoteForShell('/bin/sh'));
    assert.equal(execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' }), hostile);
  });
});
