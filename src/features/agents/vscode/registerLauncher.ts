import { delimiter, join } from 'node:path';
import type { CoordinatorServices } from '../../common/vscode/services';
import { extensionCoordLauncher } from '../../plan-merge/vscode/extensionLauncher';
import {
  installLauncher,
  repoLauncherDir,
  type InstalledLauncher,
} from '../launcher/coordLauncher';

export interface LauncherFeature {
  /** The launcher in the extension's global storage, once written (undefined if it could not be). */
  readonly global: Promise<InstalledLauncher | undefined>;
  /** Settles when every open repository's launcher names this version of the extension. */
  repositories(): Promise<void>;
}

/**
 * Points the stable `coord` launchers at this version of the extension: one in its global storage
 * (appended to PATH in the editor's terminals), one in each open repository's git dir (what agent
 * configs, hooks and the merge driver name). Both paths stay the same across extension updates.
 */
export function registerCoordLauncher(services: CoordinatorServices): LauncherFeature {
  const { context, log } = services;
  const target = extensionCoordLauncher(context).command;
  const warn = (where: string) => (error: unknown) => {
    log.warn(
      `coord launcher in ${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  };
  const globalDir = join(context.globalStorageUri.fsPath, 'bin');
  const global = installLauncher(globalDir, target).then((installed) => {
    context.environmentVariableCollection.description =
      'Agent Coordinator: `coord` on PATH (appended, so a coord you installed yourself comes first)';
    context.environmentVariableCollection.append('PATH', `${delimiter}${installed.dir}`);
    return installed;
  }, warn(globalDir));
  const done = new Set<string>();
  let pending: Promise<void> = Promise.resolve();
  const refresh = () => {
    const folders = services.sessions.all
      .filter((session) => session.taskFile)
      .map((session) => session.folder.uri.fsPath);
    pending = Promise.all(
      folders.map(async (folder) => {
        const dir = await repoLauncherDir(folder).catch(() => undefined);
        if (dir && !done.has(dir)) {
          done.add(dir);
          await installLauncher(dir, target).catch(warn(dir));
        }
      }),
    ).then(() => undefined);
  };
  context.subscriptions.push(services.sessions.onDidChange(refresh));
  refresh();
  return { global, repositories: () => pending };
}
