import { repairMojibake } from './mojibake';

/**
 * Reads a Markdown plan as teams write them: task tables (`| # | Task | Owner | Risk | Time | … |`)
 * under headings that name their group, per-task sections (`### Task CC-1: Title` followed by
 * `**Priority**: …`, `**Deliverables**:` and a list, …), and GitHub task lists (`- [ ] …`). Pure and
 * total: any text gives a result; what it could not read is listed with its line number.
 */

export interface ImportedTask {
  /** 1-based line where the task was first seen. */
  line: number;
  /** As written: the table's `#` column, or the id in `Task CC-1:`; absent for task-list items. */
  id?: string;
  name: string;
  /** The heading the task sits under. */
  group?: string;
  owner?: string;
  priority?: string;
  estimate?: string;
  risk?: string;
  reviewer?: string;
  branch?: string;
  /** As written, e.g. `NOT STARTED`. */
  status?: string;
  criticalReview: boolean;
  /** From a task list: `[x]` is done. */
  done?: boolean;
  files: string[];
  deliverables: string[];
  acceptance: string[];
  checklist: string[];
}

export interface UnreadLine {
  line: number;
  text: string;
}

export interface MarkdownPlan {
  tasks: ImportedTask[];
  unread: UnreadLine[];
}

type ListField = 'files' | 'deliverables' | 'acceptance' | 'checklist';
type TextField =
  'owner' | 'priority' | 'estimate' | 'risk' | 'reviewer' | 'branch' | 'status' | 'name' | 'id';

/** Table headers and section labels, lower-cased, by the field they fill. */
const TEXT_LABELS: Record<string, TextField> = {
  '#': 'id',
  id: 'id',
  key: 'id',
  task: 'name',
  title: 'name',
  name: 'name',
  owner: 'owner',
  owners: 'owner',
  assignee: 'owner',
  agent: 'owner',
  risk: 'risk',
  time: 'estimate',
  estimate: 'estimate',
  effort: 'estimate',
  priority: 'priority',
  branch: 'branch',
  status: 'status',
  state: 'status',
  reviewer: 'reviewer',
  review: 'reviewer',
  role: 'reviewer',
  'reviewer role': 'reviewer',
  'claude role': 'reviewer',
};

const LIST_LABELS: Record<string, ListField> = {
  files: 'files',
  'files to review': 'files',
  'files touched': 'files',
  deliverables: 'deliverables',
  accept: 'acceptance',
  acceptance: 'acceptance',
  'acceptance criteria': 'acceptance',
  'review checklist': 'checklist',
  checklist: 'checklist',
  'validation steps': 'checklist',
  steps: 'checklist',
};

const HEADING = /^(#{1,6})\s+(.*)$/;
const TASK_HEADING = /^task\s+([A-Za-z0-9][\w.#-]*)\s*[:\u2013\u2014-]\s*(.+)$/i;
const LABEL = /^\*\*([^*]+?)\*\*\s*:?\s*(?:\*\*)?\s*:?\s*(.*)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[([ xX])\]\s+)?(.*)$/;
const TASK_LIST_ITEM = /^\s*[-*+]\s+\[([ xX])\]\s+(.+)$/;
const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function readMarkdownPlan(text: string): MarkdownPlan {
  const reader = new PlanReader();
  text.split(/\r?\n/).forEach((raw, index) => reader.line(repairMojibake(raw), index + 1));
  return reader.result();
}

class PlanReader {
  private readonly tasks: ImportedTask[] = [];
  private readonly unread: UnreadLine[] = [];
  private group: string | undefined;
  private section: ImportedTask | undefined;
  private list: ListField | undefined;
  private table: (TextField | ListField | undefined)[] | undefined;
  private pendingHeader: string[] | undefined;

  line(text: string, number: number): void {
    const trimmed = text.trim();
    if (this.pendingHeader) {
      const header = this.pendingHeader;
      this.pendingHeader = undefined;
      if (SEPARATOR_ROW.test(trimmed)) {
        this.table = header.map((cell) => {
          const label = clean(cell).toLowerCase();
          return TEXT_LABELS[label] ?? LIST_LABELS[label];
        });
        return;
      }
    }
    if (trimmed.startsWith('|')) {
      this.tableRow(trimmed, number);
      return;
    }
    this.table = undefined;
    const heading = HEADING.exec(trimmed);
    if (heading) {
      this.heading(clean(heading[2]), number);
      return;
    }
    if (trimmed === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(trimmed)) {
      if (trimmed !== '') {
        this.section = undefined;
      }
      this.list = trimmed === '' ? this.list : undefined;
      return;
    }
    if (this.section) {
      this.sectionLine(this.section, trimmed, number);
      return;
    }
    const item = TASK_LIST_ITEM.exec(text);
    if (item) {
      this.tasks.push({
        ...emptyTask(number, clean(item[2])),
        group: this.group,
        done: item[1] !== ' ',
      });
    }
  }

  result(): MarkdownPlan {
    return { tasks: this.tasks.filter((task) => task.name !== ''), unread: this.unread };
  }

  private heading(title: string, number: number): void {
    this.list = undefined;
    const task = TASK_HEADING.exec(title);
    if (!task) {
      this.section = undefined;
      this.group = title;
      return;
    }
    const id = task[1];
    const existing = this.tasks.find((t) => t.id !== undefined && sameId(t.id, id));
    this.section = existing ?? { ...emptyTask(number, clean(task[2])), id, group: this.group };
    if (!existing) {
      this.tasks.push(this.section);
    }
  }

  private sectionLine(task: ImportedTask, line: string, number: number): void {
    const label = LABEL.exec(line);
    if (label) {
      const name = label[1].trim().toLowerCase();
      const value = label[2].trim();
      const listField = LIST_LABELS[name];
      const textField = TEXT_LABELS[name];
      if (listField) {
        this.list = listField;
        if (value !== '') {
          task[listField].push(...splitList(value));
        }
        return;
      }
      if (textField && value !== '') {
        this.list = undefined;
        setText(task, textField, value);
        return;
      }
    }
    const item = LIST_ITEM.exec(line);
    if (item && this.list) {
      const value = this.list === 'files' ? fileName(item[2]) : clean(item[2]);
      if (value !== '') {
        task[this.list].push(value);
      }
      return;
    }
    this.unread.push({ line: number, text: line });
  }

  private tableRow(row: string, number: number): void {
    const cells = splitRow(row);
    if (!this.table) {
      this.pendingHeader = cells;
      return;
    }
    if (!this.table.includes('name')) {
      return;
    }
    if (cells.length !== this.table.length) {
      this.unread.push({ line: number, text: row });
      return;
    }
    const task = emptyTask(number, '');
    task.group = this.group;
    this.table.forEach((field, i) => {
      const cell = cells[i];
      if (field === undefined || cell.trim() === '') {
        return;
      }
      if (
        field === 'files' ||
        field === 'deliverables' ||
        field === 'acceptance' ||
        field === 'checklist'
      ) {
        task[field].push(...splitList(cell));
      } else {
        setText(task, field, cell);
      }
    });
    if (task.name === '') {
      this.unread.push({ line: number, text: row });
      return;
    }
    this.tasks.push(task);
  }
}

function emptyTask(line: number, name: string): ImportedTask {
  return {
    line,
    name,
    criticalReview: false,
    files: [],
    deliverables: [],
    acceptance: [],
    checklist: [],
  };
}

function setText(task: ImportedTask, field: TextField, raw: string): void {
  const value = clean(raw);
  switch (field) {
    case 'priority':
      // `**CRITICAL** (blocks the audit)`: the level is the first word.
      task.priority = value.split(/[\s(]/)[0];
      return;
    case 'branch': {
      const code = /`([^`]+)`/.exec(raw);
      if (code) {
        task.branch = code[1];
      }
      return;
    }
    case 'reviewer':
      task.reviewer = value;
      task.criticalReview ||= /critical/i.test(value);
      return;
    default:
      task[field] = value;
  }
}

/** Markdown emphasis, emoji and stray spaces removed; code spans kept as their text. */
function clean(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/\p{Extended_Pictographic}\uFE0F?/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function fileName(text: string): string {
  const code = /`([^`]+)`/.exec(text);
  return code ? code[1] : clean(text);
}

/** `a.py`, `b.py` or `a, b` in one cell. */
function splitList(cell: string): string[] {
  const codes = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  if (codes.length > 0) {
    return codes;
  }
  return cell
    .split(/,\s*/)
    .map(clean)
    .filter((item) => item !== '');
}

function splitRow(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function sameId(a: string, b: string): boolean {
  const key = (id: string) => id.toLowerCase().replace(/^#/, '');
  return key(a) === key(b);
}
