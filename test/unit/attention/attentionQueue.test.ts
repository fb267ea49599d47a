import assert from 'node:assert/strict';
import { agentAttentionItems } from '../../../src/features/agents/model/agentAttention';
import type { AgentStateRecord } from '../../../src/features/agents/model/agentState';
import {
  gatherAttention,
  type AttentionSource,
} from '../../../src/features/attention/attentionSource';
import {
  newAnnouncements,
  rankAttention,
  type AttentionItem,
} from '../../../src/features/attention/model/attentionItem';
import { conflictAttentionItems } from '../../../src/features/conflicts/model/conflictAttention';
import { guardrailAttentionItems } from '../../../src/features/guardrails/model/guardrailAttention';
import { reviewAttentionItems } from '../../../src/features/reviews/reviewAttention';

const MINUTE = 60_000;
const now = new Date('2026-11-29T12:00:00.000Z');
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE).toISOString();

const tasks = [
  { key: 'ask', name: 'Ask', status: 'in_progress' as const },
  { key: 'crash', name: 'Crash', status: 'in_progress' as const },
  { key: 'done', name: 'Done', status: 'in_progress' as const },
  { key: 'merged', name: 'Merged', status: 'completed' as const },
  { key: 'quiet', name: 'Quiet', status: 'in_progress' as const },
  { key: 'busy', name: 'Busy', status: 'in_progress' as const },
];
const records: AgentStateRecord[] = [
  {
    task: 'ask',
    state: 'needs_input',
    at: at(5),
    agent: 'Claude Code',
    message: 'Run the migration?',
  },
  { task: 'crash', state: 'failed', at: at(4), agent: 'Codex', exitCode: 1 },
  { task: 'done', state: 'finished', at: at(3), agent: 'Codex' },
  { task: 'merged', state: 'finished', at: at(3), agent: 'Codex' },
  { task: 'quiet', state: 'working', at: at(30), agent: 'Codex' },
  { task: 'busy', state: 'working', at: at(1), agent: 'Codex' },
  { task: 'gone', state: 'needs_input', at: at(1), agent: 'Codex' },
];

describe('attention queue providers', () => {
  it('takes from agents what waits for a person, each with where to go', () => {
    const items = agentAttentionItems(tasks, records, now, 10 * MINUTE);
    assert.deepEqual(
      items.map((item) => [item.kind, item.taskKey, item.target.kind, item.detail]),
      [
        ['agentNeedsInput', 'ask', 'terminal', 'Run the migration?'],
        ['agentFailed', 'crash', 'terminal', undefined],
        ['agentFinished', 'done', 'diff', undefined],
        ['agentStale', 'quiet', 'terminal', undefined],
      ],
      'a finished agent on a completed task, a working one, and a task not in the plan wait for no one',
    );
    assert.equal(items[1]!.title, 'Codex on crash failed (exit 1)');
  });

  it('gives one event one id, and a new report a new one', () => {
    const first = agentAttentionItems(tasks, records, now, 10 * MINUTE)[0]!;
    const again = agentAttentionItems(
      tasks,
      records,
      new Date(now.getTime() + MINUTE),
      10 * MINUTE,
    )[0]!;
    assert.equal(first.id, again.id);
    const asked = agentAttentionItems(tasks, [{ ...records[0]!, at: at(0) }], now, 10 * MINUTE)[0]!;
    assert.notEqual(asked.id, first.id);
  });

  it('announces each agent event once; guardrails, reviews and conflicts are only listed', () => {
    const seen = new Set<string>();
    const items = [
      ...agentAttentionItems(tasks, records, now, 10 * MINUTE),
      ...guardrailAttentionItems([{ key: 'lint', status: 'fail', required: true }]),
    ];
    assert.deepEqual(
      newAnnouncements(items, seen).map((item) => item.kind),
      ['agentNeedsInput', 'agentFailed', 'agentFinished'],
    );
    assert.deepEqual(newAnnouncements(items, seen), []);
  });

  it('lists failed guardrails, requested and overdue reviews, and conflicting branches', () => {
    const guardrails = guardrailAttentionItems([
      { key: 'lint', status: 'fail', required: true, lastRun: at(2), cause: 'eslint: 3 errors' },
      { key: 'e2e', status: 'error', required: false },
      { key: 'unit', status: 'pass', required: true },
    ]);
    assert.deepEqual(
      guardrails.map((item) => [item.title, item.target]),
      [
        ['Required guardrail lint failed', { kind: 'guardrail', guardrailKey: 'lint' }],
        ['Guardrail e2e could not run', { kind: 'guardrail', guardrailKey: 'e2e' }],
      ],
    );
    const reviews = reviewAttentionItems([
      {
        taskKey: 'done',
        taskName: 'Done',
        waitingFor: [{ reviewer: 'alice', state: 'not reviewed' }],
        since: at(60 * 30),
        overdue: true,
      },
      {
        taskKey: 'ask',
        taskName: 'Ask',
        waitingFor: [{ reviewer: 'bob', state: 'changes requested' }],
        overdue: false,
      },
    ]);
    assert.deepEqual(
      reviews.map((item) => [item.kind, item.title, item.target.kind]),
      [
        ['reviewOverdue', 'done: review overdue (alice)', 'diff'],
        ['reviewRequested', 'ask: review requested (bob)', 'diff'],
      ],
    );
    const conflicts = conflictAttentionItems({
      base: 'main',
      branches: [
        { label: 'ask', branch: 'feat/ask', taskKey: 'ask', commit: 'a' },
        { label: 'done', branch: 'feat/done', taskKey: 'done', commit: 'b' },
      ],
      pairs: [
        {
          a: 'ask',
          b: 'done',
          overlap: ['src/a.ts'],
          verdict: {
            status: 'conflict',
            files: [{ path: 'src/a.ts', hunks: 2, kinds: ['content'] }],
          },
        },
        { a: 'ask', b: 'main', overlap: [], verdict: { status: 'clean', via: 'disjoint' } },
      ],
      disjointPairs: 1,
      mergedNow: 1,
      notes: [],
    });
    assert.deepEqual(
      conflicts.map((item) => [item.title, item.detail, item.target]),
      [['ask and done would conflict', 'src/a.ts (2 hunks)', { kind: 'diff', taskKey: 'ask' }]],
    );
  });

  it('ranks the most pressing first, then the oldest', () => {
    const item = (kind: AttentionItem['kind'], id: string, since?: string): AttentionItem => ({
      id,
      kind,
      title: id,
      since,
      target: { kind: 'task', taskKey: id },
    });
    const ranked = rankAttention([
      item('reviewRequested', 'r'),
      item('agentStale', 's', at(50)),
      item('agentNeedsInput', 'new', at(1)),
      item('guardrailFailed', 'g', at(9)),
      item('agentNeedsInput', 'old', at(20)),
    ]);
    assert.deepEqual(
      ranked.map((i) => i.id),
      ['old', 'new', 'g', 'r', 's'],
    );
  });

  it('gathers from every source, reporting a failing one without losing the others', async () => {
    const sources: AttentionSource[] = [
      { name: 'agents', items: async () => agentAttentionItems(tasks, records, now, 10 * MINUTE) },
      {
        name: 'reviews',
        items: () => Promise.reject(new Error('git failed\nwith details')),
      },
      {
        name: 'guardrails',
        items: async () =>
          guardrailAttentionItems([{ key: 'lint', status: 'fail', required: true }]),
      },
    ];
    const gathered = await gatherAttention(sources, {
      folder: '/nowhere',
      model: { tasks: [] } as never,
      now,
    });
    assert.deepEqual(gathered.problems, ['reviews: git failed']);
    assert.deepEqual(
      gathered.items.map((item) => item.kind),
      ['agentNeedsInput', 'agentFailed', 'guardrailFailed', 'agentFinished', 'agentStale'],
    );
  });
});
