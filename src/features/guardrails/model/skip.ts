import type { GuardrailDefinition, TaskModel } from '../../../kernel/model/types';

/**
 * Why a guardrail must not run yet, or undefined when it may: its `depends_on` task (by key or id)
 * is not completed, or names no task at all. Without a model there is nothing to check.
 */
export function skipReason(
  definition: GuardrailDefinition,
  model: TaskModel | undefined,
): string | undefined {
  const dependsOn = definition.dependsOn?.trim();
  if (!dependsOn || !model) {
    return undefined;
  }
  const task =
    model.byKey.get(dependsOn) ?? model.tasks.find((candidate) => candidate.id === dependsOn);
  if (!task) {
    return `depends on "${dependsOn}", which is not a task in the task file`;
  }
  if (task.status !== 'completed') {
    return `depends on ${task.key}, which is ${task.status.replace('_', ' ')}`;
  }
  return undefined;
}
