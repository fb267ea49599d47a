import type { DisplayStatus, Estimate, Task, TaskGraph } from '../../../kernel/model/types';
import { escapeMarkdown, inlineCode } from './markdown';
import { STATUS_LABEL } from './statusLabels';

const SEPARATOR = ' · ';

export function estimateText(estimate: Estimate): string {
  return /^\s*\d+(\.\d+)?\s*$/.test(estimate.text)
    ? `${estimate.text.trim()}h`
    : estimate.text.trim();
}

export function progressText(task: Task): string | undefined {
  const progress = task.progress;
  return progress && progress.totalSteps > 0
    ? `${progress.completedSteps}/${progress.totalSteps}`
    : undefined;
}

/**
 * `waits for taskB · 3/5 · #410 · owner · estimate`, leaving out what the task does not have: what
 * decides the next step first, so the default sidebar width shows it.
 */
export function taskDescription(task: Task, waitingOn: readonly Task[] = []): string {
  const parts = [
    waitingOn.length > 0 ? `waits for ${waitingOn.map((t) => t.id).join(', ')}` : '',
    progressText(task) ?? '',
    task.prNumbers.map((n) => `#${n}`).join(', '),
    task.owner.trim(),
    task.estimate ? estimateText(task.estimate) : '',
  ];
  return parts.filter((part) => part !== '').join(SEPARATOR);
}

/** `done/total` for a group row. */
export function groupDescription(tasks: readonly Task[]): string {
  const done = tasks.filter((task) => task.status === 'completed').length;
  return `${done}/${tasks.length}`;
}

export interface TooltipContext {
  status: DisplayStatus;
  graph: TaskGraph | undefined;
  byKey: ReadonlyMap<string, Task>;
  /** Web address of the task's pull request, when known. */
  prUrl?: string;
}

/** The task's tooltip as Markdown: every field someone deciding what to do next wants at a glance. */
export function taskTooltip(task: Task, context: TooltipContext): string {
  const lines: string[] = [`**${escapeMarkdown(task.name)}**`, ''];
  const ids =
    task.id === task.key
      ? inlineCode(task.key)
      : `${inlineCode(task.id)}${SEPARATOR}${inlineCode(task.key)}`;
  lines.push(`${ids}${SEPARATOR}group ${inlineCode(task.group)}`, '');

  const facts = [STATUS_LABEL[context.status]];
  if (task.statusText !== undefined) {
    facts[0] += ` (written ${inlineCode(task.statusText)})`;
  }
  if (task.priority) {
    facts.push(`${task.priority} priority`);
  }
  if (task.owner.trim()) {
    facts.push(escapeMarkdown(task.owner.trim()));
  }
  if (task.estimate) {
    facts.push(`estimate ${escapeMarkdown(estimateText(task.estimate))}`);
  }
  if (task.progress && task.progress.totalSteps > 0) {
    facts.push(
      `${task.progress.completedSteps}/${task.progress.totalSteps} steps (${Math.round(task.progress.percentage)}%)`,
    );
  }
  if (task.phase) {
    facts.push(`phase ${escapeMarkdown(task.phase)}`);
  }
  lines.push(facts.join(SEPARATOR), '');

  const dependencies = dependencyLines(task, context);
  section(lines, 'Dependencies', dependencies);
  section(
    lines,
    'Blockers',
    task.blockers.map((b) => `- ${escapeMarkdown(b)}`),
  );

  if (task.branch) {
    lines.push(`**Branch** ${inlineCode(task.branch)}`, '');
  }
  if (task.prNumber !== undefined) {
    const others = task.prNumbers.filter((n) => n !== task.prNumber).map((n) => `#${n}`);
    lines.push(
      `**PR** ${context.prUrl ? `[#${task.prNumber}](${context.prUrl})` : `#${task.prNumber}`}${others.length > 0 ? `, ${others.join(', ')}` : ''}`,
      '',
    );
  }
  if (task.worktreePath) {
    lines.push(`**Worktree** ${inlineCode(task.worktreePath)}`, '');
  }
  if (task.criticalReview) {
    lines.push('**Critical review:** a reviewer must sign off before merge', '');
  }
  section(
    lines,
    'Acceptance criteria',
    task.acceptance.map((a) => `- ${escapeMarkdown(a)}`),
  );
  section(
    lines,
    'Checklist',
    task.checklist.map((item) => `- [ ] ${escapeMarkdown(item)}`),
  );
  section(
    lines,
    'Files',
    task.files.map((f) => `- ${inlineCode(f)}`),
  );
  if (task.reviewer) {
    lines.push(`**Reviewer** ${escapeMarkdown(task.reviewer)}`, '');
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines.join('\n');
}

function dependencyLines(task: Task, context: TooltipContext): string[] {
  const refs =
    context.graph?.dependencies.get(task.key) ??
    task.dependencies.map((name) => ({ name, taskKey: undefined }));
  return refs.map((ref) => {
    const dependency = ref.taskKey === undefined ? undefined : context.byKey.get(ref.taskKey);
    if (!dependency) {
      return `- ${inlineCode(ref.name)} (external prerequisite)`;
    }
    const status = STATUS_LABEL[dependency.status].toLowerCase();
    return `- ${inlineCode(dependency.id)} ${escapeMarkdown(dependency.name)} (${status})`;
  });
}

function section(lines: string[], title: string, items: string[]): void {
  if (items.length > 0) {
    lines.push(`**${title}**`, '', ...items, '');
  }
}
