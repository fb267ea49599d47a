import { applyEdits as applyTextEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { lineIndentAt } from './formatting';

/**
 * One object of a large document edited on its own: jsonc-parser's `modify` re-parses the text
 * it is given, so handing it only the object keeps an edit fast in a file of thousands of tasks.
 * The object is prefixed with its line's indentation so inserted lines are indented like the file.
 */
export class SubDocument {
  private readonly prefix: string;
  private text: string;
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
  }

  set(path: JSONPath, value: unknown, isArrayInsertion = false): void {
    const edits = modify(this.text, path, value, { formattingOptions: this.formatting, isArrayInsertion });
    this.text = applyTextEdits(this.text, edits);
    this.value = JSON.parse(this.text) as Record<string, unknown>;
  }

  /** The edited object, without the indentation prefix. */
  result(): string {
    return this.text.slice(this.prefix.length);
  }
}
