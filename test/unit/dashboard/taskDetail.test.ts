import { strict as assert } from 'node:assert';
import { deriveTaskDetail } from '../../../src/features/dashboard/model/taskDetail';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { viewModelOf } from './fixtures';

const text = JSON.stringify({
  tasks: {
    core: {
      taskA_api: {
        id: 'taskA',
        name: 'API',
        owner: 'Codex',
        status: 'in_progress',
        description: 'Serve the plan over HTTP.',
        acceptance_criteria: ['GET /tasks returns 200', 'errors carry a code'],
        deliverables: ['src/api.ts'],
        notes: ['started from the old draft'],
        risk: 'medium',
        progress: { total_steps: 4, completed_steps: 1 },
        dependencies: [],
      },
      taskB_ui: {
        id: 'taskB',
        name: 'UI',
        owner: 'Copilot',
        status: 'not_started',
        dependencies: ['taskA_api'],
      },
    },
  },
});

function inputs() {
  return {
    folderName: 'fixture',
    folderUri: 'file:///fixture',
    loaded: loadTaskFile(text),
    pullRequests: [
      { number: 7, state: 'open' as const, ci: 'failing' as const, branch: 'feat/api' },
    ],
  };
}

describe('task detail model', () => {
  it("carries the task's board card and the prose and lists of the file", () => {
    const detail = deriveTaskDetail(inputs(), 'taskA_api');
    const card = viewModelOf(text).tasks.find((task) => task.key === 'taskA_api');
    assert.deepEqual(detail.task, card);
    assert.deepEqual(detail.extras, {
      description: 'Serve the plan over HTTP.',
      acceptance: ['GET /tasks returns 200', 'errors carry a code'],
      deliverables: ['src/api.ts'],
      files: [],
      notes: ['started from the old draft'],
      risk: 'medium',
      steps: { completed: 1, total: 4 },
    });
  });

  it('names what a task waits for through its card', () => {
    const detail = deriveTaskDetail(inputs(), 'taskB_ui');
    assert.deepEqual(detail.task?.dependencies, [
      { name: 'taskA_api', taskKey: 'taskA_api', done: false },
    ]);
    assert.equal(detail.extras?.description, undefined);
  });

  it('is only the key once the task left the file', () => {
    assert.deepEqual(deriveTaskDetail(inputs(), 'gone'), { taskKey: 'gone' });
  });
});
