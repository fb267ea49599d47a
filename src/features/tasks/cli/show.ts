import * as path from 'node:path';
import {
  blockingChain,
  displayStatus,
  externalPrerequisites,
  unfinishedDependencies,
} from '../../../kernel/model/graph';
import type { Task } from '../../../kernel/model/types';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { taskJson } from '../model/taskJson';
import { findTask, openTaskFile, requireModel } from '../../common/cli/taskFile';
import { reviewLines } from '../../reviews/model/reviewLines';
import { pullRequestReviewsForCli } from '../../reviews/cli/pullRequestReviewsForCli';
import { taskReviewState } from '../../reviews/taskReviewState';

export const command: CliCommand = {
  summary: 'show one task (by key or id) with its dependencies and what blocks it',
  usage: 'coord show KEY [--json] [--file PATH]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { ...FILE_OPTION, ...JSON_OPTION }, 1);
    if (positionals.length === 0) {
      throw new UsageError('a task key or id is needed');
    }
    const opened = await openTaskFile(values.file, context);
    const { model, graph } = requireModel(opened);
    const task = findTask(model, positionals[0]);
    const chain = blockingChain(model, graph, task.key);
    const folder = path.dirname(opened.path);
    const review = await taskReviewState({
      folder,
      model,
      task,
      pullRequestReviews: await pullRequestReviewsForCli(folder, context),
    });
    if (values.json) {
      const dependents = graph.dependents.get(task.key) ?? [];
      const reviews = review.standing.map((s) => ({
        reviewer: s.gate.reviewer ?? null,
        because: s.gate.because,
        checklist: s.gate.checklist,
        state: s.state,
        review: s.review ?? null,
      }));
      context.stdout(
        `${JSON.stringify({ ...taskJson(model, graph, task), blockingChain: chain, dependents, reviews, raw: task.raw }, null, 2)}\n`,
      );
      return ExitCode.ok;
    }
    const lines: [string, string][] = [
      ['key', task.key],
      ['id', task.id],
      ['name', task.name],
      ['group', task.group],
      ['owner', task.owner],
      [
        'status',
        `${displayStatus(task, graph)}${task.statusText ? ` (written "${task.statusText}")` : ''}`,
      ],
      ['priority', task.priority ?? ''],
      ['estimate', task.estimate ? estimateText(task) : ''],
      ['branch', task.branch ?? ''],
      ['pr', task.prNumbers.map((n) => `#${n}`).join(', ')],
      [
        'progress',
        task.progress
          ? `${task.progress.completedSteps}/${task.progress.totalSteps} (${task.progress.percentage}%)`
          : '',
      ],
      ['critical review', task.criticalReview ? 'yes' : ''],
      ['phase', task.phase ?? ''],
      ['risk', task.risk ?? ''],
      ['reviewer', task.reviewer ?? ''],
      [
        'depends on',
        (graph.dependencies.get(task.key) ?? [])
          .filter((r) => r.taskKey)
          .map((r) => `${r.taskKey} (${model.byKey.get(r.taskKey!)!.status})`)
          .join(', '),
      ],
      ['needs (external)', externalPrerequisites(graph, task.key).join(', ')],
      [
        'blocked by',
        unfinishedDependencies(model, graph, task.key)
          .map((key) => `${key} (${model.byKey.get(key)!.status})`)
          .join(', '),
      ],
      ['longest chain', chain.length > 1 ? chain.join(' → ') : ''],
      ['needed by', (graph.dependents.get(task.key) ?? []).join(', ')],
      ['blockers', task.blockers.join('; ')],
      ['files', task.files.join(', ')],
      ['acceptance', task.acceptance.join('; ')],
      ['deliverables', task.deliverables.join('; ')],
      ['checklist', task.checklist.join('; ')],
      ['notes', task.notes.join('; ')],
    ];
    reviewLines(review.standing, review.pathsUnjudged).forEach((line, i) => {
      lines.push([i === 0 ? 'reviews' : '', line]);
    });
    for (const [label, value] of lines) {
      if (value !== '') {
        context.stdout(`${(label ? `${label}:` : '').padEnd(18)}${value}\n`);
      }
    }
    return ExitCode.ok;
  },
};

function estimateText(task: Task): string {
  const e = task.estimate!;
  return e.low === e.high
    ? `${e.hours}h`
    : `${e.hours}h (${e.low}-${e.high}h, written "${e.text}")`;
}
