import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { outlineChild, type OutlineNode } from './outline';
import type { TextRange } from './types';

export type JsonPath = readonly (string | number)[];

/**
 * Finds the text range of the value at `path`: walks the outline as far as it reaches, then parses
 * only the remaining sub-document. Falls back to the closest enclosing value that exists, so a
 * diagnostic about a missing property points at its object.
 */
export function locatePath(
  text: string,
  outline: OutlineNode | undefined,
  path: JsonPath,
): TextRange {
  let node = outline;
  let depth = 0;
  while (node && depth < path.length) {
    const child = outlineChild(node, path[depth]);
    if (!child) {
      break;
    }
    node = child;
    depth++;
  }
  if (!node) {
    return { offset: 0, length: 0 };
  }
  if (depth === path.length || node.kind === 'value') {
    return { offset: node.start, length: node.end - node.start };
  }
  const subTree = parseTree(text.slice(node.start, node.end));
  let best: TextRange = { offset: node.start, length: node.end - node.start };
  for (let end = path.length; end > depth; end--) {
    const found = subTree && findNodeAtLocation(subTree, [...path.slice(depth, end)]);
    if (found) {
      best = { offset: node.start + found.offset, length: found.length };
      break;
    }
  }
  return best;
}

/** Converts offsets to 1-based line and column; the line table is built on first use. */
export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lookups = 0;

  position(offset: number): { line: number; column: number } {
    if (!this.lineStarts && ++this.lookups <= 8) {
      // A few diagnostics: count lines up to each one rather than index a large file.
      let line = 1;
      let lineStart = 0;
      for (
        let i = this.text.indexOf('\n');
        i !== -1 && i < offset;
        i = this.text.indexOf('\n', i + 1)
      ) {
        line++;
        lineStart = i + 1;
      }
      return { line, column: offset - lineStart + 1 };
    }
    const starts = this.starts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) {
        starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
