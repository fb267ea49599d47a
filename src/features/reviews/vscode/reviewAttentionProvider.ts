import * as vscode from 'vscode';
import type { AttentionItem } from '../../attention/model/attentionItem';
import type { AttentionProvider } from '../../attention/vscode/attentionQueue';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { reviewAttentionItems } from '../reviewAttention';
import { reviewQueue } from '../reviewQueue';

/** Quiet time after a plan change before the review queue (git) is read again. */
const DEBOUNCE_MS = 2000;

/** Requested and overdue reviews, read again (in the background) when the plan changes. */
export class ReviewAttentionProvider extends Disposable implements AttentionProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly found = new Map<FolderSession, AttentionItem[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(sessions.onDidChange(() => this.schedule()));
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
    this.schedule();
  }

  items(session: FolderSession): readonly AttentionItem[] {
    return this.found.get(session) ?? [];
  }

  private schedule(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => void this.read(), DEBOUNCE_MS);
  }

  private async read(): Promise<void> {
    this.timer = undefined;
    for (const session of this.sessions.all) {
      const model = session.state?.model;
      if (!model) {
        continue;
      }
      try {
        const queue = await reviewQueue({ folder: session.folder.uri.fsPath, model });
        if (this.isDisposed) {
          return;
        }
        this.found.set(session, reviewAttentionItems(queue));
      } catch (error) {
        this.log.warn(`Review queue of ${session.folder.name}: ${String(error)}`);
      }
    }
    this.changed.fire();
  }
}
