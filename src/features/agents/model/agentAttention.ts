import type { Task } from '../../../kernel/model/types';
import type { AttentionItem } from '../../attention/model/attentionItem';
import type { AgentStateRecord } from './agentState';
import { oneLine, taskAgentStatus } from './taskAgentState';

/**
 * What agents leave waiting for a person: a question (needs input), a failure, finished work on
 * a task not yet completed (to review), and a working agent gone silent.
 */
export function agentAttentionItems(
  tasks: readonly Pick<Task, 'key' | 'name' | 'status' | 'worktreePath'>[],
  records: readonly AgentStateRecord[],
  now: Date,
  staleAfterMs: number,
): AttentionItem[] {
  const byKey = new Map(tasks.map((task) => [task.key, task]));
  const items: AttentionItem[] = [];
  for (const record of records) {
    const task = byKey.get(record.task);
    if (!task) {
      continue;
    }
    const { state } = taskAgentStatus(task, record, now, staleAfterMs);
    const id = `agent:${record.task}:${state}:${record.at}`;
    const base = { id, taskKey: task.key, since: record.at };
    const who = `${record.agent} on ${task.key}`;
    if (state === 'needs_input') {
      items.push({
        ...base,
        kind: 'agentNeedsInput',
        title: `${who} needs input`,
        detail: record.message && oneLine(record.message, 200),
        target: { kind: 'terminal', taskKey: task.key },
      });
    } else if (state === 'failed') {
      items.push({
        ...base,
        kind: 'agentFailed',
        title: `${who} failed (exit ${record.exitCode})`,
        detail: record.message && oneLine(record.message, 200),
        target: { kind: 'terminal', taskKey: task.key },
      });
    } else if (state === 'finished' && task.status !== 'completed') {
      items.push({
        ...base,
        kind: 'agentFinished',
        title: `${who} finished: review its work`,
        detail: record.message && oneLine(record.message, 200),
        target: { kind: 'diff', taskKey: task.key },
      });
    } else if (state === 'stale') {
      items.push({
        ...base,
        kind: 'agentStale',
        title: `${who} has been silent since ${record.at.replace(/\.\d+Z$/, 'Z')}`,
        target: { kind: 'terminal', taskKey: task.key },
      });
    }
  }
  return items;
}
