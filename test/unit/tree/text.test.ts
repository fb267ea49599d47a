import { strict as assert } from 'node:assert';
import {
  groupDescription,
  taskDescription,
  taskTooltip,
} from '../../../src/features/tasks/model/text';
import { buildModel } from './modelBuilder';

const estimate = (text: string, hours: number) => ({ text, hours, low: hours, high: hours });

describe('core/tree text', () => {
  it('describes a task as waits for · progress · PR · owner · estimate, leaving out what is missing', () => {
    const { model } = buildModel([
      {
        key: 'a',
        owner: 'Codex + Copilot',
        estimate: estimate('2.5', 2.5),
        progress: { totalSteps: 5, completedSteps: 3, percentage: 60 },
        prNumber: 410,
      },
      { key: 'b', owner: 'Copilot', estimate: estimate('2-3h', 2.5) },
      { key: 'c' },
    ]);
    assert.equal(taskDescription(model.tasks[0]), '3/5 · #410 · Codex + Copilot · 2.5h');
    assert.equal(taskDescription(model.tasks[1]), 'Copilot · 2-3h');
    assert.equal(taskDescription(model.tasks[2]), '');
    assert.equal(
      taskDescription(model.tasks[1], [model.tasks[0], model.tasks[2]]),
      'waits for a, c · Copilot · 2-3h',
    );
  });

  it('counts done over total for a group', () => {
    const { model } = buildModel([
      { key: 'a', status: 'completed' },
      { key: 'b' },
      { key: 'c', status: 'in_progress' },
    ]);
    assert.equal(groupDescription(model.tasks), '1/3');
  });

  it('puts ids, resolved and external dependencies, blockers, branch, PR, review flag, criteria and files in the tooltip', () => {
    const { model, graph } = buildModel([
      {
        key: 'taskB_circuit_breaker',
        id: 'taskB',
        name: 'Circuit-Breaker to MATRIZ',
        status: 'in_progress',
      },
      {
        key: 'cc3_circuit_review',
        id: 'cc3',
        name: 'Review *circuit* breaker',
        group: 'claude_code',
        status: 'waiting',
        dependencies: ['taskB_circuit_breaker', 'prometheus_running'],
        blockers: ['waiting_for_taskB'],
        branch: 'feat/claude/review',
        prNumber: 12,
        prNumbers: [12, 13],
        criticalReview: true,
        acceptance: ['0 regressions'],
        checklist: ['fallback tested'],
        reviewer: 'CRITICAL REVIEW',
        files: ['src/breaker.py'],
      },
    ]);
    const task = model.tasks[1];
    const tooltip = taskTooltip(task, {
      status: 'waiting',
      graph,
      byKey: model.byKey,
      prUrl: 'https://github.com/o/r/pull/12',
    });
    assert.match(tooltip, /^\*\*Review \\\*circuit\\\* breaker\*\*/);
    assert.match(tooltip, /`cc3` · `cc3_circuit_review` · group `claude_code`/);
    assert.match(tooltip, /- `taskB` Circuit\\-Breaker to MATRIZ \(in progress\)/);
    assert.match(tooltip, /- `prometheus_running` \(external prerequisite\)/);
    assert.match(tooltip, /\*\*Blockers\*\*\n\n- waiting\\_for\\_taskB/);
    assert.match(tooltip, /\*\*Branch\*\* `feat\/claude\/review`/);
    assert.match(tooltip, /\*\*PR\*\* \[#12\]\(https:\/\/github.com\/o\/r\/pull\/12\), #13/);
    assert.match(tooltip, /Critical review/);
    assert.match(tooltip, /\*\*Acceptance criteria\*\*\n\n- 0 regressions/);
    assert.match(tooltip, /\*\*Files\*\*\n\n- `src\/breaker.py`/);
    assert.match(tooltip, /\*\*Checklist\*\*\n\n- \[ \] fallback tested/);
    assert.match(tooltip, /\*\*Reviewer\*\* CRITICAL REVIEW/);
  });
});
