import { escapeControlChars } from './controlChars';

export interface Column {
  header: string;
  /** Longest the column may get; longer cells are cut with an ellipsis. */
  max: number;
  /** Shrunk first (widest first) when the table is wider than its budget. */
  flexible?: boolean;
  /** A flexible column cut only once the other flexible ones are as narrow as they get. */
  shrinkLast?: boolean;
}

const MIN_FLEXIBLE_WIDTH = 10;

/**
 * Left-aligned plain-text table, each column as wide as its widest cell (up to its max), narrowed
 * to `maxWidth` by cutting the flexible columns.
 */
export function formatTable(
  columns: Column[],
  rows: string[][],
  options: { indent?: string; maxWidth?: number } = {},
): string {
  const indent = options.indent ?? '';
  // Escaped before measuring, so a cell keeps its width on screen.
  const shown = rows.map((row) => row.map((cell) => escapeControlChars(cell ?? '')));
  const maxWidth = options.maxWidth ?? 100;
  const widths = columns.map((column, i) =>
    Math.min(
      column.max,
      Math.max(column.header.length, ...shown.map((row) => (row[i] ?? '').length)),
    ),
  );
  const total = () =>
    indent.length + widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  const widestShrinkable = (last: boolean) => {
    let widest = -1;
    columns.forEach((column, i) => {
      if (
        column.flexible &&
        (column.shrinkLast ?? false) === last &&
        widths[i] > MIN_FLEXIBLE_WIDTH &&
        (widest === -1 || widths[i] > widths[widest])
      ) {
        widest = i;
      }
    });
    return widest;
  };
  while (total() > maxWidth) {
    let widest = widestShrinkable(false);
    if (widest === -1) {
      widest = widestShrinkable(true);
    }
    if (widest === -1) {
      break;
    }
    widths[widest]--;
  }
  const line = (cells: string[]) =>
    indent +
    cells
      .map((cell, i) => fit(cell ?? '', widths[i]))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...shown.map(line)].join('\n') + '\n';
}

function fit(text: string, width: number): string {
  const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return cut.padEnd(width);
}
