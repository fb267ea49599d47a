import * as vscode from 'vscode';
import { formatAge, staleReason, describeStale } from '../model/freshness';
import { summarizeGuardrails, type GuardrailState } from '../model/summary';
import { Commands, StatusBarItems } from '../../common/vscode/constants';
import type { FreshnessTracker } from './freshnessTracker';
import type { GuardrailController } from './guardrailController';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';

const REDRAW_EVERY_MS = 60_000;

/**
 * `$(shield) 3/4`: required guardrails passing in the active folder. Error background when a
 * required one failed, warning while running or when a pass is stale; a click offers run and output.
 */
export function registerGuardrailStatusBar(
  services: CoordinatorServices,
  controller: GuardrailController,
  freshness: FreshnessTracker,
): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(
    StatusBarItems.guardrails,
    vscode.StatusBarAlignment.Left,
    49,
  );
  item.name = 'Coordinator Guardrails';
  item.command = Commands.runGuardrail;
  const update = (): void => {
    const session = services.sessions.sessionFor(vscode.window.activeTextEditor?.document.uri);
    if (!session || !renderGuardrails(item, session, controller, freshness)) {
      item.hide();
      return;
    }
    item.show();
  };
  const timer = setInterval(update, REDRAW_EVERY_MS);
  services.context.subscriptions.push(
    item,
    { dispose: () => clearInterval(timer) },
    controller.onDidChange(update),
    freshness.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
  update();
  return item;
}

/** Draws the item for `session`; false when the folder has no guardrails. */
export function renderGuardrails(
  item: vscode.StatusBarItem,
  session: FolderSession,
  controller: GuardrailController,
  freshness: FreshnessTracker,
): boolean {
  const now = Date.now();
  const states = controller.states(session);
  if (states.length === 0) {
    return false;
  }
  const settings = controller.settings(session);
  const newestChangeAt = freshness.newestChangeAt(session);
  for (const state of states) {
    if (state.verdict === 'pass' && state.at) {
      state.stale = staleReason({
        lastPassAt: state.at,
        newestChangeAt,
        now,
        maxAgeHours: settings.maxAgeHours,
      });
    }
  }
  const summary = summarizeGuardrails(states, now);
  item.text = `${summary.running > 0 ? '$(loading~spin)' : '$(shield)'} ${summary.count}`;
  item.backgroundColor =
    summary.level === 'error'
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : summary.level === 'warning'
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
  item.accessibilityInformation = {
    label: `Guardrails: ${summary.label}${summary.running > 0 ? `, ${summary.running} running` : ''}`,
  };
  item.tooltip = tooltipFor(states, summary.label, now);
  return true;
}

function tooltipFor(
  states: readonly GuardrailState[],
  label: string,
  now: number,
): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(
    `**Guardrails** ${label}\n\n| Guardrail | Required | Verdict | Age |\n|---|:-:|---|---|\n`,
  );
  for (const state of states) {
    const at = state.at ? Date.parse(state.at) : Number.NaN;
    const age = Number.isNaN(at) ? '' : formatAge(Math.max(0, now - at));
    const verdict = state.running ? '$(loading~spin) running' : verdictText(state);
    tooltip.appendMarkdown(
      `| ${cell(state.key)} | ${state.required ? 'yes' : 'no'} | ${verdict} | ${age} |\n`,
    );
  }
  tooltip.appendMarkdown('\nClick to run a guardrail or show the output.');
  return tooltip;
}

function verdictText(state: GuardrailState): string {
  switch (state.verdict) {
    case undefined:
      return 'not run yet';
    case 'pass':
      return state.stale ? `$(warning) pass, stale: ${describeStale(state.stale)}` : '$(pass) pass';
    case 'fail':
    case 'error':
      return `$(error) ${state.verdict}${state.cause !== undefined ? `: ${cell(state.cause)}` : ''}`;
    default:
      return state.verdict;
  }
}

/** Escapes Markdown and table pipes in text from the task file. */
function cell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
