import { splitOwners } from '../../../kernel/model/owners';
import { PRIORITIES } from '../../../kernel/model/types';
import { cell, code, table } from './markdownText';
import type { SnapshotDocument, SnapshotTask } from './types';

/**
 * What the team's hand-kept dashboard had: the success criteria, risks, next actions, and the
 * plan by owner and by priority. Sections whose data the snapshot lacks are left out.
 */
export function attentionSections(doc: SnapshotDocument): string[][] {
  return [
    ...(doc.metrics ? [criteriaSection(doc.metrics)] : []),
    ...(doc.risks ? [risksSection(doc.risks)] : []),
    ...(doc.nextActions ? [nextActionsSection(doc.nextActions)] : []),
    byOwnerSection(doc),
    byPrioritySection(doc.tasks),
  ];
}

function criteriaSection(metrics: NonNullable<SnapshotDocument['metrics']>): string[] {
  const mark = (met: boolean | undefined) =>
    met === true ? '✅ met' : met === false ? '❌ not met' : '— not measured';
  const out = [
    '## Success criteria',
    '',
    ...table(
      ['Criterion', 'Status', 'Detail'],
      metrics.criteria.map((c) => [cell(c.label), mark(c.met), cell(c.detail)]),
    ),
  ];
  const timed = metrics.tasks.filter((t) => t.estimateHours !== undefined || t.completedAt);
  if (timed.length > 0) {
    out.push(
      '',
      ...table(
        ['Task', 'Actual h', 'Paused h', 'Estimate h', 'Off by', 'Within ±30 min'],
        timed.map((t) => [
          code(t.key),
          String(t.actualHours),
          String(t.pausedHours),
          t.estimateHours !== undefined ? String(t.estimateHours) : '—',
          t.deltaMinutes !== undefined
            ? `${t.deltaMinutes > 0 ? '+' : ''}${t.deltaMinutes} min`
            : '—',
          t.withinEstimate === undefined ? '—' : t.withinEstimate ? 'yes' : '**no**',
        ]),
      ),
    );
  }
  return out;
}

function risksSection(risks: NonNullable<SnapshotDocument['risks']>): string[] {
  const out = ['## Risks', ''];
  for (const g of risks.failingGuardrails) {
    out.push(`- Required guardrail ${code(g.key)} is ${cell(g.status.replace(/_/g, ' '))}`);
  }
  for (const r of risks.overdueReviews) {
    const hours = r.ageMs !== undefined ? `, waiting ${Math.floor(r.ageMs / 3_600_000)} h` : '';
    out.push(`- Review of ${code(r.taskKey)} by ${cell(r.reviewer)} is overdue${hours}`);
  }
  for (const t of risks.staleTasks) {
    out.push(
      `- ${cell(t.name)} (${code(t.key)}, ${cell(t.owner)}) in progress with no change for ${t.idleDays} days`,
    );
  }
  if (out.length === 2) {
    out.push('No failing guardrail, overdue review or stale task.');
  }
  return out;
}

function nextActionsSection(actions: readonly string[]): string[] {
  return [
    '## Next actions',
    '',
    ...(actions.length > 0
      ? actions.map((action, index) => `${index + 1}. ${cell(action)}`)
      : ['Nothing to do.']),
  ];
}

interface Counts {
  tasks: number;
  completed: number;
  inProgress: number;
  held: number;
  notStarted: number;
}

function count(tasks: readonly SnapshotTask[]): Counts {
  return {
    tasks: tasks.length,
    completed: tasks.filter((t) => t.status === 'completed').length,
    inProgress: tasks.filter((t) => t.status === 'in_progress').length,
    held: tasks.filter((t) => t.status === 'blocked' || t.status === 'waiting').length,
    notStarted: tasks.filter((t) => t.status === 'not_started').length,
  };
}

function countCells(c: Counts): string[] {
  return [
    String(c.tasks),
    String(c.completed),
    String(c.inProgress),
    String(c.held),
    String(c.notStarted),
  ];
}

const COUNT_HEADERS = ['Tasks', 'Completed', 'In progress', 'Blocked or waiting', 'Not started'];

function byOwnerSection(doc: SnapshotDocument): string[] {
  const byOwner = new Map<string, SnapshotTask[]>();
  for (const task of doc.tasks) {
    const owners = splitOwners(task.owner);
    for (const owner of owners.length > 0 ? owners : ['(no owner)']) {
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), task]);
    }
  }
  const measured = new Map((doc.metrics?.owners ?? []).map((o) => [o.owner, o]));
  const rows = [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, tasks]) => {
      const m = measured.get(owner);
      return [
        cell(owner),
        ...countCells(count(tasks)),
        m ? `${m.actualHours} / ${m.estimateHours}` : '—',
        m ? `${m.outside} of ${m.judged}` : '—',
      ];
    });
  return [
    '## By owner',
    '',
    ...table(['Owner', ...COUNT_HEADERS, 'Actual h / estimate h', 'Outside estimate'], rows),
  ];
}

function byPrioritySection(tasks: readonly SnapshotTask[]): string[] {
  const rows = [...PRIORITIES, undefined].flatMap((priority) => {
    const these = tasks.filter((t) => t.priority === priority);
    return these.length > 0 ? [[priority ?? '(none)', ...countCells(count(these))]] : [];
  });
  return ['## By priority', '', ...table(['Priority', ...COUNT_HEADERS], rows)];
}
