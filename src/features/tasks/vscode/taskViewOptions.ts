import * as vscode from 'vscode';
import { coordinatorSettings } from '../../common/vscode/settings';
import { SETTINGS } from '../../../kernel/config/settingsTable';
import { NO_FILTERS, TASK_FILTER_NAMES, type TaskFilters } from '../model/filters';
import { GROUP_BY_VALUES, type GroupBy } from '../model/grouping';
import { SORT_BY_VALUES, type SortBy } from '../model/ordering';
import type { TaskTreeOptions } from '../model/buildTree';
import { ContextKeys, Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';

const STATE_KEY = 'coordinator.tasks.viewOptions';

interface StoredOptions {
  groupBy?: GroupBy;
  sortBy?: SortBy;
  filters?: Partial<TaskFilters>;
}

const FILTER_CONTEXT_KEYS: Record<keyof TaskFilters, string> = {
  ready: ContextKeys.tasksFilterReady,
  mine: ContextKeys.tasksFilterMine,
  blocked: ContextKeys.tasksFilterBlocked,
  hideCompleted: ContextKeys.tasksHideCompleted,
};

/**
 * How the task tree is grouped, ordered and filtered. Group and sort default to the settings; a
 * choice made from the view title is kept per workspace until the setting itself changes.
 * Context keys mirror the state so the view-title menus show check marks.
 */
export class TaskViewOptions extends Disposable {
  private stored: StoredOptions;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    super();
    this.stored = memento.get<StoredOptions>(STATE_KEY) ?? {};
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        const section = Settings.section;
        const groupByChanged = event.affectsConfiguration(`${section}.${Settings.tasksGroupBy}`);
        const sortByChanged = event.affectsConfiguration(`${section}.${Settings.tasksSortBy}`);
        if (groupByChanged || sortByChanged) {
          this.save({
            ...this.stored,
            groupBy: groupByChanged ? undefined : this.stored.groupBy,
            sortBy: sortByChanged ? undefined : this.stored.sortBy,
          });
        } else if (event.affectsConfiguration(`${section}.${Settings.me}`)) {
          this.publish();
        }
      }),
    );
    this.publishContext();
  }

  get current(): TaskTreeOptions {
    const settings = coordinatorSettings();
    return {
      groupBy:
        this.stored.groupBy ??
        oneOf(
          settings.text(Settings.tasksGroupBy),
          GROUP_BY_VALUES,
          SETTINGS['tasks.groupBy'].default,
        ),
      sortBy:
        this.stored.sortBy ??
        oneOf(
          settings.text(Settings.tasksSortBy),
          SORT_BY_VALUES,
          SETTINGS['tasks.sortBy'].default,
        ),
      filters: { ...NO_FILTERS, ...this.stored.filters },
      me: settings.text(Settings.me, { trim: true }),
    };
  }

  setGroupBy(groupBy: GroupBy): void {
    this.save({ ...this.stored, groupBy });
  }

  setSortBy(sortBy: SortBy): void {
    this.save({ ...this.stored, sortBy });
  }

  toggleFilter(name: keyof TaskFilters): void {
    const filters = this.current.filters;
    this.save({ ...this.stored, filters: { ...filters, [name]: !filters[name] } });
  }

  clearFilters(): void {
    this.save({ ...this.stored, filters: { ...NO_FILTERS } });
  }

  private save(next: StoredOptions): void {
    this.stored = next;
    void this.memento.update(STATE_KEY, next);
    this.publish();
  }

  private publish(): void {
    this.publishContext();
    this.changed.fire();
  }

  private publishContext(): void {
    const { groupBy, sortBy, filters } = this.current;
    const set = (key: string, value: unknown) =>
      void vscode.commands.executeCommand('setContext', key, value);
    set(ContextKeys.tasksGroupBy, groupBy);
    set(ContextKeys.tasksSortBy, sortBy);
    for (const name of TASK_FILTER_NAMES) {
      set(FILTER_CONTEXT_KEYS[name], filters[name]);
    }
    set(
      ContextKeys.tasksFiltered,
      TASK_FILTER_NAMES.some((name) => filters[name]),
    );
  }
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}
