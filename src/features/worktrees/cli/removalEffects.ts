import * as path from 'node:path';
import { resolveActor } from '../../../platform/identity/actor';
import { cliSettings, type SettingsValues } from '../../common/cli/settings';
import type { CliContext } from '../../common/cli/command';
import type { OpenedTaskFile } from '../../common/cli/taskFile';
import { completionShortfalls } from '../../guardrails/completionShortfalls';
import { cliGuardrails } from '../../guardrails/cli/settingsGuardrails';
import { pullRequestReviewsForCli } from '../../reviews/cli/pullRequestReviewsForCli';
import { reviewShortfalls } from '../../reviews/reviewShortfalls';
import { forcedOnly } from '../../tasks/gateUi';
import { readWorktreeSettings, type WorktreeSettings } from '../model/settings';
import type { TaskEffects } from '../taskAfterRemoval';
import type { TeardownOptions } from '../teardown';

export interface CliRemoval {
  settings: WorktreeSettings;
  teardown: TeardownOptions;
  tasks?: TaskEffects;
}

/**
 * What a removal from the CLI needs: the repository's worktree settings (restricted ones only
 * when trusted), its teardown command with output on stderr, and the task file with the
 * completion gate answered by `--force`, as `coord set` answers it.
 */
export async function cliRemoval(
  values: SettingsValues & { force?: boolean },
  context: CliContext,
  opened: OpenedTaskFile | undefined,
): Promise<CliRemoval> {
  const read = await cliSettings(values, context, { reads: ['worktrees.', 'guardrails.'] });
  const settings = readWorktreeSettings(read.get);
  const teardown: TeardownOptions = {
    command: settings.teardownCommand,
    trusted: read.trusted,
    onOutput: (chunk) => context.stderr(chunk),
    environment: settings,
  };
  const model = opened?.loaded.model;
  if (!opened || !model || opened.loaded.broken) {
    return { settings, teardown };
  }
  const folder = path.dirname(opened.path);
  const { definitions, settings: guardrailSettings } = cliGuardrails(
    model.guardrails,
    read,
    context,
  );
  return {
    settings,
    teardown,
    tasks: {
      store: { read: () => opened.store.read(), apply: (edits) => opened.store.apply(edits) },
      actor: await resolveActor('cli', folder),
      ui: forcedOnly(values.force === true),
      statusAfterRemoval: settings.statusAfterRemoval,
      guardrailShortfalls: (task) =>
        completionShortfalls({
          folder,
          model,
          task,
          definitions,
          settings: guardrailSettings,
        }),
      reviewShortfalls: async (task) =>
        reviewShortfalls({
          folder,
          model,
          task,
          pullRequestReviews: await pullRequestReviewsForCli(folder, context),
        }),
    },
  };
}
