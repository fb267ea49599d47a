import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { GuardrailResult } from './model/types';
import { writeFileAtomic } from '../../platform/files/atomicWrite';

/**
 * Saves a guardrail's output where its `output_path` says (already expanded and absolute). A path
 * ending in a separator is a folder: the output goes to `<key>.log` and the result to `<key>.json`
 * in it. Any other path is the log file itself.
 */
export class OutputFile {
  private stream: WriteStream | undefined;
  private error: string | undefined;
  private readonly logPath: string;
  private readonly resultPath: string | undefined;

  private constructor(
    readonly target: string,
    key: string,
  ) {
    const isFolder = /[\\/]$/.test(target);
    this.logPath = isFolder ? path.join(target, `${key}.log`) : target;
    this.resultPath = isFolder ? path.join(target, `${key}.json`) : undefined;
  }

  static async open(target: string, key: string): Promise<OutputFile> {
    const file = new OutputFile(target, key);
    try {
      await mkdir(path.dirname(file.logPath), { recursive: true });
      const stream = createWriteStream(file.logPath);
      stream.on('error', (error) => file.fail(error));
      file.stream = stream;
    } catch (error) {
      file.fail(error);
    }
    return file;
  }

  write(text: string): void {
    if (this.stream && !this.error) {
      this.stream.write(text);
    }
  }

  /** Ends the log, writes the result file, and returns the problem, if any, to put in the result. */
  async close(result: GuardrailResult): Promise<string | undefined> {
    const stream = this.stream;
    if (stream && !this.error) {
      await new Promise<void>((resolve) => stream.end(resolve));
    }
    if (this.resultPath && !this.error) {
      try {
        await writeFileAtomic(this.resultPath, `${JSON.stringify(result, null, 2)}\n`);
      } catch (error) {
        this.fail(error);
      }
    }
    return this.error;
  }

  private fail(error: unknown): void {
    this.error ??= `could not save the output to ${this.target}: ${error instanceof Error ? error.message : String(error)}`;
    this.stream?.destroy();
  }
}
