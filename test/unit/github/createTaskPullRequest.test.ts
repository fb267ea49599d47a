import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CoordinatorError } from '../../../src/kernel/errors/coordinatorError';
import type { Task } from '../../../src/kernel/model/types';
import {
  createTaskPullRequest,
  type CreateTaskPullRequestRequest,
} from '../../../src/features/github/createTaskPullRequest';
import type { PullRequestDraft } from '../../../src/features/github/model/prRequest';
import { TaskFileStore } from '../../../src/platform/taskfile/store';

/** The use case the editor's Create Pull Request and `coord pr` share. */
describe('github: opening a task’s pull request (shared use case)', () => {
  let dir: string;
  let taskFile: string;
  let store: TaskFileStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pr-use-case-'));
    taskFile = path.join(dir, 'task_status.json');
    writeFileSync(
      taskFile,
      `{
  "tasks": {
    "g": {
      "t1": { "id": "t1", "name": "One", "status": "in_progress", "branch": "feat/one", "critical_review": true },
      "t2": { "id": "t2", "name": "Two", "status": "not_started" },
      "t3": { "id": "t3", "name": "Three", "status": "in_progress", "branch": "feat/three", "pr_number": 7 }
    }
  }
}
`,
    );
    store = new TaskFileStore(taskFile);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function task(key: string): Promise<Task> {
    const found = (await store.read()).model?.byKey.get(key);
    assert.ok(found);
    return found;
  }

  function request(
    t: Task,
    answer: 'push' | 'open' | false,
    calls: string[],
  ): CreateTaskPullRequestRequest {
    return {
      task: t,
      settings: {
        draft: true,
        criticalReviewLabels: ['critical'],
        criticalReviewReviewers: ['rev'],
      },
      client: {
        push: async (branch) => void calls.push(`push ${branch}`),
        create: async (draft: PullRequestDraft) => {
          calls.push(`create ${draft.head} ${draft.labels.join(',')} ${draft.reviewers.join(',')}`);
          return { number: 42, url: 'https://example.test/pull/42', warnings: [] };
        },
      },
      store,
      ui: {
        confirm: async (draft) => {
          calls.push(`confirm ${draft.title}`);
          return answer;
        },
        progress: (work) => work((message) => calls.push(`progress ${message}`)),
      },
    };
  }

  it('pushes when the UI says so, opens the PR and writes pr_number through the store', async () => {
    const calls: string[] = [];
    const result = await createTaskPullRequest(request(await task('t1'), 'push', calls));
    assert.equal(result.outcome, 'created');
    assert.deepEqual(calls, [
      'confirm feat: One',
      'progress pushing feat/one',
      'push feat/one',
      'progress opening the pull request',
      'create feat/one critical rev',
    ]);
    assert.equal((await store.read()).model?.byKey.get('t1')?.prNumber, 42);
  });

  it('stops with nothing done when declined, and opens without pushing when asked to', async () => {
    const before = readFileSync(taskFile, 'utf8');
    const declined: string[] = [];
    const result = await createTaskPullRequest(request(await task('t1'), false, declined));
    assert.equal(result.outcome, 'declined');
    assert.deepEqual(declined, ['confirm feat: One']);
    assert.equal(readFileSync(taskFile, 'utf8'), before);
    const calls: string[] = [];
    const opened = await createTaskPullRequest(request(await task('t1'), 'open', calls));
    assert.equal(opened.outcome === 'created' && opened.pushed, false);
    assert.ok(!calls.some((call) => call.startsWith('push')));
  });

  it('refuses untrusted and branchless tasks, and leaves a task with a PR alone', async () => {
    const calls: string[] = [];
    await assert.rejects(
      createTaskPullRequest({
        ...request(await task('t1'), 'push', calls),
        trust: { trusted: false, refusal: 'not trusted here' },
      }),
      (error) => CoordinatorError.is(error, 'untrusted') && error.message === 'not trusted here',
    );
    await assert.rejects(
      createTaskPullRequest(request(await task('t2'), 'push', calls)),
      (error) =>
        CoordinatorError.is(error, 'noBranch') &&
        error.message === 'Task t2 has no branch; start it in a worktree first.',
    );
    const existing = await createTaskPullRequest(request(await task('t3'), 'push', calls));
    assert.deepEqual(existing, { outcome: 'existing', number: 7 });
    const known = await createTaskPullRequest({
      ...request(await task('t1'), 'push', calls),
      knownOpen: { number: 9, url: 'https://example.test/pull/9' },
    });
    assert.deepEqual(known, { outcome: 'existing', number: 9, url: 'https://example.test/pull/9' });
    assert.deepEqual(calls, [], 'nothing asked, pushed or created');
  });

  it('keeps the opened PR and says so in one line when pr_number cannot be written', async () => {
    const calls: string[] = [];
    const t1 = await task('t1');
    rmSync(taskFile);
    const result = await createTaskPullRequest(request(t1, 'open', calls));
    assert.equal(result.outcome, 'created');
    assert.match(
      result.outcome === 'created' ? (result.recordError ?? '') : '',
      /^Pull request #42 was opened, but pr_number could not be written to the task file: /,
    );
  });
});
