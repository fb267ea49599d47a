import type { GuardrailDefinition, Task, TaskModel } from '../../../src/kernel/model/types';

export function guardrail(
  key: string,
  command: string,
  extra: Partial<GuardrailDefinition> = {},
): GuardrailDefinition {
  return { key, command, required: true, raw: {}, ...extra };
}

/** A model with just the tasks a test names, as `key:id:status`. */
export function modelWith(...specs: string[]): TaskModel {
  const tasks = specs.map((spec, index) => {
    const [key, id, status] = spec.split(':');
    return {
      key,
      id,
      group: 'g',
      index,
      name: key,
      owner: '',
      owners: [],
      status,
      criticalReview: false,
      dependencies: [],
      blockers: [],
      notes: [],
      files: [],
      acceptance: [],
      deliverables: [],
      checklist: [],
      prNumbers: [],
      raw: {},
    } as Task;
  });
  return {
    layout: 'map',
    groups: [{ key: 'g', taskKeys: tasks.map((task) => task.key) }],
    tasks,
    byKey: new Map(tasks.map((task) => [task.key, task])),
    guardrails: [],
    raw: {},
  };
}
