import type * as vscode from 'vscode';
import type { GuardrailRunInput } from '../../dashboard/model/inputs';
import type { GuardrailState } from '../model/summary';
import type { GuardrailVerdict as DashboardVerdict } from '../../../protocol/dashboardModel';
import type { DashboardDataProvider } from '../../dashboard/vscode/dataSources';
import type { WorkspaceSessions } from '../../common/vscode/services';
import type { GuardrailController } from './guardrailController';

/** The dashboard's guardrail section: every guardrail (file and setting) with its latest verdict and when. */
export function guardrailDashboardData(
  sessions: WorkspaceSessions,
  controller: GuardrailController,
): DashboardDataProvider {
  return {
    onDidChange: (listener, thisArg, disposables) =>
      controller.onDidChange(
        (session) => listener.call(thisArg, session.folder),
        undefined,
        disposables,
      ),
    provide(folder: vscode.WorkspaceFolder) {
      const session = sessions.all.find((s) => s.folder.uri.toString() === folder.uri.toString());
      if (!session) {
        return undefined;
      }
      return { guardrails: controller.states(session).map(toDashboard) };
    },
  };
}

function toDashboard(state: GuardrailState): GuardrailRunInput {
  const input: GuardrailRunInput = {
    key: state.key,
    required: state.required,
    verdict: dashboardVerdict(state),
  };
  if (state.at) {
    input.lastRun = state.at;
  }
  return input;
}

function dashboardVerdict(state: GuardrailState): DashboardVerdict {
  if (state.running) {
    return 'running';
  }
  switch (state.verdict) {
    case 'pass':
      return 'passed';
    case 'fail':
    case 'error':
      return 'failed';
    case 'skipped':
      return 'skipped';
    default:
      return 'unknown';
  }
}
