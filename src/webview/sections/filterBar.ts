import { PRIORITIES } from '../../kernel/model/types';
import type { DashboardViewModel } from '../../protocol/dashboardModel';
import { el, replaceChildren } from '../dom';
import type { BoardFilters } from '../filters';

type ValueElement = HTMLElement & { value: string };

/** Owner, priority, group and text filters for the board, built from vscode-elements controls. */
export class FilterBar {
  readonly element = el('div', { className: 'filter-bar', attrs: { role: 'search' } });
  private readonly text = el('vscode-textfield', {
    attrs: { placeholder: 'Filter by name, key, branch…', 'aria-label': 'Filter tasks by text' },
  }) as ValueElement;
  private readonly owner = this.select('Owner');
  private readonly priority = this.select('Priority');
  private readonly group = this.select('Group');
  private optionSignature = '';

  constructor(
    private filters: BoardFilters,
    private readonly onChange: (filters: BoardFilters) => void,
  ) {
    this.text.value = filters.text;
    this.text.addEventListener('input', () => this.changed('text', this.text.value));
    this.owner.addEventListener('change', () => this.changed('owner', this.owner.value));
    this.priority.addEventListener('change', () => this.changed('priority', this.priority.value));
    this.group.addEventListener('change', () => this.changed('group', this.group.value));
    const clear = el('vscode-button', {
      text: 'Clear',
      attrs: { secondary: true, icon: 'clear-all' },
    });
    clear.addEventListener('click', () => this.reset());
    this.element.append(
      this.text,
      this.labelled('Owner', this.owner),
      this.labelled('Priority', this.priority),
      this.labelled('Group', this.group),
      clear,
    );
  }

  /** Rebuilds the choices when the plan's owners or groups change, keeping the chosen values. */
  setChoices(model: DashboardViewModel): void {
    const owners = model.byOwner.map((row) => row.owner);
    const priorities = [
      ...PRIORITIES,
      ...(model.byPriority.some((row) => row.priority === 'none') ? ['none'] : []),
    ];
    const signature = JSON.stringify([owners, priorities, model.groups]);
    if (signature === this.optionSignature) {
      return;
    }
    this.optionSignature = signature;
    this.fill(this.owner, 'All owners', owners, this.filters.owner);
    this.fill(this.priority, 'All priorities', priorities, this.filters.priority);
    this.fill(this.group, 'All groups', model.groups, this.filters.group);
  }

  private reset(): void {
    this.filters = { owner: '', priority: '', group: '', text: '' };
    this.text.value = '';
    this.owner.value = '';
    this.priority.value = '';
    this.group.value = '';
    this.onChange(this.filters);
  }

  private changed(name: keyof BoardFilters, value: string): void {
    if (this.filters[name] === value) {
      return;
    }
    this.filters = { ...this.filters, [name]: value };
    this.onChange(this.filters);
  }

  private select(label: string): ValueElement {
    return el('vscode-single-select', {
      attrs: { 'aria-label': `Filter by ${label.toLowerCase()}` },
    }) as ValueElement;
  }

  private labelled(label: string, control: HTMLElement): HTMLElement {
    return el('label', { className: 'filter' }, [
      el('span', { className: 'muted', text: label }),
      control,
    ]);
  }

  private fill(
    select: ValueElement,
    allLabel: string,
    values: readonly string[],
    chosen: string,
  ): void {
    replaceChildren(select, [
      el('vscode-option', { text: allLabel, attrs: { value: '' } }),
      ...values.map((value) =>
        el('vscode-option', { text: value, attrs: { value, selected: value === chosen } }),
      ),
    ]);
    select.value = values.includes(chosen) ? chosen : '';
  }
}
