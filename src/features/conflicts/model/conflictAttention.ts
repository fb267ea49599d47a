import type { AttentionItem } from '../../attention/model/attentionItem';
import { describeFiles } from './describe';
import type { ConflictForecast } from './types';

/** Pairs of live branches that would conflict when merged: one item per pair. */
export function conflictAttentionItems(forecast: ConflictForecast): AttentionItem[] {
  const taskOf = new Map(
    forecast.branches.flatMap((branch) => (branch.taskKey ? [[branch.label, branch.taskKey]] : [])),
  );
  return forecast.pairs.flatMap((pair) => {
    if (pair.verdict.status !== 'conflict') {
      return [];
    }
    const taskKey = taskOf.get(pair.a) ?? taskOf.get(pair.b);
    const files = describeFiles(pair.verdict.files);
    return [
      {
        id: `conflict:${pair.a}:${pair.b}:${files}`,
        kind: 'conflict' as const,
        title: `${pair.a} and ${pair.b} would conflict`,
        detail: files,
        taskKey,
        target: taskKey
          ? { kind: 'diff' as const, taskKey }
          : { kind: 'task' as const, taskKey: pair.a },
      },
    ];
  });
}
