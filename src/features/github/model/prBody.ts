import type { Task } from '../../../kernel/model/types';

/**
 * The default PR body, in the style of the plans the tasks come from: summary, test plan, risk
 * and the task's acceptance criteria as a checklist. `{{name}}` placeholders are filled by
 * `renderPrBody`; unknown ones are left as written so a typo in a custom template shows.
 */
export const DEFAULT_PR_BODY_TEMPLATE = `## Summary

{{summary}}

Task \`{{id}}\`: {{name}} (owner: {{owner}}, priority: {{priority}})

## Test plan

{{testPlan}}

## Risk

{{risk}}

## Acceptance criteria

{{acceptance}}
`;

const BRANCH_TYPES = ['feat', 'fix', 'ops', 'docs', 'ci', 'chore', 'refactor', 'test', 'perf'];

/** `feat: Shadow-Diff Harness` for branch `feat/codex/shadow-diff-harness`; the name otherwise. */
export function pullRequestTitle(task: Pick<Task, 'name' | 'branch'>): string {
  const type = task.branch?.split('/')[0];
  return type && BRANCH_TYPES.includes(type) ? `${type}: ${task.name}` : task.name;
}

function textField(task: Task, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = task.raw[name];
    if (typeof value === 'string' && value.trim() !== '') {
      return value.trim();
    }
    if (Array.isArray(value) && value.every((item) => typeof item === 'string') && value.length) {
      return value.map((item) => `- ${String(item)}`).join('\n');
    }
  }
  return undefined;
}

function bullets(items: readonly string[], box: boolean): string {
  return items.map((item) => `- ${box ? '[ ] ' : ''}${item}`).join('\n');
}

/** The values a template can use, by placeholder name. */
export function prBodyValues(task: Task): Record<string, string> {
  const summary =
    textField(task, 'summary', 'description') ??
    (task.deliverables.length ? bullets(task.deliverables, false) : task.name);
  const testPlan =
    textField(task, 'test_plan', 'testPlan') ??
    bullets(['Unit tests pass locally', 'Guardrails pass (`coord guardrails`)'], true);
  const riskLines = [task.risk ? `${task.risk}` : 'Not assessed.'];
  if (task.criticalReview) {
    riskLines.push('Critical review required before merge.');
  }
  return {
    summary,
    testPlan,
    risk: riskLines.join(' '),
    acceptance: task.acceptance.length
      ? bullets(task.acceptance, true)
      : '_No acceptance criteria recorded in the task file._',
    id: task.id,
    key: task.key,
    name: task.name,
    owner: task.owner || 'unassigned',
    priority: task.priority ?? 'unset',
    branch: task.branch ?? '',
    group: task.group,
    files: task.files.length
      ? bullets(
          task.files.map((file) => `\`${file}\``),
          false,
        )
      : '',
    deliverables: task.deliverables.length ? bullets(task.deliverables, false) : '',
    dependencies: task.dependencies.join(', '),
  };
}

export function renderPrBody(task: Task, template: string = DEFAULT_PR_BODY_TEMPLATE): string {
  const values = prBodyValues(task);
  return template.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? (values[name] ?? '') : whole,
  );
}
