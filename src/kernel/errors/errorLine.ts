import { CoordinatorError } from './coordinatorError';

/**
 * The one line a person is shown for `error`, in every host: a `CoordinatorError`'s message
 * (already one line), else the first line of the error's text.
 */
export function errorLine(error: unknown): string {
  if (CoordinatorError.is(error)) {
    return error.message;
  }
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
