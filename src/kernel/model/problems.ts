import type { JsonPath } from './locate';
import type { Severity, TextRange } from './types';

/** A diagnostic before it is located: where it is, as a JSON path (or an exact range when known). */
export interface Problem {
  severity: Severity;
  code: string;
  message: string;
  path: JsonPath;
  range?: TextRange;
  taskKey?: string;
  /** The text that should replace the value at `path` (a quick fix). */
  suggestion?: string;
}

export type ProblemSink = (problem: Problem) => void;

export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
