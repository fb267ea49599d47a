import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/kernel/edits/apply';
import { settingsReader } from '../../../src/kernel/config/readSettings';
import { loadTaskFile } from '../../../src/kernel/model/load';
import {
  offCoordinatorBranch,
  planAutoCommitSkip,
  readPlanAutoCommitSettings,
  statusesChanged,
} from '../../../src/features/plan-merge/model/planAutoCommit';
import { FIXTURES } from '../core/helpers';

describe('should a change to the plan be committed now (shared by the editor, coord and coord mcp)', () => {
  const text = readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8');
  const model = (edited: string) => loadTaskFile(edited).model!;
  const at = new Date('2026-01-01T00:00:00Z');
  const before = model(text);
  const moved = model(
    applyEdits(text, [{ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'blocked' }], at),
  );
  const noted = model(
    applyEdits(text, [{ kind: 'appendNote', taskKey: 'task1_shadow_diff', text: 'n' }], at),
  );
  const on = readPlanAutoCommitSettings(
    settingsReader((key) =>
      key === 'plan.commitOnStatusChange'
        ? true
        : key === 'plan.coordinatorBranch'
          ? ' main '
          : undefined,
    ),
  );

  it('reads the two settings through the one configuration, with their defaults', () => {
    assert.deepEqual(on, { enabled: true, coordinatorBranch: 'main' });
    assert.deepEqual(readPlanAutoCommitSettings(settingsReader(() => undefined)), {
      enabled: false,
      coordinatorBranch: '',
    });
  });

  it('counts a status change, a task added or gone, and not a note', () => {
    assert.equal(statusesChanged(before, moved), true);
    assert.equal(statusesChanged(before, noted), false);
    assert.equal(statusesChanged(before, undefined), false);
    const added = model(
      applyEdits(
        text,
        [
          {
            kind: 'addTask',
            taskKey: 'task9_new',
            group: 'new_group',
            fields: { id: 'task9', name: 'New', status: 'not_started' },
          },
        ],
        at,
      ),
    );
    assert.equal(added.tasks.length, before.tasks.length + 1);
    assert.equal(statusesChanged(before, added), true, 'a new task');
    assert.equal(statusesChanged(added, before), true, 'a task gone');
  });

  it('commits only a status change, with the setting on, a coordinator branch, in a trusted repository, on that branch', () => {
    const facts = { settings: on, trusted: true, statusChanged: true };
    assert.equal(planAutoCommitSkip(facts), undefined);
    assert.equal(planAutoCommitSkip({ ...facts, settings: { ...on, enabled: false } }), 'off');
    assert.equal(
      planAutoCommitSkip({ ...facts, settings: { ...on, coordinatorBranch: '' } }),
      'noCoordinatorBranch',
    );
    assert.equal(planAutoCommitSkip({ ...facts, trusted: false }), 'untrusted');
    assert.equal(planAutoCommitSkip({ ...facts, statusChanged: false }), 'noStatusChange');
    assert.equal(offCoordinatorBranch(on, 'main'), false);
    assert.equal(offCoordinatorBranch(on, 'feat/x'), true);
    assert.equal(offCoordinatorBranch(on, undefined), true, 'a detached HEAD is no branch');
  });
});
