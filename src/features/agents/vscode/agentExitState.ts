import * as vscode from 'vscode';
import type { CoordinatorServices } from '../../common/vscode/services';
import { readAgentState, reportAgentState } from '../agentStateStore';
import { exitReplacesReport } from '../model/agentState';
import {
  AGENT_DISPLAY_NAMES,
  AGENT_KINDS,
  DETECTABLE_STATES,
  agentProgramOf,
  type AgentKind,
} from '../model/agentKinds';
import { AGENT_KIND_ENV } from './agentTerminal';
import { taskOfTerminal } from './agentTerminals';

/**
 * Records `finished` or `failed` (with the exit code) when the agent a task terminal was opened for
 * ends: its command's end as shell integration reports it, else the terminal's own exit. Only the
 * agent's command counts; whatever the user runs there afterwards does not.
 */
export function registerAgentExitState(services: CoordinatorServices): void {
  const reported = new WeakSet<vscode.Terminal>();
  const record = (terminal: vscode.Terminal, kind: AgentKind, exitCode: number) => {
    const found = taskOfTerminal(services.sessions, terminal);
    if (!found || reported.has(terminal)) {
      return;
    }
    reported.add(terminal);
    const folder = found.session.folder.uri.fsPath;
    const task = found.task.key;
    readAgentState(folder, task)
      .then((last) =>
        exitReplacesReport(last, exitCode)
          ? reportAgentState(folder, {
              task,
              state: exitCode === 0 ? 'finished' : 'failed',
              exitCode,
              agent: kind === 'other' ? 'agent' : AGENT_DISPLAY_NAMES[kind],
              detects: DETECTABLE_STATES[kind],
            })
          : undefined,
      )
      .catch((error: unknown) =>
        services.log.warn(
          `Agent state of ${found.task.key}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  };
  services.context.subscriptions.push(
    vscode.window.onDidEndTerminalShellExecution((event) => {
      const kind = agentKindOf(event.terminal);
      const command = event.execution.commandLine.value;
      if (kind && event.exitCode !== undefined && runsAgent(command, kind)) {
        record(event.terminal, kind, event.exitCode);
      }
    }),
    vscode.window.onDidCloseTerminal((terminal) => {
      const kind = agentKindOf(terminal);
      const code = terminal.exitStatus?.code;
      if (
        kind &&
        terminal.exitStatus?.reason === vscode.TerminalExitReason.Process &&
        code !== undefined
      ) {
        record(terminal, kind, code);
      }
    }),
  );
}

function agentKindOf(terminal: vscode.Terminal): AgentKind | undefined {
  const options = terminal.creationOptions;
  const value = 'env' in options ? options.env?.[AGENT_KIND_ENV] : undefined;
  return (AGENT_KINDS as readonly (string | null | undefined)[]).includes(value)
    ? (value as AgentKind)
    : undefined;
}

/** A named agent's command is recognised by its program; another agent's is the first command. */
function runsAgent(commandLine: string, kind: AgentKind): boolean {
  return kind === 'other' || agentProgramOf(commandLine).kind === kind;
}
