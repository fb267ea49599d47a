import { dirname } from 'node:path';
import { mainWorktreeRoot } from '../../../platform/git';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, type CliCommand } from '../../common/cli/command';
import { cliSettings, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { openTaskFile, requireModel } from '../../common/cli/taskFile';
import { readGitHubConfiguration } from '../../github/model/settings';
import { readSlaHours } from '../../reviews/model/reviewAge';
import { measureSuccess } from '../measureSuccess';
import type { CriteriaPeriod } from '../model/criteriaOverTime';
import type { Criterion, SuccessCriteria, TaskMetrics } from '../model/successCriteria';

export const command: CliCommand = {
  summary:
    "measure the seeds' success criteria: time against estimate, reviews, conflicts, snapshots, guardrails",
  usage:
    'coord metrics [--no-conflicts] [--json] [--file PATH] [--workspace FILE] [--trusted]\n' +
    '  Actual time is time in progress less time blocked or waiting, from the status changes the\n' +
    '  tool records; a completed task more than 30 min off its estimate is flagged. Reviews are\n' +
    '  timed from request to approval against coordinator.reviews.slaHours (24 h). The same criteria\n' +
    '  follow day by day (the last 14 days), or week by week once the work goes back further.',
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      ...JSON_OPTION,
      ...SETTINGS_OPTIONS,
      'no-conflicts': { type: 'boolean' },
    });
    const opened = await openTaskFile(values.file, context);
    const { model } = requireModel(opened);
    const folder = dirname(opened.path);
    const root = (await mainWorktreeRoot(folder).catch(() => undefined)) ?? folder;
    const settings = await cliSettings(values, context, {
      reads: ['reviews.', 'snapshots.'],
      from: folder,
    });
    const measured = await measureSuccess({
      root,
      model,
      snapshotsFolder: readGitHubConfiguration(settings.get).snapshotsFolder,
      slaHours: readSlaHours(settings.get('reviews.slaHours')),
      conflicts: values['no-conflicts'] !== true,
    });
    if (values.json) {
      context.stdout(`${JSON.stringify(measured, null, 2)}\n`);
      return ExitCode.ok;
    }
    context.stdout(metricsText(measured));
    return ExitCode.ok;
  },
};

const HOUR_MS = 3_600_000;

function metricsText(measured: SuccessCriteria & { overTime: CriteriaPeriod[] }): string {
  const lines = ['Success criteria:'];
  for (const criterion of measured.criteria) {
    lines.push(`  ${mark(criterion)} ${criterion.label}: ${criterion.detail}`);
  }
  const timed = measured.tasks.filter((task) => task.times.actualMs !== undefined);
  if (timed.length > 0) {
    lines.push('', 'Tasks with a recorded time:');
    for (const task of timed) {
      lines.push(`  ${taskLine(task)}`);
    }
  }
  lines.push('', 'By owner:');
  for (const owner of measured.owners) {
    const judged =
      owner.judged > 0 ? `, ${owner.outside} of ${owner.judged} outside the estimate` : '';
    lines.push(
      `  ${owner.owner}: ${owner.completed} of ${owner.tasks} completed, ${hours(owner.actualHours * HOUR_MS)} worked of ${hours(owner.estimateHours * HOUR_MS)} estimated${judged}`,
    );
  }
  if (measured.overTime.length > 0) {
    lines.push('', measured.overTime[0]!.unit === 'week' ? 'Week by week:' : 'Day by day:');
    for (const period of [...measured.overTime].reverse()) {
      lines.push(`  ${periodLine(period)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function periodLine(period: CriteriaPeriod): string {
  const estimate =
    period.judged > 0 ? `, ${period.outsideEstimate} of ${period.judged} off estimate` : '';
  const late = period.reviewsLate > 0 ? `, ${period.reviewsLate} late` : '';
  const completion =
    period.completionPercentage !== undefined ? ` (${period.completionPercentage}%)` : '';
  return `${period.start}  ${period.completed} completed${estimate}; ${period.reviewsApproved} reviews approved${late}; snapshots on ${period.snapshotDays} of ${period.days} days${completion}`;
}

function mark(criterion: Criterion): string {
  return criterion.met === true ? 'met    ' : criterion.met === false ? 'NOT MET' : 'n/a    ';
}

function taskLine(task: TaskMetrics): string {
  const paused = task.times.pausedMs > 0 ? ` (paused ${hours(task.times.pausedMs)})` : '';
  const estimate =
    task.estimateHours !== undefined ? `, estimate ${hours(task.estimateHours * HOUR_MS)}` : '';
  const delta =
    task.deltaMs !== undefined
      ? `, ${task.deltaMs >= 0 ? '+' : '-'}${Math.round(Math.abs(task.deltaMs) / 60_000)} min${task.withinEstimate ? '' : '  OUTSIDE ±30 min'}`
      : '';
  const source = task.times.source === 'history' ? '' : ` [from ${task.times.source}]`;
  return `${task.taskKey}  ${task.status}  ${hours(task.times.actualMs ?? 0)} worked${paused}${estimate}${delta}${source}`;
}

function hours(ms: number): string {
  const h = ms / HOUR_MS;
  return `${Math.round(h * 10) / 10} h`;
}
