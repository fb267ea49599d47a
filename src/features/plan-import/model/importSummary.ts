import type { ImportPlan } from './importEdits';

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `21 tasks: 20 matched, 1 new, 0 ambiguous`, as the CLI and the editor both say it. */
export function importCounts(plan: ImportPlan): string {
  const count = (kind: string) => plan.rows.filter((row) => row.match.kind === kind).length;
  return `${counted(plan.rows.length, 'task')}: ${count('matched')} matched, ${count('new')} new, ${count('ambiguous')} ambiguous`;
}

/** `1 line`, `3 lines`: for the lines of a Markdown plan the reader could not place. */
export function unreadLines(count: number): string {
  return counted(count, 'line');
}
