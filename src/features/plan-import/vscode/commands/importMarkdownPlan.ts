import * as vscode from 'vscode';
import { importEdits } from '../../model/importEdits';
import { importCounts, unreadLines } from '../../model/importSummary';
import { readMarkdownPlan } from '../../model/markdownPlan';
import { Commands } from '../../../common/vscode/constants';
import type { CoordinatorServices } from '../../../common/vscode/services';

/**
 * Imports a Markdown plan into a folder's task file, one way, as `coord import` does: the active
 * Markdown editor's file or one picked, a summary of matched, new and ambiguous rows to confirm,
 * then one write.
 */
export function registerImportMarkdownPlan(services: CoordinatorServices): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.importMarkdownPlan, async (arg?: unknown) => {
    const session = await services.sessions.pickSession(
      'Import into the task file of which folder?',
    );
    const model = session?.state?.model;
    if (!session || !model || session.state?.broken) {
      void vscode.window.showWarningMessage(
        'Import needs a task file that reads without errors; create one or fix it first.',
      );
      return;
    }
    const source = await markdownSource(arg);
    if (!source) {
      return;
    }
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    const markdown = readMarkdownPlan(text);
    const plan = importEdits(markdown.tasks, model);
    const unread = markdown.unread.map((line) => `line ${line.line}: ${line.text}`);
    const summary =
      `${vscode.workspace.asRelativePath(source)}: ${importCounts(plan)} (left alone); ` +
      `${plan.edits.length} changes.`;
    services.log.info(`Import ${summary}${unread.length ? ` Not read: ${unread.join('; ')}` : ''}`);
    if (plan.edits.length === 0) {
      void vscode.window.showInformationMessage(`Nothing to import. ${summary}`);
      return;
    }
    const choice = await vscode.window.showInformationMessage(
      `Import? ${summary}${unread.length ? ` ${unreadLines(unread.length)} not read (see the Coordinator output).` : ''}`,
      { modal: true },
      'Import',
    );
    if (choice === 'Import') {
      await session.apply(plan.edits);
    }
  });
}

async function markdownSource(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown' && active.uri.scheme === 'file') {
    return active.uri;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { Markdown: ['md', 'markdown', 'txt'] },
    openLabel: 'Import Plan',
  });
  return picked?.[0];
}
