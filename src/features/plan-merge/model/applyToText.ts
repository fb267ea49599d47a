import type { FormattingOptions } from 'jsonc-parser';
import { detectFormatting, lineIndentAt } from '../../../kernel/edits/formatting';
import { SubDocument } from '../../../kernel/edits/subDocument';
import { outlineJson, type OutlineNode } from '../../../kernel/model/outline';
import { memberInsertion, memberRemovals, type Replacement } from './memberText';
import { orderEdits, type PlanEdit } from './planEdits';
import type { JsonPath } from './planShape';
import { TASKS_OUTLINE_DEPTH } from './textShape';
import { sameJson } from './values';

interface Anchor {
  path: JsonPath;
  node: OutlineNode;
  edits: PlanEdit[];
}

/**
 * Applies the merge's edits to ours' text as minimal replacements: a changed number or string is
 * rewritten in place; any other edit re-prints only the smallest object that holds it (one task,
 * one group), so formatting, order and unknown fields elsewhere stay as they were.
 */
export function applyEditsToText(
  text: string,
  edits: readonly PlanEdit[],
  /** The text's outline to the tasks' depth, when the caller has it already. */
  outlined?: OutlineNode,
): string {
  if (edits.length === 0) {
    return text;
  }
  const root = outlined ?? outlineJson(text, TASKS_OUTLINE_DEPTH);
  if (!root) {
    throw new SyntaxError('ours does not parse');
  }
  const outline = new OutlineIndex(text, root);
  const formatting = detectFormatting(text);
  // By node: a later edit of the same value replaces an earlier one.
  const direct = new Map<
    OutlineNode,
    { path: JsonPath; value: unknown; replacement: Replacement }
  >();
  const removals = new Map<OutlineNode, { path: JsonPath; edits: PlanEdit[]; keys: Set<string> }>();
  const insertions: {
    parent: OutlineNode;
    parentPath: JsonPath;
    edit: PlanEdit;
    replacement: Replacement;
  }[] = [];
  const anchored: { anchorPath: JsonPath; edit: PlanEdit }[] = [];
  for (const edit of orderEdits(edits)) {
    const node = edit.kind === 'set' ? outline.at(edit.path) : undefined;
    const parentPath = edit.path.slice(0, -1);
    const member = edit.path[edit.path.length - 1];
    const parent = edit.kind === 'append' ? undefined : outline.at(parentPath);
    if (node && edit.kind === 'set') {
      const replacement = inPlace(text, node, edit.value, formatting);
      if (replacement) {
        direct.set(node, { path: edit.path, value: edit.value, replacement });
        continue;
      }
    }
    if (parent?.kind === 'object' && parent.children && typeof member === 'string') {
      if (edit.kind === 'delete' && outline.at(edit.path)) {
        const entry = removals.get(parent) ?? { path: parentPath, edits: [], keys: new Set() };
        entry.edits.push(edit);
        entry.keys.add(member);
        removals.set(parent, entry);
        continue;
      }
      const last = parent.children[parent.children.length - 1];
      const replacement =
        edit.kind === 'insert' && !outline.at(edit.path)
          ? memberInsertion(text, parent, member, edit.value, edit.after, formatting)
          : edit.kind === 'set' && !node && last
            ? memberInsertion(text, parent, member, edit.value, String(last.key), formatting)
            : undefined;
      if (replacement) {
        insertions.push({ parent, parentPath, edit, replacement });
        continue;
      }
    }
    anchored.push({ anchorPath: anchorPathOf(outline, edit), edit });
  }
  // An object losing and gaining members is re-printed whole: text edits of both could meet.
  // Their insertions follow them into the anchor below.
  for (const { parent } of insertions) {
    const removed = removals.get(parent);
    if (removed) {
      removals.delete(parent);
      anchored.push(...removed.edits.map((edit) => ({ anchorPath: removed.path, edit })));
    }
  }
  const anchors = outermostAnchors(
    outline,
    anchored.map((a) => a.anchorPath),
  );
  for (const { anchorPath, edit } of anchored) {
    anchors.containing(anchorPath)!.edits.push(edit);
  }
  const replacements: Replacement[] = [];
  for (const { path, value, replacement } of direct.values()) {
    const anchor = anchors.containing(path);
    if (anchor) {
      anchor.edits.push({ kind: 'set', path, value });
    } else {
      replacements.push(replacement);
    }
  }
  for (const [parent, { path, edits: removed, keys }] of removals) {
    const anchor = anchors.containing(path);
    if (anchor) {
      anchor.edits.push(...removed);
    } else {
      replacements.push(...memberRemovals(parent, keys));
    }
  }
  for (const { parentPath, edit, replacement } of insertions) {
    const anchor = anchors.containing(parentPath);
    if (anchor) {
      anchor.edits.push(edit);
    } else {
      replacements.push(replacement);
    }
  }
  for (const anchor of anchors.all) {
    const doc = new SubDocument(text, anchor.node.start, anchor.node.end, formatting);
    for (const edit of orderEdits(anchor.edits)) {
      applyToSubDocument(doc, edit, anchor.path.length);
    }
    replacements.push({ start: anchor.node.start, end: anchor.node.end, content: doc.result() });
  }
  // Stable, and an insertion where a removal starts goes first.
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let position = 0;
  for (const replacement of replacements) {
    parts.push(text.slice(position, replacement.start), replacement.content);
    position = replacement.end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

/** Children by key, indexed on first use: a group can hold thousands of tasks. */
class OutlineIndex {
  private readonly indexes = new Map<OutlineNode, Map<string | number, OutlineNode>>();

  constructor(
    private readonly text: string,
    readonly root: OutlineNode,
  ) {}

  at(path: JsonPath): OutlineNode | undefined {
    let node: OutlineNode | undefined = this.root;
    for (const key of path) {
      node = node && this.child(node, key);
    }
    return node;
  }

  private child(node: OutlineNode, key: string | number): OutlineNode | undefined {
    let index = this.indexes.get(node);
    if (!index) {
      index = new Map();
      // Later duplicates win, as `JSON.parse` reads them.
      for (const child of node.children ?? this.outlineOf(node)) {
        index.set(child.key!, child);
      }
      this.indexes.set(node, index);
    }
    return index.get(key);
  }

  /** The members of a container below the outline's depth (a task's fields), outlined on demand. */
  private outlineOf(node: OutlineNode): OutlineNode[] {
    if (node.kind === 'value') {
      return [];
    }
    node.children = outlineJson(this.text, 2, { start: node.start })?.children ?? [];
    return node.children;
  }
}

/** The anchors by path, found from any path inside them by walking up its prefixes. */
class Anchors {
  readonly all: Anchor[] = [];
  private readonly byPath = new Map<string, Anchor>();

  add(anchor: Anchor): void {
    this.all.push(anchor);
    this.byPath.set(JSON.stringify(anchor.path), anchor);
  }

  containing(path: JsonPath): Anchor | undefined {
    // Most merges re-print nothing whole: every edit is asked about, so answer those at once.
    if (this.all.length === 0) {
      return undefined;
    }
    for (let length = 0; length <= path.length; length++) {
      const anchor = this.byPath.get(JSON.stringify(path.slice(0, length)));
      if (anchor) {
        return anchor;
      }
    }
    return undefined;
  }
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * A new value written over the old one as text: a number, string, true, false or null in place;
 * a list that only gained items at its end gets them appended after its last item.
 */
function inPlace(
  text: string,
  node: OutlineNode,
  value: unknown,
  formatting: FormattingOptions,
): Replacement | undefined {
  if (node.kind === 'value') {
    return isPrimitive(value)
      ? { start: node.start, end: node.end, content: JSON.stringify(value) }
      : undefined;
  }
  if (node.kind !== 'array' || !node.children || !Array.isArray(value)) {
    return undefined;
  }
  const current = JSON.parse(text.slice(node.start, node.end)) as unknown[];
  if (value.length <= current.length || !current.every((item, i) => sameJson(item, value[i]))) {
    return undefined;
  }
  const added = value.slice(current.length);
  const last = node.children[node.children.length - 1];
  if (!last) {
    return { start: node.start, end: node.end, content: JSON.stringify(value) };
  }
  const oneLine = !text.slice(node.start, last.end).includes('\n');
  const indent = lineIndentAt(text, last.start);
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const eol = formatting.eol ?? '\n';
  const content = added
    .map((item) =>
      oneLine
        ? `, ${JSON.stringify(item)}`
        : `,${eol}${indent}${JSON.stringify(item, null, unit)
            .split('\n')
            .join(eol + indent)}`,
    )
    .join('');
  return { start: last.end, end: last.end, content };
}

/** The deepest container in the outline that holds what the edit changes. */
function anchorPathOf(outline: OutlineIndex, edit: PlanEdit): JsonPath {
  let path = edit.kind === 'append' ? edit.path : edit.path.slice(0, -1);
  while (path.length > 0) {
    const node = outline.at(path);
    if (node && node.kind !== 'value') {
      return path;
    }
    path = path.slice(0, -1);
  }
  return path;
}

/** One anchor per edited region: an anchor inside another anchor's object is folded into it. */
function outermostAnchors(outline: OutlineIndex, paths: JsonPath[]): Anchors {
  const byLength = [...paths].sort((a, b) => a.length - b.length);
  const anchors = new Anchors();
  for (const path of byLength) {
    if (!anchors.containing(path)) {
      anchors.add({ path, node: outline.at(path)!, edits: [] });
    }
  }
  return anchors;
}

function applyToSubDocument(doc: SubDocument, edit: PlanEdit, depth: number): void {
  const path = edit.path.slice(depth);
  switch (edit.kind) {
    case 'set':
      doc.set(path, edit.value);
      return;
    case 'delete':
      if (typeof path[path.length - 1] === 'number') {
        doc.removeArrayItem(path);
      } else {
        doc.set(path, undefined);
      }
      return;
    case 'append':
      doc.set([...path, -1], edit.value, true);
      return;
    case 'insert': {
      const after = edit.after;
      doc.set(path, edit.value, false, (properties) => {
        if (after === null) {
          return 0;
        }
        const index = properties.indexOf(after);
        return index === -1 ? properties.length : index + 1;
      });
      return;
    }
  }
}
