import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadTaskFile } from '../../../src/kernel/model/load';
import {
  agentSlug,
  expandTemplate,
  inferBranchType,
  isValidBranchName,
  NamingError,
  splitOwners,
  taskBranchName,
  taskWorktreePath,
  TemplateError,
} from '../../../src/features/worktrees/model/naming';

const fixture = loadTaskFile(readFileSync('test/fixtures/lukhas/task_status.json', 'utf8'));
const model = fixture.model;

function task(
  overrides: Partial<{
    key: string;
    id: string;
    name: string;
    owner: string;
    owners: string[];
    group: string;
    branch: string;
  }>,
) {
  return {
    key: 'k1',
    id: 'k1',
    name: 'Some work',
    owner: 'Codex',
    owners: ['Codex'],
    group: 'g',
    ...overrides,
  };
}

describe('task naming', () => {
  it('takes the first owner as the agent, with common agents shortened', () => {
    assert.equal(agentSlug(['Codex', 'Copilot']), 'codex');
    assert.equal(agentSlug([], 'Codex + Copilot'), 'codex');
    assert.equal(agentSlug(['Claude Code']), 'claude');
    assert.equal(agentSlug(['GitHub Copilot']), 'copilot');
    assert.equal(agentSlug(['Zoë Smith']), 'zoe-smith');
    assert.equal(agentSlug([]), 'agent');
    assert.deepEqual(splitOwners('Codex + Copilot, alice and bob'), [
      'Codex',
      'Copilot',
      'alice',
      'bob',
    ]);
  });

  it('infers the branch type from the task words, feat otherwise', () => {
    assert.equal(inferBranchType(['SDK RL Snippets docs']), 'docs');
    assert.equal(inferBranchType(['e402_batch1']), 'fix');
    assert.equal(inferBranchType(['PR triage', 'ci']), 'ci');
    assert.equal(inferBranchType(['Ruff cleanup']), 'chore');
    assert.equal(inferBranchType(['Deploy the canary']), 'ops');
    assert.equal(inferBranchType(['Shadow-Diff Harness']), 'feat');
  });

  it("keeps the task's own branch, and every branch in the real file is valid", () => {
    assert.ok(model);
    for (const each of model.tasks) {
      const branch = taskBranchName(each);
      assert.ok(isValidBranchName(branch), `${each.key}: ${branch}`);
      if (each.branch) {
        assert.equal(branch, each.branch);
      }
    }
    const cc5 = model.byKey.get('cc5_openapi_validation');
    assert.ok(cc5 && !cc5.branch);
    assert.equal(taskBranchName(cc5), 'feat/claude/openapi-parity-validation');
  });

  it('refuses a branch from the task file that git would read as an option or reject', () => {
    for (const branch of ['--upload-pack=touch /tmp/x', '-b', 'a..b', 'x.lock']) {
      assert.throws(() => taskBranchName(task({ branch })), NamingError);
    }
  });

  it('expands templates and reports unknown placeholders', () => {
    assert.equal(
      taskBranchName(task({ name: 'Fix the login bug' }), 'wip/${agent}/${id}-${slug}'),
      'wip/codex/k1-fix-the-login-bug',
    );
    assert.throws(() => taskBranchName(task({}), '${type}/${agnet}/${slug}'), TemplateError);
    assert.equal(expandTemplate('${a}-$b-${b}', { a: '1', b: '2' }), '1-$b-2');
  });

  it('puts the worktree beside the main checkout by default, named after the branch tail', () => {
    const t = task({
      name: 'Golden Token Kit',
      owner: 'Codex + Copilot',
      owners: ['Codex', 'Copilot'],
    });
    const branch = taskBranchName(t);
    assert.equal(branch, 'feat/codex/golden-token-kit');
    assert.equal(
      taskWorktreePath(t, { mainRoot: '/src/My Repo', branch }),
      '/src/My Repo-codex-golden-token-kit',
    );
    assert.equal(
      taskWorktreePath(t, { mainRoot: '/src/r', branch }, '.worktrees/${key}'),
      '/src/r/.worktrees/k1',
    );
    assert.equal(
      taskWorktreePath(t, { mainRoot: '/src/r', branch }, '/w/${branch}'),
      '/w/feat-codex-golden-token-kit',
    );
  });
});
