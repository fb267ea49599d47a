import { CoordinatorError } from '../errors/coordinatorError';

export type TaskEditFailure =
  'unknownTask' | 'unknownGuardrail' | 'unparseable' | 'invalidValue' | 'duplicateField';

/** Why an edit could not be applied; the text is left as it was. */
export class TaskEditError extends CoordinatorError {
  constructor(
    readonly reason: TaskEditFailure,
    message: string,
    readonly target?: string,
  ) {
    super(reason === 'invalidValue' || reason === 'unknownTask' ? reason : 'editRefused', message);
    this.name = 'TaskEditError';
  }
}

export function isTaskEditError(error: unknown, reason?: TaskEditFailure): error is TaskEditError {
  return error instanceof TaskEditError && (reason === undefined || error.reason === reason);
}
