import * as vscode from 'vscode';
import { displayStatusOf } from '../../model/displayStatus';
import { STATUS_APPEARANCE } from '../statusAppearance';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../resolveTask';
import type { CommandContext } from './commandContext';

type Entry = vscode.QuickPickItem & { taskKey?: string };

/** Lists what a task waits for and what waits for it; picking a task selects it in the view. */
export function registerShowTaskDependencies({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showTaskDependencies, async (arg: unknown) => {
    const target = await resolveTask(
      services.sessions,
      arg,
      'Show the dependencies of which task?',
    );
    if (!target) {
      return;
    }
    const { session, task } = target;
    const graph = session.state?.graph;
    const byKey = session.state?.model?.byKey ?? new Map();
    const entry = (key: string): Entry | undefined => {
      const other = byKey.get(key);
      if (!other) {
        return undefined;
      }
      const appearance = STATUS_APPEARANCE[displayStatusOf(other, graph)];
      return {
        label: `$(${appearance.icon}) ${other.name}`,
        description: `${other.id} · ${appearance.label.toLowerCase()}`,
        taskKey: key,
      };
    };
    const items: Entry[] = [{ label: 'Depends on', kind: vscode.QuickPickItemKind.Separator }];
    const refs = graph?.dependencies.get(task.key) ?? [];
    for (const ref of refs) {
      items.push(
        (ref.taskKey ? entry(ref.taskKey) : undefined) ?? {
          label: `$(link-external) ${ref.name}`,
          description: 'external prerequisite',
        },
      );
    }
    if (refs.length === 0) {
      items.push({ label: 'nothing', description: 'no dependencies' });
    }
    const dependents = graph?.dependents.get(task.key) ?? [];
    items.push({ label: 'Needed by', kind: vscode.QuickPickItemKind.Separator });
    items.push(...dependents.flatMap((key) => entry(key) ?? []));
    if (dependents.length === 0) {
      items.push({ label: 'nothing', description: 'no task depends on it' });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: `Dependencies of "${task.name}"`,
      placeHolder: 'Pick a task to show it in the tree',
    });
    if (picked?.taskKey) {
      await vscode.commands.executeCommand(Commands.revealTask, {
        taskKey: picked.taskKey,
        folder: session.folder.uri.toString(),
      });
    }
  });
}
