import * as vscode from 'vscode';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { rankAttention, type AttentionItem } from '../model/attentionItem';

/** A feature's live contribution to the queue in the editor. `items` is called often: keep it cheap. */
export interface AttentionProvider {
  readonly onDidChange: vscode.Event<unknown>;
  items(session: FolderSession): readonly AttentionItem[];
}

export interface QueuedAttention {
  session: FolderSession;
  item: AttentionItem;
}

/** Quiet time after a change before the queue is gathered again. */
const GATHER_DELAY_MS = 30;

/**
 * The one attention queue of the window: what every registered provider says waits for a person,
 * in every folder, ranked. The view, the status bar, the quick pick, the dashboard and the
 * notifications all read it.
 */
export class AttentionQueue extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly providers = new Set<AttentionProvider>();
  private current: QueuedAttention[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly sessions: WorkspaceSessions) {
    super();
    this.register(sessions.onDidChange(() => this.gatherSoon()));
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  /** Adds a feature's items to the queue until the returned disposable is disposed. */
  addProvider(provider: AttentionProvider): vscode.Disposable {
    this.providers.add(provider);
    const listener = provider.onDidChange(() => this.gatherSoon());
    this.gatherSoon();
    return this.register({
      dispose: () => {
        listener.dispose();
        this.providers.delete(provider);
        this.gatherSoon();
      },
    });
  }

  get items(): readonly QueuedAttention[] {
    return this.current;
  }

  /** Gathers now (the view and tests call this after a change they know of). */
  gather(): readonly QueuedAttention[] {
    const next: QueuedAttention[] = [];
    for (const session of this.sessions.all) {
      const items = rankAttention([...this.providers].flatMap((p) => p.items(session)));
      next.push(...items.map((item) => ({ session, item })));
    }
    const same =
      next.length === this.current.length &&
      next.every((entry, i) => entry.item.id === this.current[i]!.item.id);
    this.current = next;
    if (!same) {
      this.changed.fire();
    }
    return next;
  }

  private gatherSoon(): void {
    if (this.timer || this.isDisposed) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.gather();
    }, GATHER_DELAY_MS);
  }
}
