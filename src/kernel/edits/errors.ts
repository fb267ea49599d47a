export type TaskEditFailure =
  'unknownTask' | 'unknownGuardrail' | 'unparseable' | 'invalidValue' | 'duplicateField';

/** Why an edit could not be applied; the text is left as it was. */
export class TaskEditError extends Error {
  constructor(
    readonly reason: TaskEditFailure,
    message: string,
    readonly target?: string,
  ) {
    super(message);
    this.name = 'TaskEditError';
  }
}

export function isTaskEditError(error: unknown, reason?: TaskEditFailure): error is TaskEditError {
  return error instanceof TaskEditError && (reason === undefined || error.reason === reason);
}
