import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { CommandContext } from './commandContext';

/** Re-runs discovery and re-reads every task file. */
export function registerRefresh({ services, tasks }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.refresh, async () => {
    await Promise.all(services.sessions.all.map((session) => session.reload()));
    tasks.provider.refresh();
  });
}
