import type { FormattingOptions } from 'jsonc-parser';
import { lineIndentAt } from '../../../kernel/edits/formatting';
import type { OutlineNode } from '../../../kernel/model/outline';

export interface Replacement {
  start: number;
  end: number;
  content: string;
}

/**
 * Removes members of one object as text: each run of neighbouring removed members goes with the
 * separator before it (or after it, for a run at the start), so the rest stays exactly as written.
 */
export function memberRemovals(parent: OutlineNode, removed: ReadonlySet<string>): Replacement[] {
  const members = parent.children ?? [];
  const replacements: Replacement[] = [];
  let i = 0;
  while (i < members.length) {
    if (!removed.has(String(members[i].key))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < members.length && removed.has(String(members[j + 1].key))) {
      j++;
    }
    const start =
      i > 0
        ? members[i - 1].end
        : j + 1 < members.length
          ? members[i].keyStart!
          : members[i].keyStart!;
    const end = i > 0 || j + 1 === members.length ? members[j].end : members[j + 1].keyStart!;
    replacements.push({ start, end, content: '' });
    i = j + 1;
  }
  return replacements;
}

/**
 * A new member of a non-empty object as text, after the member `after` (first when null),
 * indented like its neighbours; undefined when `after` is not a member.
 */
export function memberInsertion(
  text: string,
  parent: OutlineNode,
  key: string,
  value: unknown,
  after: string | null,
  formatting: FormattingOptions,
): Replacement | undefined {
  const members = parent.children ?? [];
  const first = members[0];
  const previous = after === null ? undefined : members.find((m) => m.key === after);
  if (!first || (after !== null && !previous)) {
    return undefined;
  }
  const oneLine = !text.slice(parent.start, first.keyStart).includes('\n');
  const eol = formatting.eol ?? '\n';
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const indent = lineIndentAt(text, first.keyStart!);
  const printed = oneLine
    ? `${JSON.stringify(key)}:${JSON.stringify(value)}`
    : `${JSON.stringify(key)}: ${JSON.stringify(value, null, unit)
        .split('\n')
        .join(eol + indent)}`;
  if (previous) {
    const content = oneLine ? `,${printed}` : `,${eol}${indent}${printed}`;
    return { start: previous.end, end: previous.end, content };
  }
  const content = oneLine ? `${printed},` : `${eol}${indent}${printed},`;
  return { start: parent.start + 1, end: parent.start + 1, content };
}
