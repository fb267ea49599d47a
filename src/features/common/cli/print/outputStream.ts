import { escapeControlChars } from './controlChars';

/**
 * A writer for stdout or stderr with control characters escaped. When the reader goes away
 * (`coord list | head -1`), later output is dropped quietly and the command ends as it would have.
 */
export function outputStream(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
    closed = true;
  });
  return (text) => {
    if (!closed) {
      stream.write(escapeControlChars(text));
    }
  };
}
