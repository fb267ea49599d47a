import * as path from 'node:path';
import { resolveActor } from '../../../platform/identity/actor';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../../common/cli/command';
import { findTask, openTaskFile, requireModel } from '../../common/cli/taskFile';
import { cliSettings, SETTINGS_OPTIONS, type SettingsValues } from '../../common/cli/settings';
import { ageText, readSlaHours } from '../model/reviewAge';
import { reviewerLabel, standingText } from '../model/reviewStanding';
import { recordReview } from '../recordReview';
import { requestReview } from '../requestReview';
import { reviewQueue } from '../reviewQueue';

export const command: CliCommand = {
  summary:
    'record a review of a task (approve or request changes), ask for one, or list the review queue',
  usage:
    'coord review KEY --approve|--request-changes [--check N[,N…]]… [--note TEXT] [--json] [--file PATH]\n' +
    '       coord review KEY --request [--note TEXT] [--json] [--file PATH]\n' +
    '       coord review --queue [--overdue] [--json] [--file PATH] [--workspace FILE] [--trusted]\n' +
    "  --request asks for the task's required reviews; the review SLA runs from then.\n" +
    '  The review is of the task branch head; a later commit makes it stale. An approval checks\n' +
    "  every item of the reviewer's checklist, and nobody who did the work can give it.\n" +
    '  --queue lists tasks waiting for a review, oldest first, flagged OVERDUE after\n' +
    '  coordinator.reviews.slaHours (24 h by default) since the review was requested, else since\n' +
    "  the branch's last commit; --overdue lists only those",
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...FILE_OPTION,
        ...JSON_OPTION,
        approve: { type: 'boolean' },
        'request-changes': { type: 'boolean' },
        check: { type: 'string', multiple: true },
        note: { type: 'string' },
        queue: { type: 'boolean' },
        overdue: { type: 'boolean' },
        request: { type: 'boolean' },
        ...SETTINGS_OPTIONS,
      },
      1,
    );
    if (values.queue) {
      if (positionals.length > 0 || values.approve || values['request-changes']) {
        throw new UsageError('--queue takes no task and no verdict');
      }
      return printQueue(values, context);
    }
    if (values.overdue) {
      throw new UsageError('--overdue goes with --queue');
    }
    if (positionals.length === 0) {
      throw new UsageError('a task key or id is needed (or --queue)');
    }
    if (values.request) {
      if (values.approve || values['request-changes'] || values.check) {
        throw new UsageError('--request takes no verdict and no --check');
      }
      return printRequest(positionals[0]!, values, context);
    }
    if (values.approve === values['request-changes']) {
      throw new UsageError('give exactly one of --approve and --request-changes');
    }
    const checked = parseChecks(values.check ?? []);
    const opened = await openTaskFile(values.file, context);
    const { model } = requireModel(opened);
    const key = findTask(model, positionals[0]).key;
    const folder = path.dirname(opened.path);
    const recorded = await recordReview({
      store: { read: () => opened.store.read(), apply: (edits) => opened.store.apply(edits) },
      folder,
      taskKey: key,
      verdict: values.approve ? 'approve' : 'request_changes',
      checked,
      note: values.note,
      actor: await resolveActor('cli', folder),
    });
    if (values.json) {
      context.stdout(
        `${JSON.stringify({ taskKey: key, review: recorded.review, counts: recorded.counts }, null, 2)}\n`,
      );
      return ExitCode.ok;
    }
    const { review } = recorded;
    const verdict = review.verdict === 'approve' ? 'approved' : 'requested changes on';
    const commit = review.commit ? ` at ${review.commit.slice(0, 10)}` : '';
    context.stdout(`${review.reviewer} ${verdict} ${key}${commit}.\n`);
    if (!recorded.counts) {
      context.stdout(
        `No required review of ${key} is ${review.reviewer}'s to give, so this opens no gate.\n`,
      );
    }
    return ExitCode.ok;
  },
};

function parseChecks(values: readonly string[]): number[] {
  const numbers: number[] = [];
  for (const part of values.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean)) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1) {
      throw new UsageError(`--check takes checklist item numbers (1, 2, …), not "${part}"`);
    }
    numbers.push(n);
  }
  return numbers;
}

async function printQueue(
  values: SettingsValues & { file?: string; json?: boolean; overdue?: boolean },
  context: CliContext,
): Promise<number> {
  const opened = await openTaskFile(values.file, context);
  const { model } = requireModel(opened);
  const folder = path.dirname(opened.path);
  const settings = await cliSettings(values, context, { reads: ['reviews.'], from: folder });
  const slaHours = readSlaHours(settings.get('reviews.slaHours'));
  const queue = (await reviewQueue({ folder, model, slaHours })).filter(
    (entry) => !values.overdue || entry.overdue,
  );
  if (values.json) {
    context.stdout(`${JSON.stringify(queue, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (queue.length === 0) {
    context.stdout(
      values.overdue ? 'No review is overdue.\n' : 'No task is waiting for a review.\n',
    );
    return ExitCode.ok;
  }
  for (const entry of queue) {
    const age = entry.ageMs !== undefined ? ageText(entry.ageMs) : 'age unknown';
    const since = entry.sinceFrom === 'request' ? ' since requested' : '';
    const flag = entry.overdue ? `  OVERDUE (over ${slaHours} h)` : '';
    context.stdout(`${entry.taskKey}  ${entry.taskName}  waiting ${age}${since}${flag}\n`);
    for (const waiting of entry.waitingFor) {
      context.stdout(`    ${waiting.reviewer}: ${waiting.state}\n`);
    }
  }
  return ExitCode.ok;
}

async function printRequest(
  name: string,
  values: { file?: string; json?: boolean; note?: string },
  context: CliContext,
): Promise<number> {
  const opened = await openTaskFile(values.file, context);
  const { model } = requireModel(opened);
  const key = findTask(model, name).key;
  const folder = path.dirname(opened.path);
  const { request, state } = await requestReview({
    store: { read: () => opened.store.read(), apply: (edits) => opened.store.apply(edits) },
    folder,
    taskKey: key,
    note: values.note,
    actor: await resolveActor('cli', folder),
  });
  if (values.json) {
    context.stdout(`${JSON.stringify({ taskKey: key, request }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const commit = request.commit ? ` of ${request.commit.slice(0, 10)}` : '';
  context.stdout(`${request.by} asked for the review${commit} of ${key}:\n`);
  for (const standing of state.standing.filter((s) => s.state !== 'approved')) {
    context.stdout(`    ${reviewerLabel(standing.gate)}: ${standingText(standing)}\n`);
  }
  return ExitCode.ok;
}
