import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/kernel/model/types';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function fixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

/** 1-based line and column of an offset, counted independently of the code under test. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The text a diagnostic points at. */
export function pointedText(text: string, diagnostic: Diagnostic): string {
  return text.slice(diagnostic.range.offset, diagnostic.range.offset + diagnostic.range.length);
}
