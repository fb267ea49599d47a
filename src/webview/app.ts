import { applyDashboardDelta } from '../features/dashboard/model/delta';
import type { DashboardDelta, DashboardTask, DashboardViewModel } from '../protocol/dashboardModel';
import type { HostMessage } from '../protocol/messages';
import { el } from './dom';
import type { BoardFilters } from './filters';
import { readPersisted, type PersistedState } from './persisted';
import { AttentionView } from './sections/attention';
import { BoardView } from './sections/board';
import { ConflictMatrixView } from './sections/conflicts';
import { FilterBar } from './sections/filterBar';
import { GraphView } from './sections/graph';
import { GuardrailsView } from './sections/guardrails';
import { HeaderView } from './sections/header';
import { HistoryView } from './sections/history';
import { ProgressView } from './sections/progress';
import { QueuesView } from './sections/queues';
import { section } from './sections/section';
import { SummaryCardsView } from './sections/summaryCards';
import { TaskDetailView } from './sections/taskDetail';
import { WorktreesView } from './sections/worktrees';
import type { HostConnection } from './vscodeApi';

/** Sections the header shows; a removed one arrives as `null`, so presence is what counts. */
const HEADER_SECTIONS = [
  'folderName',
  'taskFile',
  'lastUpdated',
  'broken',
  'problems',
  'github',
] as const;

/** The dashboard page: renders the first full state, then applies deltas section by section. */
export class DashboardApp {
  private model: DashboardViewModel | undefined;
  private byKey = new Map<string, DashboardTask>();
  private readonly persisted: PersistedState;
  private scrollRestored = false;

  private readonly header: HeaderView;
  private readonly cards = new SummaryCardsView();
  private readonly progress = new ProgressView();
  private readonly filterBar: FilterBar;
  private readonly board: BoardView;
  private readonly detail: TaskDetailView;
  private readonly graphDetail: TaskDetailView;
  private readonly graph: GraphView;
  private readonly queues = new QueuesView({ select: (key) => this.select(key, true) });
  private readonly guardrails: GuardrailsView;
  private readonly worktrees = new WorktreesView({ select: (key) => this.select(key, true) });
  private readonly history = new HistoryView();
  private readonly attention: AttentionView;
  private readonly conflicts = new ConflictMatrixView((key) => {
    if (this.byKey.has(key)) {
      this.select(key, true);
    }
  });

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostConnection,
  ) {
    this.persisted = readPersisted(host.getState());
    this.filterBar = new FilterBar(this.persisted.filters, (filters) => this.setFilters(filters));
    this.board = new BoardView(this.persisted.filters, (key) => this.select(key, false));
    this.detail = new TaskDetailView(
      (message) => host.post(message),
      (key) => this.select(key, true),
    );
    this.graphDetail = new TaskDetailView(
      (message) => host.post(message),
      (key) => this.select(key, false),
    );
    this.graphDetail.element.classList.add('graph-detail');
    this.graph = new GraphView((key) => this.select(key, false), this.graphDetail.element);
    this.graph.setFilters(this.persisted.filters);
    this.guardrails = new GuardrailsView((key) =>
      host.post({ type: 'runGuardrail', guardrailKey: key }),
    );
    this.header = new HeaderView(() => host.post({ type: 'signInToGitHub' }));
    this.attention = new AttentionView((id) => host.post({ type: 'openAttentionItem', id }));
    root.replaceChildren(
      this.header.element,
      el('main', {}, [
        section('attention', 'Needs attention', this.attention.element),
        section('summary', 'Summary', this.cards.element),
        section('progress', 'Progress', this.progress.element),
        section(
          'board',
          'Board',
          el('div', {}, [
            this.filterBar.element,
            el('div', { className: 'board-layout' }, [this.board.element, this.detail.element]),
          ]),
        ),
        section('graph', 'Dependency graph', this.graph.element),
        section('queues', 'Blockers and critical reviews', this.queues.element),
        section('guardrails', 'Guardrails', this.guardrails.element),
        section('worktrees', 'Worktrees', this.worktrees.element),
        section('conflicts', 'Conflict forecast', this.conflicts.element),
        section('history', 'Completion over time', this.history.element),
      ]),
    );
    root.setAttribute('aria-busy', 'true');
    window.addEventListener('scroll', this.onScroll, { passive: true });
    setInterval(() => {
      this.guardrails.refresh();
      this.header.refresh();
    }, 60_000);
  }

  handle(message: HostMessage): void {
    if (message.type === 'state') {
      this.render(message.model);
    } else if (message.type === 'delta' && this.model) {
      this.update(message.delta);
    }
  }

  private render(model: DashboardViewModel): void {
    this.model = model;
    this.byKey = new Map(model.tasks.map((task) => [task.key, task]));
    this.persist({ folderUri: model.folderUri });
    this.header.render(model);
    this.cards.render(model.summary);
    this.progress.render(model);
    this.filterBar.setChoices(model);
    this.board.renderAll(model.tasks);
    this.graph.update(model.tasks, this.byKey);
    this.queues.render(model, this.byKey);
    this.guardrails.render(model.guardrails);
    this.worktrees.render(model.worktrees);
    this.history.render(model.history);
    this.attention.render(model.attention);
    this.conflicts.render(model.conflicts);
    this.showSelected();
    this.root.setAttribute('aria-busy', 'false');
    this.root.dataset.rendered = 'true';
    if (!this.scrollRestored) {
      this.scrollRestored = true;
      window.scrollTo(0, this.persisted.scrollY);
    }
  }

  private update(delta: DashboardDelta): void {
    const model = applyDashboardDelta(this.model!, delta);
    this.model = model;
    for (const key of delta.removed) {
      this.byKey.delete(key);
    }
    for (const task of delta.changed) {
      this.byKey.set(task.key, task);
    }
    const sections = delta.sections;
    if (HEADER_SECTIONS.some((name) => name in sections)) {
      this.header.render(model);
    }
    if (sections.summary) {
      this.cards.render(model.summary);
    }
    if (
      sections.byOwner ||
      sections.byPriority ||
      sections.successCriteria ||
      sections.successOverTime
    ) {
      this.progress.render(model);
    }
    if (sections.byOwner || sections.byPriority || sections.groups) {
      this.filterBar.setChoices(model);
    }
    if (delta.order) {
      this.board.renderAll(model.tasks);
    } else {
      this.board.updateTasks(delta.changed, delta.removed);
    }
    this.graph.update(
      model.tasks,
      this.byKey,
      delta.removed.length > 0 || delta.order ? undefined : delta.changed,
    );
    if (
      sections.blockerQueue ||
      sections.reviewQueue ||
      sections.overdueReviews ||
      this.touchesQueues(model, delta)
    ) {
      this.queues.render(model, this.byKey);
    }
    if (sections.guardrails) {
      this.guardrails.render(model.guardrails);
    }
    if (sections.worktrees) {
      this.worktrees.render(model.worktrees);
    }
    if ('attention' in sections) {
      this.attention.render(model.attention);
    }
    if ('conflicts' in sections) {
      this.conflicts.render(model.conflicts);
    }
    if (sections.history) {
      this.history.render(model.history);
    }
    if (
      this.persisted.selectedKey &&
      delta.changed.some((task) => task.key === this.persisted.selectedKey)
    ) {
      this.showSelected();
    }
  }

  /** Whether a changed task is one the queues show (their names and details are drawn there). */
  private touchesQueues(model: DashboardViewModel, delta: DashboardDelta): boolean {
    const shown = new Set([...model.blockerQueue.slice(0, 50), ...model.reviewQueue.slice(0, 50)]);
    return delta.changed.some((task) => shown.has(task.key));
  }

  private select(key: string, focusOnBoard: boolean): void {
    this.persist({ selectedKey: key });
    this.showSelected();
    if (focusOnBoard) {
      this.board.focusTask(key);
    }
  }

  private showSelected(): void {
    const key = this.persisted.selectedKey;
    this.board.setSelected(key);
    this.graph.setSelected(key);
    const task = key ? this.byKey.get(key) : undefined;
    this.detail.render(task);
    this.graphDetail.render(task);
  }

  private setFilters(filters: BoardFilters): void {
    this.persist({ filters });
    this.board.setFilters(filters);
    this.graph.setFilters(filters);
  }

  private scrollPending = false;
  private readonly onScroll = (): void => {
    if (this.scrollPending) {
      return;
    }
    this.scrollPending = true;
    requestAnimationFrame(() => {
      this.scrollPending = false;
      if (this.scrollRestored) {
        this.persist({ scrollY: window.scrollY });
      }
    });
  };

  private persist(change: Partial<PersistedState>): void {
    Object.assign(this.persisted, change);
    this.host.setState(this.persisted);
  }
}
