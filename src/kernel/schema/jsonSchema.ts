import { z } from 'zod';
import { taskFileSchema } from './taskFileSchema';

/** The JSON Schema (draft-07, as VS Code's JSON language service reads it) of the task file. */
export function taskFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(taskFileSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { ...schema, title: 'Agent Coordinator task file' };
}
