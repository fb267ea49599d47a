import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import { mainWorktreeRoot } from '../../../platform/git';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { Debouncer } from '../../common/vscode/session/debouncer';
import { watchGitDir } from './gitDirWatcher';
import { RepositoryWorktrees } from './repositoryWorktrees';
import { worktreeTreeItem } from './worktreeTreeItems';
import type { WorktreeNode, WorktreeTreeNode } from './worktreeTreeNodes';
import type { TaskItemDecorator } from '../../tasks/vscode/taskItemDecorator';
import type { WorktreeItemDecorator } from './worktreeItemDecorator';

/**
 * The `coordinator.worktrees` view: every worktree of each repository the workspace folders belong
 * to. Rows come from one `git worktree list`; status fills in afterwards (see RepositoryWorktrees).
 */
export class WorktreesTreeProvider
  extends Disposable
  implements vscode.TreeDataProvider<WorktreeTreeNode>
{
  private readonly changed = this.register(new vscode.EventEmitter<WorktreeTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly repoChanged = this.register(new vscode.EventEmitter<RepositoryWorktrees>());
  /** Fires when a repository's rows or status changed (the dashboard listens). */
  readonly onDidChangeRepository = this.repoChanged.event;
  private resolving: Promise<RepositoryWorktrees[]> | undefined;
  private repos: RepositoryWorktrees[] = [];
  private readonly repoListeners: vscode.Disposable[] = [];
  private readonly decorators = new Set<TaskItemDecorator>();
  private readonly rowDecorators = new Set<WorktreeItemDecorator>();
  private readonly debouncers = new Map<RepositoryWorktrees, Debouncer>();

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly configuredBase: (session: FolderSession) => string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => this.dropRepositories() });
  }

  /** Adds another feature's data (the agent's state) to the rows of worktrees linked to a task. */
  addDecorator(decorator: TaskItemDecorator): vscode.Disposable {
    this.decorators.add(decorator);
    const listener = decorator.onDidChange(() => this.changed.fire(undefined));
    this.changed.fire(undefined);
    return new vscode.Disposable(() => {
      listener.dispose();
      this.decorators.delete(decorator);
    });
  }

  /** Adds another feature's data (the conflict radar's) to every worktree row. */
  addRowDecorator(decorator: WorktreeItemDecorator): vscode.Disposable {
    this.rowDecorators.add(decorator);
    const listener = decorator.onDidChange(() => this.changed.fire(undefined));
    this.changed.fire(undefined);
    return new vscode.Disposable(() => {
      listener.dispose();
      this.rowDecorators.delete(decorator);
    });
  }

  /** The repositories of the workspace folders, resolved once per folder change. */
  repositories(): Promise<RepositoryWorktrees[]> {
    this.resolving ??= this.resolveRepositories();
    return this.resolving;
  }

  /** The repository a workspace folder belongs to. */
  async repositoryFor(folder: vscode.WorkspaceFolder): Promise<RepositoryWorktrees | undefined> {
    const repos = await this.repositories();
    return repos.find((repo) =>
      repo.sessions.some((session) => session.folder.uri.toString() === folder.uri.toString()),
    );
  }

  /** Lists every repository's worktrees again; `fresh` asks git for every worktree's changes. */
  async refresh(options: { fresh?: boolean } = {}): Promise<void> {
    const repos = await this.repositories();
    await Promise.all(repos.map((repo) => repo.refresh(options)));
  }

  /** A document was saved in place: re-read the worktree holding it, soon. */
  noteSaved(filePath: string): void {
    for (const repo of this.repos) {
      if (repo.noteSaved(filePath)) {
        this.debouncers.get(repo)?.trigger();
      }
    }
  }

  /** Lists again only the repositories listed before (the view became visible again). */
  refreshListed(): void {
    for (const repo of this.repos) {
      if (repo.entries) {
        void repo.refresh();
      }
    }
  }

  /** Resolves when every repository's listing and status are read. */
  async settled(): Promise<void> {
    const repos = await this.repositories();
    await Promise.all(repos.map((repo) => repo.settled()));
  }

  /** Folders were added or removed: find the repositories again. */
  reset(): void {
    this.resolving = undefined;
    this.changed.fire(undefined);
  }

  /** The task file changed: re-link rows to tasks. */
  relink(): void {
    for (const repo of this.repos) {
      repo.relink();
    }
  }

  getTreeItem(node: WorktreeTreeNode): vscode.TreeItem {
    if (node.kind === 'worktree') {
      const item = worktreeTreeItem(node, Date.now() / 1000);
      const session = node.repo.taskSession;
      const task = node.info.taskKey ? node.repo.model?.byKey.get(node.info.taskKey) : undefined;
      if (session && task) {
        for (const decorator of this.decorators) {
          decorator.decorate(item, session, task);
        }
      }
      if (session) {
        for (const decorator of this.rowDecorators) {
          decorator.decorate(item, session, node.info, task);
        }
      }
      return item;
    }
    if (node.kind === 'repository') {
      const item = new vscode.TreeItem(
        node.repo.mainRoot,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `repository:${node.repo.mainRoot}`;
      item.iconPath = new vscode.ThemeIcon('repo');
      item.contextValue = 'repository;';
      return item;
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'worktreeMessage;';
    return item;
  }

  async getChildren(node?: WorktreeTreeNode): Promise<WorktreeTreeNode[]> {
    if (node?.kind === 'repository') {
      return this.rowsOf(node.repo);
    }
    if (node) {
      return [];
    }
    const repos = await this.repositories();
    if (repos.length === 0) {
      return [{ kind: 'worktreeMessage', text: 'No git repository in this workspace.' }];
    }
    if (repos.length === 1 && repos[0]) {
      return this.rowsOf(repos[0]);
    }
    return repos.map((repo) => ({ kind: 'repository', repo }));
  }

  /** The worktree rows currently shown (for commands and tests). */
  async worktreeNodes(): Promise<WorktreeNode[]> {
    const repos = await this.repositories();
    const rows = await Promise.all(repos.map((repo) => this.rowsOf(repo)));
    return rows.flat().filter((row): row is WorktreeNode => row.kind === 'worktree');
  }

  private async rowsOf(repo: RepositoryWorktrees): Promise<WorktreeTreeNode[]> {
    await repo.ensureListed();
    if (repo.error) {
      return [{ kind: 'worktreeMessage', text: `Could not list worktrees: ${repo.error}`, repo }];
    }
    return (repo.entries ?? []).map((info) => ({ kind: 'worktree', repo, info }));
  }

  private async resolveRepositories(): Promise<RepositoryWorktrees[]> {
    const byRoot = new Map<string, FolderSession[]>();
    for (const session of this.sessions.all) {
      const root = await mainWorktreeRoot(session.folder.uri.fsPath).catch(() => undefined);
      if (!root) {
        continue;
      }
      const key = await realpath(root).catch(() => root);
      byRoot.set(key, [...(byRoot.get(key) ?? []), session]);
    }
    this.dropRepositories();
    this.repos = [...byRoot].map(([root, sessions]) => {
      const repo = new RepositoryWorktrees(
        root,
        sessions,
        () => (sessions[0] ? this.configuredBase(sessions[0]) : ''),
        this.log,
      );
      this.repoListeners.push(
        repo,
        repo.onDidChange((changed) => {
          this.changed.fire(undefined);
          this.repoChanged.fire(changed);
        }),
      );
      this.watch(repo);
      return repo;
    });
    return this.repos;
  }

  private watch(repo: RepositoryWorktrees): void {
    const debouncer = new Debouncer(400, () => void repo.refresh());
    this.debouncers.set(repo, debouncer);
    this.repoListeners.push(debouncer);
    void watchGitDir(repo.mainRoot, () => debouncer.trigger()).then(
      (watcher) =>
        this.repos.includes(repo) ? this.repoListeners.push(watcher) : watcher.dispose(),
      (error: unknown) =>
        this.log.warn(`Not watching the git dir of ${repo.mainRoot}: ${String(error)}`),
    );
  }

  private dropRepositories(): void {
    for (const listener of this.repoListeners.splice(0).reverse()) {
      listener.dispose();
    }
    this.repos = [];
    this.debouncers.clear();
  }
}
