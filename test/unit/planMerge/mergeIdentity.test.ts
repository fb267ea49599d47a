import assert from 'node:assert/strict';
import { mergeTaskFiles } from '../../../src/features/plan-merge/model/mergeTaskFiles';
import { loadTaskFile } from '../../../src/kernel/model/load';

/**
 * Tasks the merge does not touch are counted for the summary from their status as written; these
 * write it where a plain text search would be fooled.
 */
const ANCESTOR = `{
  "summary": { "total_tasks": 6, "in_progress": 0, "completed": 0, "not_started": 6, "blocked": 0 },
  "tasks": {
    "g": {
      "nestedFirst": { "status_history": [{ "status": "completed", "at": "2025-10-16T05:32:29Z" }], "status": "in_progress" },
      "quotedName": { "name": "say \\"status\\": done", "status": "blocked" },
      "repeated": { "status": "not_started", "id": "r", "status": "completed" },
      "spelledState": { "state": "done" },
      "statusAsValue": { "phase": "status", "status": "waiting" },
      "plain": { "id": "p", "status": "in_progress" },
      "onlyNested": { "meta": { "status": "completed" } },
      "edited": { "id": "e", "status": "not_started" }
    }
  }
}
`;

describe('the merge counts untouched tasks from their status as written', () => {
  it('recounts the summary as a full read of the merged file would', () => {
    const ours = ANCESTOR.replace(
      '"id": "e", "status": "not_started"',
      '"id": "e", "status": "in_progress"',
    );
    const theirs = ANCESTOR.replace('"plain": {', '"plain": { "notes": ["theirs"],');
    const result = mergeTaskFiles(ANCESTOR, ours, theirs);
    assert.equal(result.kind, 'merged');
    const loaded = loadTaskFile(result.text);
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.code === 'summary-drift'),
      [],
      result.text,
    );
    const summary = (JSON.parse(result.text) as { summary: Record<string, number> }).summary;
    assert.deepEqual(summary, {
      total_tasks: 8,
      in_progress: 3,
      completed: 2,
      not_started: 1,
      blocked: 1,
    });
  });
});
