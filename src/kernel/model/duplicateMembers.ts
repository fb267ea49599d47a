import { visit, type JSONPath } from 'jsonc-parser';
import type { Problem } from './problems';

/**
 * Files larger than this skip the search below: it walks every token, several times slower than
 * `JSON.parse`, and plans that size are written by programs, not people. Task keys and group
 * names are checked at any size (through the outline).
 */
export const DUPLICATE_MEMBER_SCAN_LIMIT = 1024 * 1024;

/**
 * Properties named twice in one object anywhere in the file, such as a task with two `status`
 * fields: `JSON.parse` silently keeps the last, so the first is reported where it stands.
 */
export function duplicateMemberProblems(text: string, doc: unknown): Problem[] {
  if (text.length > DUPLICATE_MEMBER_SCAN_LIMIT || !mayHaveDuplicates(text, doc)) {
    return [];
  }
  const problems: Problem[] = [];
  const objects: Map<string, number>[] = [];
  visit(text, {
    onObjectBegin: () => {
      objects.push(new Map());
    },
    onObjectEnd: () => {
      objects.pop();
    },
    onObjectProperty: (
      name: string,
      offset: number,
      length: number,
      _line: number,
      _column: number,
      pathSupplier: () => JSONPath,
    ) => {
      const seen = objects[objects.length - 1];
      const earlier = seen?.get(name);
      if (earlier !== undefined) {
        const path = pathSupplier();
        problems.push({
          severity: 'error',
          code: 'duplicate-key',
          message: `duplicate field "${name}": only its last occurrence is read`,
          path: [...path, name],
          range: { offset: earlier, length },
        });
      }
      seen?.set(name, offset);
    },
  });
  return problems;
}

/**
 * False when the text certainly names no member twice, decided from counts instead of a token walk
 * (several times faster). Every member has one colon outside strings, so the colons of the text are
 * the members plus the colons inside its strings. Counted on the parsed document, a duplicate's
 * lost member (and the colons of its strings) is missing, so the counts differ. An escaped colon
 * (`\u003a`) would count on the document only: text holding one takes the full walk.
 */
function mayHaveDuplicates(text: string, doc: unknown): boolean {
  if (text.includes('\\u003')) {
    return true;
  }
  return colonsIn(text) !== membersAndColons(doc);
}

/** Members of every object in `value`, plus the colons in every string (names and values). */
function membersAndColons(value: unknown): number {
  if (typeof value === 'string') {
    return colonsIn(value);
  }
  if (typeof value !== 'object' || value === null) {
    return 0;
  }
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      count += membersAndColons(value[i]);
    }
    return count;
  }
  const record = value as Record<string, unknown>;
  for (const name in record) {
    count += 1 + colonsIn(name) + membersAndColons(record[name]);
  }
  return count;
}

function colonsIn(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    count++;
  }
  return count;
}
