import {
  applyEdits as applyTextEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  type FormattingOptions,
  type JSONPath,
} from 'jsonc-parser';
import { TaskEditError } from './errors';
import { lineIndentAt } from './formatting';
import { collapseToOneLine, spacesAfterCommas } from './oneLine';

/**
 * One object of a large document edited on its own: jsonc-parser's `modify` re-parses the text
 * it is given, so handing it only the object keeps an edit fast in a file of thousands of tasks.
 * The object is prefixed with its line's indentation so inserted lines are indented like the file.
 */
export class SubDocument {
  private readonly prefix: string;
  private text: string;
  /** The object was on one line: it stays on one line. */
  private readonly oneLine: boolean;
  private readonly spaceAfterComma: boolean;
  value: Record<string, unknown>;

  constructor(
    source: string,
    readonly start: number,
    readonly end: number,
    private readonly formatting: FormattingOptions,
  ) {
    const objectText = source.slice(start, end);
    this.value = JSON.parse(objectText) as Record<string, unknown>;
    this.prefix = lineIndentAt(source, start);
    this.text = this.prefix + objectText;
    this.oneLine = !objectText.includes('\n');
    this.spaceAfterComma = spacesAfterCommas(objectText);
  }

  /** `insertionIndex` places a new object member among the existing ones (default: last). */
  set(
    path: JSONPath,
    value: unknown,
    isArrayInsertion = false,
    insertionIndex?: (properties: string[]) => number,
  ): void {
    const name = path[0];
    if (typeof name === 'string' && this.duplicated().has(name)) {
      // The editor would change the first of the two, while every reader sees the last.
      throw new TaskEditError(
        'duplicateField',
        `"${name}" is written twice in this entry; remove one in the task file before changing it`,
      );
    }
    const edits = modify(this.text, path, value, {
      formattingOptions: this.formatting,
      isArrayInsertion,
      getInsertionIndex: insertionIndex,
    });
    this.text = applyTextEdits(this.text, edits);
    this.value = JSON.parse(this.text) as Record<string, unknown>;
  }

  /**
   * Removes an array item as text: the other items stay exactly as written (`modify` re-formats
   * around a removal and, on a one-line list, leaves a stray bracket).
   */
  removeArrayItem(path: JSONPath): void {
    const node = findNodeAtLocation(parseTree(this.text)!, path);
    const items = node?.parent?.children;
    if (!node || node.parent?.type !== 'array' || !items) {
      return;
    }
    const index = items.indexOf(node);
    const previous = items[index - 1];
    const start = previous ? previous.offset + previous.length : node.offset;
    const end = previous
      ? node.offset + node.length
      : (items[1]?.offset ?? node.offset + node.length);
    this.text = this.text.slice(0, start) + this.text.slice(end);
    this.value = JSON.parse(this.text) as Record<string, unknown>;
  }

  private duplicates: Set<string> | undefined;

  /** Names that occur more than once among the object's own members (checked once, on first edit). */
  private duplicated(): Set<string> {
    if (!this.duplicates) {
      const seen = new Set<string>();
      this.duplicates = new Set();
      for (const property of parseTree(this.text)?.children ?? []) {
        const key = property.children?.[0]?.value as string | undefined;
        if (key !== undefined && seen.has(key)) {
          this.duplicates.add(key);
        }
        if (key !== undefined) {
          seen.add(key);
        }
      }
    }
    return this.duplicates;
  }

  /** The edited object, without the indentation prefix. */
  result(): string {
    const text = this.text.slice(this.prefix.length);
    return this.oneLine && text.includes('\n')
      ? collapseToOneLine(text, this.spaceAfterComma)
      : text;
  }
}
