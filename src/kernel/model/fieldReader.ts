import type { JsonPath } from './locate';
import { describeValue, type ProblemSink } from './problems';

type Raw = Record<string, unknown>;

/**
 * Most lists in a task file are empty; they all share this frozen one, which halves what a large
 * file allocates. Frozen, so code that tries to push onto a task's list fails loudly.
 */
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** Reads typed fields out of one raw JSON object, reporting wrong types as `wrong-type` errors. */
export class FieldReader {
  constructor(
    readonly raw: Raw,
    /** The object's JSON path, or a function giving it: only needed when a problem is reported. */
    private readonly path: JsonPath | (() => JsonPath),
    private readonly report: ProblemSink,
    private readonly taskKey?: string,
  ) {}

  /** The first of `names` present in the object (aliases, e.g. `name`/`title`). */
  find(names: readonly string[]): { name: string; value: unknown } | undefined {
    for (const name of names) {
      const value = this.raw[name];
      if (value !== undefined) {
        return { name, value };
      }
    }
    return undefined;
  }

  pathOf(name: string): JsonPath {
    return [...(typeof this.path === 'function' ? this.path() : this.path), name];
  }

  wrongType(name: string, expected: string, value: unknown): void {
    this.report({
      severity: 'error',
      code: 'wrong-type',
      message: `"${name}" should be ${expected}, not ${describeValue(value)}`,
      path: this.pathOf(name),
      taskKey: this.taskKey,
    });
  }

  string(names: readonly string[]): string | undefined {
    const field = this.find(names);
    if (!field || field.value === null) {
      return undefined;
    }
    if (typeof field.value === 'string') {
      return field.value;
    }
    if (typeof field.value === 'number') {
      return String(field.value);
    }
    this.wrongType(field.name, 'a string', field.value);
    return undefined;
  }

  boolean(names: readonly string[]): boolean | undefined {
    const field = this.find(names);
    if (!field || field.value === null) {
      return undefined;
    }
    if (typeof field.value === 'boolean') {
      return field.value;
    }
    this.wrongType(field.name, 'true or false', field.value);
    return undefined;
  }

  /** A non-negative number; numeric strings such as `"410"` or `"#410"` are accepted. */
  number(names: readonly string[], integer = false): number | undefined {
    const field = this.find(names);
    if (!field || field.value === null) {
      return undefined;
    }
    const value =
      typeof field.value === 'string' && /^#?\d+(\.\d+)?$/.test(field.value.trim())
        ? Number(field.value.trim().replace('#', ''))
        : field.value;
    if (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= 0 &&
      (!integer || Number.isInteger(value))
    ) {
      return value;
    }
    this.wrongType(field.name, integer ? 'a whole number' : 'a number', field.value);
    return undefined;
  }

  /** A list of strings; a single string counts as a one-item list. */
  stringList(names: readonly string[]): string[] {
    const field = this.find(names);
    if (!field || field.value === null) {
      return EMPTY;
    }
    if (typeof field.value === 'string') {
      return field.value.length > 0 ? [field.value] : EMPTY;
    }
    if (!Array.isArray(field.value)) {
      this.wrongType(field.name, 'a list of strings', field.value);
      return EMPTY;
    }
    if (field.value.length === 0) {
      return EMPTY;
    }
    const list: string[] = [];
    field.value.forEach((item: unknown, index) => {
      if (typeof item === 'string') {
        list.push(item);
      } else if (typeof item === 'number') {
        list.push(String(item));
      } else {
        this.report({
          severity: 'error',
          code: 'wrong-type',
          message: `items of "${field.name}" should be strings, not ${describeValue(item)}`,
          path: [...this.pathOf(field.name), index],
          taskKey: this.taskKey,
        });
      }
    });
    return list;
  }
}
