import * as vscode from 'vscode';
import { coordinatorSettings } from '../../common/vscode/settings';
import { Settings } from '../../common/vscode/constants';
import { newAnnouncements } from '../model/attentionItem';
import type { AttentionQueue } from './attentionQueue';
import { openAttentionItem, type TaskTerminalFinder } from './openAttentionItem';

/** Ids already announced, kept across reloads; the newest this many. */
const REMEMBERED = 500;
const SEEN_KEY = 'coordinator.attention.announced';

/**
 * Tells the person once per event when an agent needs input, fails or finishes, with a button
 * to its terminal when one is open (else to the task). Announced ids are remembered in the
 * workspace state, so a reload does not announce the same event again.
 */
export function registerAttentionNotifier(
  queue: AttentionQueue,
  memento: vscode.Memento,
  taskTerminal: TaskTerminalFinder,
  subscriptions: vscode.Disposable[],
): void {
  const remembered = memento.get<string[]>(SEEN_KEY, []);
  const seen = new Set(remembered);
  subscriptions.push(
    queue.onDidChange(() => {
      const fresh = newAnnouncements(
        queue.items.map((entry) => entry.item),
        seen,
      );
      if (fresh.length === 0) {
        return;
      }
      void memento.update(SEEN_KEY, [...seen].slice(-REMEMBERED));
      for (const item of fresh) {
        const entry = queue.items.find((queued) => queued.item.id === item.id);
        if (
          !entry ||
          !coordinatorSettings(entry.session.folder.uri).flag(Settings.notifyAgentAttention)
        ) {
          continue;
        }
        const taskKey = item.taskKey;
        const focus = taskKey && taskTerminal(taskKey) ? 'Focus Terminal' : 'Show Task';
        const show =
          item.kind === 'agentFinished'
            ? vscode.window.showInformationMessage
            : vscode.window.showWarningMessage;
        const text = item.detail ? `${item.title}: ${item.detail}` : item.title;
        void Promise.resolve(show(text, focus)).then((answer) => {
          if (answer === 'Focus Terminal' && taskKey) {
            taskTerminal(taskKey)?.show();
          } else if (answer === 'Show Task') {
            void openAttentionItem(
              entry.session,
              {
                ...item,
                target: taskKey ? { kind: 'task', taskKey } : item.target,
              },
              taskTerminal,
            );
          }
        });
      }
    }),
  );
}
