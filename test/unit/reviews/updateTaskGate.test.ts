import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { CoordinatorError } from '../../../src/kernel/errors/coordinatorError';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { recordReview } from '../../../src/features/reviews/recordReview';
import { reviewShortfalls } from '../../../src/features/reviews/reviewShortfalls';
import type { GateUi } from '../../../src/features/tasks/gateUi';
import type { GateCheck } from '../../../src/features/tasks/model/gates';
import { updateTask } from '../../../src/features/tasks/updateTask';
import { isolateGitConfig, type TempRepo } from '../../support/tempRepo';
import { createReviewRepo, PLAN_PATH, rawTask } from './fixture';

/** The UI port the editor and the MCP server give `updateTask`, answering with `answer`. */
function fakeUi(answer: boolean): GateUi & { asked: GateCheck[] } {
  const asked: GateCheck[] = [];
  return {
    asked,
    confirmOverride(check) {
      asked.push(check);
      return Promise.resolve(answer);
    },
  };
}

describe('the review gate through updateTask (the path the editor and the MCP server take)', function () {
  this.timeout(60_000);
  isolateGitConfig();
  let repo: TempRepo;
  let store: TaskFileStore;
  let folder: string;

  beforeEach(() => {
    repo = createReviewRepo();
    store = new TaskFileStore(join(repo.root, PLAN_PATH));
    folder = dirname(join(repo.root, PLAN_PATH));
  });
  afterEach(() => repo.dispose());

  const complete = (taskKey: string, ui: GateUi) =>
    updateTask({
      store,
      taskKey,
      edits: [{ kind: 'setStatus', taskKey, status: 'completed' }],
      actor: { name: 'Codex', host: 'editor' },
      ui,
      reviewShortfalls: async (task) => {
        const model = (await store.read()).model!;
        return reviewShortfalls({ folder, model, task });
      },
    });

  it('asks the UI port, and refuses with the review reason when it says no', async () => {
    const ui = fakeUi(false);
    await assert.rejects(complete('t_critical', ui), (error: unknown) => {
      assert.ok(CoordinatorError.is(error, 'gateRefused'));
      assert.equal(
        error.message,
        'Cannot complete t_critical ("Flagged for review"): required review by a reviewer who did not do the work: no approving review (critical_review).',
      );
      return true;
    });
    assert.equal(ui.asked.length, 1);
    assert.equal(rawTask(repo, 't_critical').status, 'in_progress');
  });

  it('records the override with the review reason when the UI port goes ahead', async () => {
    await complete('t_rename', fakeUi(true));
    const task = rawTask(repo, 't_rename');
    assert.equal(task.status, 'completed');
    assert.deepEqual(
      task.overrides?.map((o) => [o.by, o.reasons]),
      [
        [
          'Codex',
          [
            'required review by Claude Code: no approving review (renames src/old.py to lukhas/identity/old.py)',
          ],
        ],
      ],
    );
  });

  it('passes without asking once someone who did not do the work approved a critical task', async () => {
    await assert.rejects(
      recordReview({
        store,
        folder,
        taskKey: 't_critical',
        verdict: 'approve',
        checked: [1],
        actor: { name: 'copilot', host: 'mcp' },
      }),
      (error: unknown) => CoordinatorError.is(error, 'selfApproval'),
      'the owner, in any case, cannot approve',
    );
    const recorded = await recordReview({
      store,
      folder,
      taskKey: 't_critical',
      verdict: 'approve',
      checked: [1],
      actor: { name: 'Claude Code', host: 'mcp' },
    });
    assert.equal(recorded.counts, true);
    assert.equal(
      recorded.review.commit,
      undefined,
      'a task without a branch has no head to review',
    );
    const ui = fakeUi(false);
    await complete('t_critical', ui);
    assert.equal(ui.asked.length, 0);
    assert.equal(rawTask(repo, 't_critical').status, 'completed');
  });
});
