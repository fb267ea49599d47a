import assert from 'node:assert/strict';
import {
  judgeWorktree,
  worktreeOrigin,
  type WorktreeFacts,
} from '../../../src/features/worktrees/model/reapVerdict';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY = 86_400_000;

function facts(overrides: Partial<WorktreeFacts> = {}): WorktreeFacts {
  return {
    path: '/work/repo-feature',
    branch: 'feat/x',
    head: 'a'.repeat(40),
    prunable: false,
    taskKeys: [],
    dirtyCount: 0,
    unpushed: 0,
    merged: false,
    lastActivity: NOW - DAY,
    processes: [],
    ...overrides,
  };
}

describe('judging a worktree for the reaper', () => {
  it('names the tool that made it from where it lives, else from the plan', () => {
    assert.equal(worktreeOrigin('/r/.claude/worktrees/agent-1', []), 'Claude Code');
    assert.equal(worktreeOrigin('/home/me/.codex/worktrees/3f2a/repo', []), 'Codex');
    assert.equal(worktreeOrigin('/r.worktrees/feature', []), 'VS Code');
    assert.equal(worktreeOrigin('/r-codex-task', ['task1']), 'Agent Coordinator');
    assert.equal(worktreeOrigin('/elsewhere/try', []), 'by hand');
  });

  it('never calls safe what is locked, used, unseen or uncommitted, however old or merged', () => {
    const old = { merged: true, lastActivity: NOW - 90 * DAY };
    const cases: [Partial<WorktreeFacts>, RegExp][] = [
      [{ locked: 'codex session' }, /^locked: codex session$/],
      [
        { processes: [{ pid: 7, command: 'npm run dev' }] },
        /in use by 1 process\(es\), e\.g\. 7 npm run dev/,
      ],
      [{ processes: undefined }, /cannot be seen/],
      [{ dirtyCount: 3 }, /3 uncommitted change/],
    ];
    for (const [overrides, why] of cases) {
      const verdict = judgeWorktree(facts({ ...old, ...overrides }), {
        now: NOW,
        abandonedDays: 14,
      });
      assert.equal(verdict.safe, false, JSON.stringify(overrides));
      assert.match(verdict.why, why);
    }
  });

  it('calls safe a merged, an abandoned (backed up) or a gone worktree, and not a recent unmerged one', () => {
    const judge = (overrides: Partial<WorktreeFacts>) =>
      judgeWorktree(facts(overrides), { now: NOW, abandonedDays: 14 });
    assert.deepEqual([judge({ merged: true }).safe, judge({ merged: true }).why], [true, 'merged']);
    const abandoned = judge({ lastActivity: NOW - 20 * DAY, unpushed: 2 });
    assert.deepEqual(abandoned.classes, ['abandoned', 'unpushed']);
    assert.equal(abandoned.why, 'no activity for 20 days; 2 commit(s) kept in a backup ref');
    assert.equal(judge({ lastActivity: NOW - 13 * DAY }).safe, false);
    assert.deepEqual(judge({ lastActivity: NOW - 13 * DAY }).classes, ['active']);
    assert.deepEqual(
      [judge({ prunable: true }).safe, judge({ prunable: true }).classes],
      [true, ['prunable']],
    );
  });
});
