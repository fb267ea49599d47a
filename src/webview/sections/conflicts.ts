import type {
  DashboardConflictCell,
  DashboardConflicts,
  DashboardConflictFile,
} from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';

type Move = (row: number, column: number, last: number) => [number, number];

/** Where each navigation key takes the active cell of the grid. */
const MOVES: Record<string, Move> = {
  ArrowLeft: (row, column) => [row, Math.max(0, column - 1)],
  ArrowRight: (row, column, last) => [row, Math.min(last, column + 1)],
  ArrowUp: (row, column) => [Math.max(0, row - 1), column],
  ArrowDown: (row, column, last) => [Math.min(last, row + 1), column],
  Home: (row) => [row, 0],
  End: (row, _column, last) => [row, last],
};

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function fileText(file: DashboardConflictFile): string {
  const hunks = file.hunks > 0 ? `${file.hunks} hunk${file.hunks === 1 ? '' : 's'}` : '';
  const kinds = file.kinds.filter((kind) => kind !== 'content').join(', ');
  const what = [hunks, kinds].filter((part) => part !== '').join(', ');
  return what ? `${file.path} (${what})` : file.path;
}

function cellWords(row: string, column: string, cell: DashboardConflictCell | undefined): string {
  if (row === column) {
    return `${row}: itself`;
  }
  if (!cell) {
    return `${row} and ${column}: no file changed by both`;
  }
  const files = cell.files.map(fileText).join(', ');
  if (cell.status === 'conflict') {
    return `${row} and ${column} conflict in ${files}`;
  }
  if (cell.status === 'error') {
    return `${row} and ${column} could not be merged: ${cell.message ?? 'unknown error'}`;
  }
  return `${row} and ${column} both change ${files} and merge cleanly`;
}

/**
 * The conflict radar as a matrix: every side sharing files with another, against each other. A
 * cell shows how many files conflict (or that shared files merge cleanly); choosing it lists the
 * files with their hunks below. The table is an ARIA grid: one cell in the tab order, arrows,
 * Home and End move, Enter or Space (or a click) shows the files.
 */
export class ConflictMatrixView {
  readonly element = el('div', { className: 'conflicts' });
  private cells = new Map<string, DashboardConflictCell>();
  private labels: string[] = [];
  /** The focused cell, by its row and column labels, kept across renders. */
  private active: [string, string] | undefined;
  private readonly detail = el('div', {
    className: 'conflict-detail',
    attrs: { 'aria-live': 'polite' },
  });

  constructor(private readonly select: (key: string) => void) {}

  render(matrix: DashboardConflicts | undefined): void {
    if (!matrix) {
      replaceChildren(this.element, [
        el('p', {
          className: 'muted',
          text: 'No forecast yet (or coordinator.conflicts.forecast is off).',
        }),
      ]);
      return;
    }
    this.labels = matrix.labels;
    this.cells = new Map(matrix.cells.map((cell) => [pairKey(cell.a, cell.b), cell]));
    const notes = matrix.notes.map((note) => el('li', { text: note }));
    if (this.labels.length === 0) {
      replaceChildren(this.element, [
        el('p', {
          className: 'muted',
          text: `No two live branches change the same file (against ${matrix.base}).`,
        }),
        notes.length > 0 && el('ul', { className: 'muted conflict-notes' }, notes),
      ]);
      return;
    }
    if (
      !this.active ||
      !this.labels.includes(this.active[0]) ||
      !this.labels.includes(this.active[1])
    ) {
      this.active = this.firstFinding();
    }
    const header = el('tr', {}, [
      el('td', { className: 'conflict-corner' }),
      ...this.labels.map((label) =>
        el('th', { text: label, title: label, attrs: { scope: 'col', role: 'columnheader' } }),
      ),
    ]);
    const rows = this.labels.map((row) =>
      el('tr', {}, [
        el('th', { attrs: { scope: 'row', role: 'rowheader' } }, [this.rowHeading(row)]),
        ...this.labels.map((column) => this.cell(row, column)),
      ]),
    );
    const table = el(
      'table',
      {
        className: 'conflict-matrix',
        attrs: { role: 'grid', 'aria-label': `Merge conflict forecast against ${matrix.base}` },
      },
      [el('thead', {}, [header]), el('tbody', {}, rows)],
    );
    table.addEventListener('keydown', (event) => this.onKey(event));
    replaceChildren(this.element, [
      el('div', { className: 'conflict-scroll' }, [table]),
      this.detail,
      notes.length > 0 && el('ul', { className: 'muted conflict-notes' }, notes),
    ]);
    this.showDetail();
  }

  private rowHeading(label: string): HTMLElement {
    const button = el('button', {
      className: 'link-button',
      text: label,
      title: `Show ${label} on the board`,
      attrs: { tabindex: -1 },
    });
    button.addEventListener('click', () => this.select(label));
    return button;
  }

  private cell(row: string, column: string): HTMLElement {
    const found = row === column ? undefined : this.cells.get(pairKey(row, column));
    const status = row === column ? 'self' : (found?.status ?? 'none');
    const isActive = this.active?.[0] === row && this.active[1] === column;
    const content =
      status === 'conflict'
        ? [icon('warning'), ` ${found!.files.length}`]
        : status === 'clean'
          ? [icon('check')]
          : status === 'error'
            ? [icon('error')]
            : [];
    const td = el(
      'td',
      {
        className: `conflict-cell conflict-${status}`,
        title: cellWords(row, column, found),
        attrs: {
          role: 'gridcell',
          tabindex: isActive ? 0 : -1,
          'aria-label': cellWords(row, column, found),
          'aria-selected': isActive ? 'true' : 'false',
        },
        dataset: { row, column },
      },
      content,
    );
    td.addEventListener('click', () => this.activate(row, column, true));
    return td;
  }

  /** The first conflicting cell, else the first cell with a finding, else the top left. */
  private firstFinding(): [string, string] | undefined {
    const all = [...this.cells.values()];
    const first = all.find((cell) => cell.status === 'conflict') ?? all[0];
    if (!first) {
      return undefined;
    }
    const [a, b] = [this.labels.indexOf(first.a), this.labels.indexOf(first.b)];
    return a <= b ? [first.a, first.b] : [first.b, first.a];
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.active) {
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.showDetail();
      return;
    }
    if (!(event.key in MOVES)) {
      return;
    }
    event.preventDefault();
    const last = this.labels.length - 1;
    const [row, column] = MOVES[event.key]!(
      this.labels.indexOf(this.active[0]),
      this.labels.indexOf(this.active[1]),
      last,
    );
    this.activate(this.labels[row]!, this.labels[column]!, false);
  }

  private activate(row: string, column: string, show: boolean): void {
    this.active = [row, column];
    for (const td of this.element.querySelectorAll<HTMLElement>('td.conflict-cell')) {
      const on = td.dataset.row === row && td.dataset.column === column;
      td.setAttribute('tabindex', on ? '0' : '-1');
      td.setAttribute('aria-selected', on ? 'true' : 'false');
      if (on) {
        td.focus();
      }
    }
    if (show) {
      this.showDetail();
    }
  }

  /** Lists the files of the active cell under the matrix. */
  private showDetail(): void {
    const [row, column] = this.active ?? [];
    const found =
      row && column && row !== column ? this.cells.get(pairKey(row, column)) : undefined;
    if (!row || !column || !found) {
      replaceChildren(this.detail, [
        el('p', {
          className: 'muted',
          text: row && column ? `${cellWords(row, column, undefined)}.` : '',
        }),
      ]);
      return;
    }
    const heading =
      found.status === 'conflict'
        ? `${row} × ${column}: merging both conflicts`
        : found.status === 'error'
          ? `${row} × ${column}: not merged (${found.message ?? 'unknown error'})`
          : `${row} × ${column}: shared files merge cleanly`;
    replaceChildren(this.detail, [
      el('p', { className: 'conflict-detail-heading', text: heading }),
      el(
        'ul',
        { className: 'conflict-files' },
        found.files.map((file) => el('li', { text: fileText(file) })),
      ),
    ]);
  }
}
