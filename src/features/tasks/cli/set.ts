import * as path from 'node:path';
import { resolveActor } from '../../../platform/identity/actor';
import { completionShortfalls } from '../../guardrails/completionShortfalls';
import { cliGuardrails } from '../../guardrails/cli/settingsGuardrails';
import { cliSettings, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { pullRequestReviewsForCli } from '../../reviews/cli/pullRequestReviewsForCli';
import { reviewShortfalls } from '../../reviews/reviewShortfalls';
import { forcedOnly } from '../gateUi';
import { updateTask } from '../updateTask';
import type { TaskEdit } from '../../../kernel/edits/types';
import { ACCEPTED_STATUS_SPELLINGS, normaliseStatus } from '../../../kernel/model/statuses';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { taskJson } from '../model/taskJson';
import { findTask, openTaskFile, requireModel } from '../../common/cli/taskFile';
import { commitPlanAfterChange } from '../../plan-merge/cli/commitPlanAfterChange';

export const command: CliCommand = {
  summary: 'change a task: status, progress, PR, branch, owner, blockers, notes',
  usage:
    'coord set KEY [--status S] [--progress DONE[/TOTAL]] [--pr N|none]... [--branch B|none] [--owner O]\n' +
    '              [--blocker TEXT] [--unblock TEXT] [--note TEXT] [--force] [--workspace FILE] [--trusted]\n' +
    '              [--json] [--file PATH]\n' +
    '  --status completed passes the completion gate (dependencies completed, every progress step\n' +
    '  done, required guardrails passed in the task worktree, a current approval by each required\n' +
    '  reviewer); --force overrides it and records that',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...FILE_OPTION,
        ...JSON_OPTION,
        ...SETTINGS_OPTIONS,
        status: { type: 'string' },
        progress: { type: 'string' },
        pr: { type: 'string', multiple: true },
        branch: { type: 'string' },
        owner: { type: 'string' },
        blocker: { type: 'string', multiple: true },
        unblock: { type: 'string', multiple: true },
        note: { type: 'string', multiple: true },
        force: { type: 'boolean' },
      },
      1,
    );
    if (positionals.length === 0) {
      throw new UsageError('a task key or id is needed');
    }
    const name = positionals[0];
    const edits = buildEdits(name, values);
    if (edits.length === 0) {
      throw new UsageError(
        'nothing to change: give --status, --progress, --pr, --branch, --owner, --blocker, --unblock or --note',
      );
    }
    const opened = await openTaskFile(values.file, context);
    const { model } = requireModel(opened);
    const key = findTask(model, name).key;
    const folder = path.dirname(opened.path);
    // Read only when the completion gate asks, so other edits say nothing about settings.
    let guardrails: ReturnType<typeof cliGuardrails> | undefined;
    const repositoryGuardrails = async () =>
      (guardrails ??= cliGuardrails(
        model.guardrails,
        await cliSettings(values, context, { reads: ['guardrails.'] }),
        context,
      ));
    const loaded = await updateTask({
      store: { read: () => opened.store.read(), apply: (all) => opened.store.apply(all) },
      taskKey: key,
      edits: edits.map((edit) => ({ ...edit, taskKey: key })),
      actor: await resolveActor('cli', folder),
      ui: forcedOnly(values.force === true),
      guardrailShortfalls: async (task) => {
        const { definitions, settings } = await repositoryGuardrails();
        return completionShortfalls({ folder, model, task, definitions, settings });
      },
      reviewShortfalls: async (task) =>
        reviewShortfalls({
          folder,
          model,
          task,
          pullRequestReviews: await pullRequestReviewsForCli(folder, context),
        }),
    });
    const task = loaded.model!.byKey.get(key)!;
    const planCommit = () =>
      commitPlanAfterChange({
        name: 'coord set',
        taskFilePath: opened.path,
        before: model,
        after: loaded.model,
        values,
        context,
        stdoutIsData: values.json === true,
      });
    if (values.json) {
      context.stdout(`${JSON.stringify(taskJson(loaded.model!, loaded.graph!, task), null, 2)}\n`);
    } else {
      const progress = task.progress
        ? `, progress ${task.progress.completedSteps}/${task.progress.totalSteps}`
        : '';
      context.stdout(
        `${key}: ${task.status}${progress}${task.prNumbers.length > 0 ? `, PR ${task.prNumbers.map((n) => `#${n}`).join(' ')}` : ''}${task.branch ? `, ${task.branch}` : ''}\n`,
      );
    }
    await planCommit();
    return ExitCode.ok;
  },
};

/** `--pr none`, one `--pr N`, or several `--pr N --pr M` for a task split across pull requests. */
function prEdit(taskKey: string, written: string[]): TaskEdit {
  if (written.length === 1 && /^(none|null|-)?$/i.test(written[0].trim())) {
    return { kind: 'setPrNumber', taskKey, prNumber: null };
  }
  const numbers: number[] = [];
  for (const text of written) {
    const number = Number(text.trim().replace(/^#/, ''));
    if (!(Number.isInteger(number) && number > 0)) {
      throw new UsageError(
        `--pr takes a PR number (repeat it for several) or "none", not "${text}"`,
      );
    }
    if (!numbers.includes(number)) {
      numbers.push(number);
    }
  }
  return numbers.length === 1
    ? { kind: 'setPrNumber', taskKey, prNumber: numbers[0] }
    : { kind: 'setPrNumbers', taskKey, prNumbers: numbers };
}

interface SetValues {
  status?: string;
  progress?: string;
  pr?: string[];
  branch?: string;
  owner?: string;
  blocker?: string[];
  unblock?: string[];
  note?: string[];
}

function buildEdits(taskKey: string, values: SetValues): TaskEdit[] {
  const edits: TaskEdit[] = [];
  if (values.status !== undefined) {
    const status = normaliseStatus(values.status);
    if (!status) {
      throw new UsageError(
        `unknown status "${values.status}"; accepted: ${ACCEPTED_STATUS_SPELLINGS.join(', ')}`,
      );
    }
    edits.push({ kind: 'setStatus', taskKey, status });
  }
  if (values.progress !== undefined) {
    const match = /^(\d+)(?:\/(\d+))?$/.exec(values.progress.trim());
    if (!match) {
      throw new UsageError(
        `--progress takes DONE or DONE/TOTAL, e.g. 3/5, not "${values.progress}"`,
      );
    }
    const completedSteps = Number(match[1]);
    const totalSteps = match[2] === undefined ? undefined : Number(match[2]);
    if (totalSteps !== undefined && completedSteps > totalSteps) {
      throw new UsageError(`--progress ${values.progress}: done steps exceed the total`);
    }
    edits.push(
      totalSteps === undefined
        ? { kind: 'setProgress', taskKey, completedSteps }
        : { kind: 'setProgress', taskKey, completedSteps, totalSteps },
    );
  }
  if (values.pr !== undefined) {
    edits.push(prEdit(taskKey, values.pr));
  }
  if (values.branch !== undefined) {
    const branch = values.branch.trim();
    edits.push({
      kind: 'setBranch',
      taskKey,
      branch: /^(none|null|-)?$/i.test(branch) ? null : branch,
    });
  }
  if (values.owner !== undefined) {
    edits.push({ kind: 'setOwner', taskKey, owner: values.owner.trim() });
  }
  for (const text of values.blocker ?? []) {
    edits.push({ kind: 'appendBlocker', taskKey, text });
  }
  for (const text of values.unblock ?? []) {
    edits.push({ kind: 'removeBlocker', taskKey, text });
  }
  for (const text of values.note ?? []) {
    edits.push({ kind: 'appendNote', taskKey, text });
  }
  return edits;
}
