import { ExitCode, type CliContext } from './command';
import { outputStream } from './print/outputStream';

/** This process as a command's context: its folder, environment and standard streams. */
export function processContext(): CliContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: outputStream(process.stdout),
    stderr: outputStream(process.stderr),
    readStdin: () => readAll(process.stdin),
  };
}

/** Ends the process with the command's exit code; a failure that escaped it gets one line. */
export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`coord: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = ExitCode.failed;
    },
  );
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
