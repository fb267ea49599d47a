import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GuardrailResult, OutputStream } from '../../../src/features/guardrails/model/types';
import type { GuardrailSink } from '../../../src/features/guardrails/sink';

/** A process counts as alive until it is gone or a zombie nobody reaps. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return process.platform === 'linux' ? false : true;
  }
}

export function tempFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'guardrails-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Records what a sink is told, keeping only counts for output unless asked to keep text. */
export class RecordingSink implements GuardrailSink {
  readonly events: string[] = [];
  text = '';
  chars = 0;
  readonly streams = new Set<OutputStream>();
  result: GuardrailResult | undefined;

  constructor(private readonly keepText = true) {}

  onStart(): void {
    this.events.push('start');
  }

  onOutput(text: string, stream: OutputStream): void {
    if (this.events[this.events.length - 1] !== 'output') {
      this.events.push('output');
    }
    this.streams.add(stream);
    this.chars += text.length;
    if (this.keepText) {
      this.text += text;
    }
  }

  onEnd(result: GuardrailResult): void {
    this.events.push('end');
    this.result = result;
  }
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  limitMs = 10_000,
): Promise<void> {
  const giveUp = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > giveUp) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
