import * as vscode from 'vscode';
import type { TaskModel } from '../../../kernel/model/types';
import { defaultBranch, listWorktrees } from '../../../platform/git';
import { linkedTasks, listWorktreesWithStatus, type WorktreeInfo } from '..';
import type { FolderSession } from '../../common/vscode/services';
import type { PortAllocation } from '../model/portBlocks';
import { readPortLedger } from '../portAllocation';

/**
 * The worktrees of one repository as the view and the dashboard show them. Listing is two steps so
 * the view appears fast: `git worktree list` first (one call, rows right away, previous status kept
 * where HEAD did not move), then the status of every worktree in the background.
 */
export class RepositoryWorktrees implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RepositoryWorktrees>();
  /** Fires when rows or their status changed. */
  readonly onDidChange = this.changed.event;
  private rows: WorktreeInfo[] | undefined;
  private listing: Promise<void> | undefined;
  private generation = 0;
  private statusPending = false;
  private statusRun: Promise<void> = Promise.resolve();
  private failure: string | undefined;
  private baseName: string | undefined;
  private ports: ReadonlyMap<string, PortAllocation> = new Map();

  constructor(
    readonly mainRoot: string,
    /** The workspace folders that belong to this repository (the main checkout and/or its worktrees). */
    readonly sessions: readonly FolderSession[],
    private readonly configuredBase: () => string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get entries(): readonly WorktreeInfo[] | undefined {
    return this.rows;
  }

  /** True while the status of the listed rows is still being read. */
  get loadingStatus(): boolean {
    return this.statusPending;
  }

  get error(): string | undefined {
    return this.failure;
  }

  get base(): string | undefined {
    return this.baseName;
  }

  get model(): TaskModel | undefined {
    return this.sessions.find((session) => session.state?.model)?.state?.model;
  }

  /** The session whose task file the linked tasks come from. */
  get taskSession(): FolderSession | undefined {
    return this.sessions.find((session) => session.state?.model) ?? this.sessions[0];
  }

  /** The port block of a task's worktree, as the ledger said at the last listing. */
  portBlockOf(row: WorktreeInfo): PortAllocation | undefined {
    const byTask = row.taskKey ? this.ports.get(row.taskKey) : undefined;
    return byTask ?? [...this.ports.values()].find((block) => block.worktreePath === row.path);
  }

  /** Lists once; later calls wait for the same listing. */
  ensureListed(): Promise<void> {
    this.listing ??= this.list();
    return this.listing;
  }

  /** Lists again (rows first, status after). */
  refresh(): Promise<void> {
    this.listing = this.list();
    return this.listing;
  }

  /** Resolves when the current listing and its status reading are done. */
  async settled(): Promise<void> {
    await this.ensureListed();
    await this.statusRun;
  }

  /** Re-links rows to tasks after the task file changed, without asking git again. */
  relink(): void {
    const model = this.model;
    if (!this.rows) {
      return;
    }
    this.rows = this.rows.map((row) => withTask(row, model, this.mainRoot));
    this.changed.fire(this);
  }

  private async list(): Promise<void> {
    const generation = ++this.generation;
    void this.readPorts(generation);
    try {
      const [entries, base] = await Promise.all([listWorktrees(this.mainRoot), this.resolveBase()]);
      if (generation !== this.generation) {
        return;
      }
      const previous = new Map((this.rows ?? []).map((row) => [row.path, row]));
      const model = this.model;
      this.rows = entries.map((entry) => {
        const before = previous.get(entry.path);
        const kept =
          before && before.head === entry.head && before.branch === entry.branch
            ? { ...before, ...entry }
            : { ...entry };
        return withTask(kept, model, this.mainRoot);
      });
      this.baseName = base;
      this.failure = undefined;
      this.statusPending = true;
      this.changed.fire(this);
      this.statusRun = this.readStatus(generation, base);
    } catch (error) {
      if (generation === this.generation) {
        this.failure = error instanceof Error ? error.message : String(error);
        this.log.warn(`Listing the worktrees of ${this.mainRoot}: ${this.failure}`);
        this.changed.fire(this);
      }
    }
  }

  private async readStatus(generation: number, base: string | undefined): Promise<void> {
    try {
      const detailed = await listWorktreesWithStatus(this.mainRoot, { base, model: this.model });
      if (generation === this.generation) {
        this.rows = detailed;
      }
    } catch (error) {
      this.log.warn(
        `Reading worktree status in ${this.mainRoot}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      if (generation === this.generation) {
        this.statusPending = false;
        this.changed.fire(this);
      }
    }
  }

  private async readPorts(generation: number): Promise<void> {
    try {
      const ports = await readPortLedger(this.mainRoot);
      if (generation === this.generation) {
        this.ports = ports;
        this.changed.fire(this);
      }
    } catch (error) {
      this.log.warn(
        `Reading the port blocks of ${this.mainRoot}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async resolveBase(): Promise<string | undefined> {
    const configured = this.configuredBase().trim();
    return configured || (await defaultBranch(this.mainRoot).catch(() => undefined));
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
  }
}

function withTask(row: WorktreeInfo, model: TaskModel | undefined, mainRoot: string): WorktreeInfo {
  const tasks = model ? linkedTasks(row, model, mainRoot) : [];
  const { taskKey: _old, taskKeys: _oldKeys, ...rest } = row;
  return tasks.length > 0
    ? { ...rest, taskKey: tasks[0].key, taskKeys: tasks.map((task) => task.key) }
    : rest;
}
