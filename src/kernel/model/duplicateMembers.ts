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
export function duplicateMemberProblems(text: string): Problem[] {
  if (text.length > DUPLICATE_MEMBER_SCAN_LIMIT) {
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
