import * as fs from 'node:fs';
import * as path from 'node:path';
import type Mocha from 'mocha';
import { recordedMetrics } from './metrics';

export type TestState = 'passed' | 'failed' | 'pending';

export interface TestResult {
  readonly title: string;
  /** Titles from the outermost describe down, the test's own title last. */
  readonly titlePath: string[];
  readonly file: string | undefined;
  readonly state: TestState;
  readonly durationMs: number | undefined;
  readonly error?: { readonly message: string; readonly stack?: string };
}

/** The JSON the host suite writes and the driver reads. */
export interface HostResults {
  readonly tests: TestResult[];
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly metrics: Record<string, number[]>;
  /** The extension host's pid: proves the file came from a real extension host. */
  readonly pid: number;
}

function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    return { message: error.message, stack: error.stack };
  }
  return { message: String(error) };
}

/** Collects per-test results from a mocha runner. */
export function collectResults(runner: Mocha.Runner): () => HostResults {
  const tests: TestResult[] = [];
  const add = (test: Mocha.Test | Mocha.Hook, state: TestState, error?: unknown) =>
    tests.push({
      title: test.title,
      titlePath: test.titlePath(),
      file: test.file,
      state,
      durationMs: test.duration,
      ...(error === undefined ? {} : { error: describeError(error) }),
    });
  runner.on('pass', (test) => add(test, 'passed'));
  runner.on('fail', (test, error) => add(test, 'failed', error));
  runner.on('pending', (test) => add(test, 'pending'));
  return () => ({
    tests,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    metrics: recordedMetrics(),
    pid: process.pid,
  });
}

/** Writes atomically so the driver never reads half a file. */
export function writeResults(file: string, results: HostResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2));
  fs.renameSync(partial, file);
}
