import type { DashboardAttentionItem } from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';

const ICONS: Record<string, string> = {
  agentNeedsInput: 'bell-dot',
  agentFailed: 'error',
  guardrailFailed: 'shield',
  conflict: 'git-merge',
  reviewOverdue: 'eye',
  agentFinished: 'pass-filled',
  reviewRequested: 'eye',
  waitOver: 'play',
  agentStale: 'watch',
};

/** Longer queues show their first entries and a count of the rest. */
const LIMIT = 20;

/** What waits for a person, at the top of the page; a click goes where the item says. */
export class AttentionView {
  readonly element = el('div', { className: 'attention' });

  constructor(private readonly open: (id: string) => void) {}

  render(items: readonly DashboardAttentionItem[] | undefined): void {
    const all = items ?? [];
    if (all.length === 0) {
      replaceChildren(this.element, [
        el('p', { className: 'muted', text: 'Nothing waits for you.' }),
      ]);
      return;
    }
    const shown = all.slice(0, LIMIT);
    replaceChildren(this.element, [
      el('ul', { className: 'queue attention-list' }, [
        ...shown.map((item) => {
          const button = el('button', {
            className: 'link-button',
            text: item.title,
            title: item.since ? `${item.title} (since ${item.since})` : item.title,
            dataset: { attention: item.kind },
          });
          button.addEventListener('click', () => this.open(item.id));
          return el('li', {}, [
            icon(ICONS[item.kind] ?? 'bell'),
            ' ',
            button,
            item.detail
              ? el('div', { className: 'queue-detail muted', text: item.detail })
              : undefined,
          ]);
        }),
        all.length > shown.length &&
          el('li', { className: 'muted', text: `and ${all.length - shown.length} more` }),
      ]),
    ]);
  }
}
