/** Errors that mean a bug in coord itself: shown with their stack so they can be reported. */
const BUG_TYPES = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError];

export function isBug(error: unknown): boolean {
  return BUG_TYPES.some((type) => error instanceof type) || !(error instanceof Error);
}

/**
 * One line for an error that is not a bug. A file-system error says what could not be done to
 * which path (`cannot open /x/task_status.json: no such file or directory (ENOENT)`), as when the
 * task file is removed while a command runs.
 */
export function failureLine(error: Error): string {
  const fsError = error as NodeJS.ErrnoException;
  if (typeof fsError.code === 'string' && fsError.syscall && fsError.path) {
    const description = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message;
    return `cannot ${fsError.syscall} ${fsError.path}: ${description} (${fsError.code})`;
  }
  return error.message.split('\n')[0] ?? error.message;
}
