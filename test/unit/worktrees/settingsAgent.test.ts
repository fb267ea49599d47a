import assert from 'node:assert/strict';
import { agentCommandTemplate, DEFAULT_WORKTREE_SETTINGS, expandAgentCommand, readWorktreeSettings } from '../../../src/core/worktrees';

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
});
