import * as vscode from 'vscode';
import { driverCommandLine, isOutdatedEditorDriver } from '../model/driverSetup';
import { mergeDriverState, updateMergeDriverCommand } from '../setupMergeDriver';
import { Commands } from '../../common/vscode/constants';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { extensionCoordLauncher } from './extensionLauncher';
import { errorLine } from '../../../kernel/errors/errorLine';

const OFFERED_KEY = 'coordinator.mergeDriverOffered';

/**
 * When a repository's `.gitattributes` asks for the task-file merge driver but this clone's git
 * config lacks it (git never shares config), offers to add it: once per repository. A driver the
 * editor wrote for an earlier version of the extension is pointed at this one.
 */
export function registerMergeDriverOffer(services: CoordinatorServices): void {
  const checked = new Set<string>();
  const check = async (session: FolderSession): Promise<void> => {
    const taskFile = session.taskFile?.fsPath;
    if (!taskFile || checked.has(taskFile)) {
      return;
    }
    checked.add(taskFile);
    const state = await mergeDriverState(session.folder.uri.fsPath, taskFile);
    const launcher = extensionCoordLauncher(services.context);
    if (state.attribute && isOutdatedEditorDriver(state.driver, driverCommandLine(launcher))) {
      const driver = await updateMergeDriverCommand(state.root, launcher);
      services.log.info(`Merge driver of ${state.root} now runs this version: ${driver}`);
      return;
    }
    const offered = services.context.globalState.get<string[]>(OFFERED_KEY, []);
    if (!state.attribute || state.driver !== undefined || offered.includes(state.root)) {
      return;
    }
    await services.context.globalState.update(OFFERED_KEY, [...offered, state.root]);
    const add = 'Add Merge Driver';
    const answer = await vscode.window.showInformationMessage(
      `This repository merges ${state.taskFilePath} with the Agent Coordinator merge driver (.gitattributes), but this clone's git config has no driver; git does not share it. Add it?`,
      add,
      'Not Now',
    );
    if (answer === add) {
      await vscode.commands.executeCommand(Commands.setupMergeDriver, session);
    }
  };
  const checkAll = () => {
    for (const session of services.sessions.all) {
      check(session).catch((error: unknown) =>
        services.log.warn(`Merge driver check: ${errorLine(error)}`),
      );
    }
  };
  services.context.subscriptions.push(services.sessions.onDidChange(checkAll));
  checkAll();
}
