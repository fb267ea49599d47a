import { statusOfRaw } from '../../../kernel/edits/taskEdits';
import { recordedVerdict } from '../../guardrails/model/recorded';
import { TASK_FIELDS } from '../../../kernel/model/taskFields';
import { guardrailSection, type PlanShape, type TaskEntry } from './planShape';
import { isRecord } from './values';

function firstPresent(raw: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    if (raw[name] !== undefined) {
      return raw[name];
    }
  }
  return undefined;
}

/**
 * Why the merged file does not show `taskKey`'s completion gates met, or undefined when it does:
 * every task it depends on completed, its progress complete, no required guardrail on it failing.
 */
export function unmetCompletionGate(
  doc: unknown,
  shape: PlanShape,
  taskKey: string,
): string | undefined {
  const task = shape.tasks.get(taskKey);
  if (!task) {
    return undefined;
  }
  const dependencies = firstPresent(task.raw, TASK_FIELDS.dependencies);
  for (const name of Array.isArray(dependencies) ? dependencies : [dependencies]) {
    const dependency = typeof name === 'string' ? findTask(shape, name) : undefined;
    if (dependency && statusOfRaw(dependency.raw) !== 'completed') {
      return `dependency "${dependency.key}" is ${statusOfRaw(dependency.raw)}`;
    }
  }
  const progress = firstPresent(task.raw, TASK_FIELDS.progress);
  if (isRecord(progress)) {
    const total = progress.total_steps ?? progress.total;
    const done = progress.completed_steps ?? progress.completed;
    if (typeof total === 'number' && typeof done === 'number' && done < total) {
      return `progress is ${done}/${total}`;
    }
  }
  const section = guardrailSection(doc);
  const guardrails = section ? (doc as Record<string, unknown>)[section] : undefined;
  for (const [key, guardrail] of Object.entries(isRecord(guardrails) ? guardrails : {})) {
    if (
      isRecord(guardrail) &&
      guardrail.required !== false &&
      (guardrail.depends_on === task.key || guardrail.depends_on === task.raw.id) &&
      typeof guardrail.status === 'string' &&
      ['fail', 'error'].includes(recordedVerdict(guardrail.status) ?? '')
    ) {
      return `required guardrail "${key}" is ${guardrail.status}`;
    }
  }
  return undefined;
}

function findTask(shape: PlanShape, name: string): TaskEntry | undefined {
  const byKey = shape.tasks.get(name);
  if (byKey) {
    return byKey;
  }
  for (const task of shape.tasks.values()) {
    if (task.raw.id === name) {
      return task;
    }
  }
  return undefined;
}
