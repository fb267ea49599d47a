import type { DashboardGuardrail, GuardrailVerdict } from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';
import { formatAge, formatDuration } from '../labels';

const VERDICT_ICONS: Record<GuardrailVerdict, string> = {
  passed: 'pass',
  failed: 'error',
  running: 'loading',
  skipped: 'debug-step-over',
  unknown: 'circle-large-outline',
};

export class GuardrailsView {
  readonly element = el('div', { className: 'guardrails' });
  private guardrails: readonly DashboardGuardrail[] = [];

  constructor(private readonly run: (key: string) => void) {}

  render(guardrails: readonly DashboardGuardrail[]): void {
    this.guardrails = guardrails;
    this.refresh();
  }

  /** Re-renders so that ages stay current. */
  refresh(now = Date.now()): void {
    if (this.guardrails.length === 0) {
      replaceChildren(this.element, [
        el('p', { className: 'muted', text: 'No guardrails in the task file.' }),
      ]);
      return;
    }
    const rows = this.guardrails.map((guardrail) => {
      const runButton = el('vscode-button', {
        text: 'Run',
        attrs: { secondary: true, icon: 'play', 'aria-label': `Run guardrail ${guardrail.key}` },
      });
      runButton.addEventListener('click', () => this.run(guardrail.key));
      return el('tr', { dataset: { guardrail: guardrail.key } }, [
        el('td', {}, [
          el('span', { className: `verdict verdict-${guardrail.verdict}` }, [
            icon(VERDICT_ICONS[guardrail.verdict]),
            ` ${guardrail.verdict}`,
          ]),
        ]),
        el('td', {}, [
          el('span', { text: guardrail.key }),
          guardrail.required ? el('span', { className: 'tag', text: 'required' }) : undefined,
        ]),
        el('td', {
          className: 'mono',
          text: guardrail.command ?? '',
          title: guardrail.command ?? '',
        }),
        el('td', { text: formatAge(guardrail.lastRun, now), title: guardrail.lastRun ?? '' }),
        el('td', { text: formatDuration(guardrail.durationMs) }),
        el('td', {}, [runButton]),
      ]);
    });
    replaceChildren(this.element, [
      el('table', { className: 'table' }, [
        el('thead', {}, [
          el(
            'tr',
            {},
            ['Verdict', 'Guardrail', 'Command', 'Last run', 'Took', ''].map((h) =>
              el('th', { text: h }),
            ),
          ),
        ]),
        el('tbody', {}, rows),
      ]),
    ]);
  }
}
