import assert from 'node:assert/strict';
import { mergeTaskFiles } from '../../../src/features/plan-merge/model/mergeTaskFiles';

const review = (reviewer: string, verdict: string, at: string) => ({
  reviewer,
  verdict,
  checked: [],
  at,
  commit: 'a'.repeat(40),
});

function plan(reviews?: unknown[]): string {
  const task: Record<string, unknown> = { name: 'Gated', status: 'in_progress', owner: 'Codex' };
  if (reviews) {
    task.reviews = reviews;
  }
  return `${JSON.stringify({ schema_version: '1.0', tasks: { core: { t: task } } }, null, 2)}\n`;
}

describe('reviews in the structural merge of the task file', () => {
  it('keeps the reviews both sides recorded, ours first', () => {
    const first = review('Ana', 'request_changes', '2026-11-01T00:00:00Z');
    const ours = review('Claude Code', 'approve', '2026-11-02T00:00:00Z');
    const theirs = review('Bo', 'approve', '2026-11-03T00:00:00Z');
    const result = mergeTaskFiles(plan([first]), plan([first, ours]), plan([first, theirs]));
    assert.equal(result.kind, 'merged', JSON.stringify(result));
    const doc = JSON.parse(result.kind === 'merged' ? result.text : '') as {
      tasks: { core: { t: { reviews: unknown[] } } };
    };
    assert.deepEqual(doc.tasks.core.t.reviews, [first, ours, theirs]);
  });
});
