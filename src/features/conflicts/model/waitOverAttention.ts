import type { AttentionItem } from '../../attention/model/attentionItem';
import type { TaskModel } from '../../../kernel/model/types';
import { waitsOver } from './softDependencies';

/** Tasks that waited at start (`waits_for`) and can start now: every task they waited for has finished. */
export function waitOverAttentionItems(model: TaskModel): AttentionItem[] {
  return waitsOver(model).map(({ task, waitedFor }) => ({
    id: `waitOver:${task.key}:${waitedFor.join(',')}`,
    kind: 'waitOver' as const,
    title: `${task.key}: can start now`,
    detail: `${waitedFor.join(', ')} ${waitedFor.length === 1 ? 'has' : 'have'} finished`,
    taskKey: task.key,
    target: { kind: 'task' as const, taskKey: task.key },
  }));
}
