import * as vscode from 'vscode';
import { coordinatorSettings } from '../settings';
import type { LoadedTaskFile } from '../../../../kernel/model/types';
import type { TaskEdit } from '../../../../kernel/edits/types';
import { discoverTaskFile } from '../../../../platform/taskfile/discover';
import { TaskFileStore } from '../../../../platform/taskfile/store';
import { Settings } from '../constants';
import { Disposable } from '../lifecycle';
import type { FolderSession } from '../services';
import { Debouncer } from './debouncer';
import { gitHeadPath } from './gitHeadPath';
import { keepLastGood } from './keepLastGood';
import { TaskFileWatchers, watchTaskFilesInFolder } from './taskFileWatchers';

/** Quiet time after the last file event before reading; keeps external writes visible well within 300 ms. */
const REREAD_DELAY_MS = 40;

/** One workspace folder's live view of its canonical task file. */
export class TaskFolderSession extends Disposable implements FolderSession {
  private currentFile: vscode.Uri | undefined;
  private currentState: LoadedTaskFile | undefined;
  private store: TaskFileStore | undefined;
  private watchers: TaskFileWatchers | undefined;
  private watchedHead: string | undefined;
  /** Reads, discoveries and our own writes run one after another so states arrive in order. */
  private queue: Promise<void> = Promise.resolve();

  private readonly changed = this.register(new vscode.EventEmitter<FolderSession>());
  readonly onDidChange = this.changed.event;

  private readonly rereadSoon = this.register(
    new Debouncer(REREAD_DELAY_MS, () => void this.enqueue(() => this.reread())),
  );
  private readonly rediscoverSoon = this.register(
    new Debouncer(REREAD_DELAY_MS, () => void this.reload()),
  );

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => this.watchers?.dispose() });
    this.register(watchTaskFilesInFolder(folder, () => this.rediscoverSoon.trigger()));
  }

  get taskFile(): vscode.Uri | undefined {
    return this.currentFile;
  }

  get state(): LoadedTaskFile | undefined {
    return this.currentState;
  }

  reload(): Promise<void> {
    return this.enqueue(() => this.discoverAndRead());
  }

  async apply(edits: TaskEdit | TaskEdit[]): Promise<void> {
    await this.enqueue(async () => {
      if (!this.store || !this.currentFile) {
        throw new Error(
          `No task file in ${this.folder.name}: create one or pick one with "Select Task File…".`,
        );
      }
      if (this.currentState?.broken) {
        throw new Error(
          `${vscode.workspace.asRelativePath(this.currentFile)} has errors; fix them (see the Problems panel) before changing tasks.`,
        );
      }
      const result = await this.store.apply(edits);
      this.setState(result);
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.isDisposed ? undefined : step()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async discoverAndRead(): Promise<void> {
    const configured = coordinatorSettings(this.folder.uri).text(Settings.taskFile, { trim: true });
    const [found, head] = await Promise.all([
      discoverTaskFile(this.folder.uri.fsPath, configured ? { configured } : undefined),
      gitHeadPath(this.folder.uri.fsPath),
    ]);
    if (this.isDisposed) {
      return;
    }
    const fileChanged = found !== this.currentFile?.fsPath;
    if (fileChanged || head !== this.watchedHead || !this.watchers) {
      this.watchers?.dispose();
      this.watchedHead = head;
      this.watchers = new TaskFileWatchers(
        { folder: this.folder, taskFile: found, gitHead: head },
        () => this.rereadSoon.trigger(),
        () => this.rediscoverSoon.trigger(),
      );
    }
    if (fileChanged) {
      this.log.info(
        found
          ? `${this.folder.name}: task file ${found}`
          : `${this.folder.name}: no task file found`,
      );
      this.currentFile = found ? vscode.Uri.file(found) : undefined;
      this.store = found ? new TaskFileStore(found) : undefined;
      this.currentState = undefined;
    }
    if (!this.store) {
      if (fileChanged) {
        this.changed.fire(this);
      }
      return;
    }
    await this.reread(fileChanged);
  }

  private async reread(forceFire = false): Promise<void> {
    if (!this.store) {
      return this.discoverAndRead();
    }
    let next: LoadedTaskFile;
    try {
      next = await this.store.read();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        // Deleted, or moved by a checkout: find the file again.
        this.currentFile = undefined;
        this.store = undefined;
        this.currentState = undefined;
        return this.discoverAndRead();
      }
      this.log.error(
        `Could not read ${this.currentFile?.fsPath ?? 'the task file'}: ${String(error)}`,
      );
      return;
    }
    if (!forceFire && next.text === this.currentState?.text) {
      return;
    }
    this.setState(next);
  }

  private setState(next: LoadedTaskFile): void {
    if (this.isDisposed) {
      return;
    }
    const previous = this.currentState;
    this.currentState = keepLastGood(next, previous);
    if (next.broken && !previous?.broken) {
      this.log.warn(
        `${this.currentFile?.fsPath ?? 'task file'} has errors; showing the last good state`,
      );
    }
    this.changed.fire(this);
  }
}
