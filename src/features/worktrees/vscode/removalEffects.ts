import * as vscode from 'vscode';
import { resolveActor } from '../../../platform/identity/actor';
import { TaskFileStore } from '../../../platform/taskfile/store';
import { Settings } from '../../common/vscode/constants';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { completionShortfalls } from '../../guardrails/completionShortfalls';
import { guardrailsWithSettings, readGuardrailSettings } from '../../guardrails/model/settings';
import { reviewShortfalls } from '../../reviews/reviewShortfalls';
import type { GateUi } from '../../tasks/gateUi';
import { refusalText } from '../../tasks/model/gates';
import type { TaskEffects } from '../taskAfterRemoval';
import type { TeardownOptions } from '../teardown';
import { worktreeSettingsFor } from './worktreeSettings';
import type { WorktreeUi } from './worktreeUi';

const COMPLETE_ANYWAY = 'Complete Anyway';

/**
 * What a removal from the editor needs: the folder's teardown command (only in a trusted
 * workspace) with its output in the Coordinator channel, and the folder's task file with the
 * completion gate asked as a modal question.
 */
export async function editorRemoval(
  services: CoordinatorServices,
  session: FolderSession | undefined,
  ui: WorktreeUi,
): Promise<{ teardown: TeardownOptions; tasks?: TaskEffects; abandonedDays: number }> {
  const settings = worktreeSettingsFor(session?.folder);
  const teardown: TeardownOptions = {
    command: settings.teardownCommand,
    trusted: vscode.workspace.isTrusted,
    environment: settings,
    onOutput: (chunk) => {
      for (const line of chunk.split('\n')) {
        if (line.trim()) {
          services.log.info(`[teardown] ${line.trimEnd()}`);
        }
      }
    },
  };
  const taskFile = session?.taskFile?.fsPath;
  if (!session || !taskFile) {
    return { teardown, abandonedDays: settings.abandonedDays };
  }
  const folder = session.folder.uri.fsPath;
  const configuration = vscode.workspace.getConfiguration(Settings.section, session.folder);
  const guardrailSettings = readGuardrailSettings((key) => configuration.get(key));
  const gate: GateUi = {
    async confirmOverride(check) {
      const answer = await ui.confirm(
        refusalText(check),
        `${check.reasons.map((reason) => `• ${reason}`).join('\n')}\n\nThe worktree is removed either way; completing anyway is recorded on the task.`,
        COMPLETE_ANYWAY,
      );
      return answer === COMPLETE_ANYWAY;
    },
  };
  return {
    teardown,
    abandonedDays: settings.abandonedDays,
    tasks: {
      store: {
        read: () => new TaskFileStore(taskFile).read(),
        apply: async (edits) => {
          await session.apply(edits);
          return session.state ?? new TaskFileStore(taskFile).read();
        },
      },
      actor: await resolveActor('editor', folder),
      ui: gate,
      statusAfterRemoval: settings.statusAfterRemoval,
      guardrailShortfalls: async (task) => {
        const model = session.state?.model;
        return model
          ? completionShortfalls({
              folder,
              model,
              task,
              definitions: guardrailsWithSettings(model.guardrails, guardrailSettings).definitions,
              settings: guardrailSettings,
              log: (line) => services.log.info(line),
            })
          : [];
      },
      reviewShortfalls: async (task) => {
        const model = session.state?.model;
        return model ? reviewShortfalls({ folder, model, task }) : [];
      },
    },
  };
}
