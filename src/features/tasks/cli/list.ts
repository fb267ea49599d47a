import { externalPrerequisites, unfinishedDependencies } from '../../../kernel/model/graph';
import type { Task, TaskGraph, TaskModel } from '../../../kernel/model/types';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, type CliCommand } from '../../common/cli/command';
import { formatTable } from '../../common/cli/print/table';
import { taskJson } from '../model/taskJson';
import { openTaskFile, requireModel } from '../../common/cli/taskFile';
import { folderStaleAfterMs, readTaskAgentStatuses } from '../../agents/agentStatuses';
import { describeAgentStatus, type TaskAgentStatus } from '../../agents/model/taskAgentState';
import { dirname } from 'node:path';

export const command: CliCommand = {
  summary: 'list tasks by group with owner, status, priority and what blocks them',
  usage: 'coord list [--json] [--file PATH]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, { ...FILE_OPTION, ...JSON_OPTION });
    const opened = await openTaskFile(values.file, context);
    const { model, graph, summary } = requireModel(opened);
    const folder = dirname(opened.path);
    const agents = await readTaskAgentStatuses(
      folder,
      model.tasks,
      await folderStaleAfterMs(folder),
    );
    if (values.json) {
      context.stdout(
        `${JSON.stringify(
          {
            file: opened.path,
            groups: model.groups,
            tasks: model.tasks.map((task) => ({
              ...taskJson(model, graph, task),
              agent: agentJson(agents.get(task.key)),
            })),
            summary,
            criticalPath: graph.criticalPath,
            cycles: graph.cycles,
            diagnostics: opened.loaded.diagnostics,
          },
          null,
          2,
        )}\n`,
      );
      return ExitCode.ok;
    }
    // The agent column appears once some agent has reported.
    const reported = [...agents.values()].some((status) => status.record !== undefined);
    for (const group of model.groups) {
      context.stdout(`${group.key} (${group.taskKeys.length})\n`);
      const rows = group.taskKeys.map((key) => {
        const row = taskRow(model, graph, model.byKey.get(key)!);
        return reported ? [...row, agentColumn(agents.get(key))] : row;
      });
      context.stdout(
        formatTable(
          [
            { header: 'KEY', max: 24 },
            { header: 'NAME', max: 30, flexible: true },
            { header: 'OWNER', max: 15, flexible: true },
            { header: 'STATUS', max: 11 },
            { header: 'PRIORITY', max: 8 },
            { header: 'CR', max: 3 },
            { header: 'NEXT', max: 40, flexible: true, shrinkLast: !reported },
            ...(reported ? [{ header: 'AGENT', max: 40, flexible: true, shrinkLast: true }] : []),
          ],
          rows,
          { indent: '  ' },
        ),
      );
      context.stdout('\n');
    }
    const s = summary.byStatus;
    context.stdout(
      `${summary.total} tasks: ${s.completed} completed, ${s.in_progress} in progress, ${s.waiting} waiting, ${s.blocked} blocked, ` +
        `${s.not_started} not started (${summary.ready} ready)\n${summary.completionPercentage}% done, ${summary.hoursRemaining}h of ` +
        `${summary.hoursEstimated}h left; critical path ${chainText(graph.criticalPath)}\n`,
    );
    context.stdout(reviewLegend(model.tasks));
    const problems = opened.loaded.diagnostics.length;
    if (problems > 0) {
      context.stdout(
        `${problems} problem${problems === 1 ? '' : 's'} in ${opened.shownPath} (coord validate)\n`,
      );
    }
    return ExitCode.ok;
  },
};

function agentColumn(status: TaskAgentStatus | undefined): string {
  return status && status.state !== 'not_started' ? describeAgentStatus(status) : '';
}

function agentJson(status: TaskAgentStatus | undefined): Record<string, unknown> {
  const record = status?.record;
  return {
    state: status?.state ?? 'not_started',
    ...(record
      ? {
          agent: record.agent,
          at: record.at,
          message: record.message ?? null,
          exitCode: record.exitCode ?? null,
        }
      : {}),
  };
}

function taskRow(model: TaskModel, graph: TaskGraph, task: Task): string[] {
  return [
    task.key,
    task.name,
    task.owner,
    task.status,
    task.priority ?? '',
    reviewColumn(task),
    nextColumn(model, graph, task),
  ];
}

/** `yes` under `CR` when a reviewer must sign off before merge. */
export function reviewColumn(task: Task): string {
  return task.criticalReview ? 'yes' : '';
}

/** Explains the `CR` column when some listed task has the flag. */
export function reviewLegend(tasks: readonly Task[]): string {
  return tasks.some((task) => task.criticalReview)
    ? 'CR: critical review, a reviewer must sign off before merge\n'
    : '';
}

/** `ready`, `blocked by <keys>`, or the external prerequisites still listed. */
export function nextColumn(model: TaskModel, graph: TaskGraph, task: Task): string {
  const blockedBy = unfinishedDependencies(model, graph, task.key);
  const external = externalPrerequisites(graph, task.key);
  const parts: string[] = [];
  if (graph.ready.has(task.key)) {
    parts.push('ready');
  } else if (blockedBy.length > 0) {
    parts.push(`blocked by ${blockedBy.join(', ')}`);
  }
  if (external.length > 0 && task.status !== 'completed') {
    parts.push(`needs ${external.join(', ')}`);
  }
  return parts.join('; ');
}

/** A chain of keys, shortened to its ends when it would not fit on a line. */
function chainText(keys: string[]): string {
  const full = keys.join(' → ');
  if (keys.length === 0) {
    return '-';
  }
  return full.length <= 48 || keys.length <= 2
    ? full
    : `${keys[0]} → … → ${keys[keys.length - 1]} (${keys.length} tasks)`;
}
