import { isTaskEditError } from '../../../kernel/edits/errors';
import type { OutlineNode } from '../../../kernel/model/outline';
import { applyEditsToText } from './applyToText';
import { unmetCompletionGate } from './gates';
import { conflictText } from './markers';
import { mergeTasks } from './mergeTasks';
import { applyEditsInMemory, type PlanEdit } from './planEdits';
import { MergePlanner } from './planner';
import { guardrailSection, readPlanShape } from './planShape';
import { mergeRuleFor } from './rules';
import { skeletonDoc } from './skeleton';
import { summaryEdits } from './summary';
import { readTextPlan, type TextPlan } from './textShape';
import type { MergeNote, PlanMergeResult } from './types';
import { isRecord, sameJson } from './values';

const MARKER_LABELS = { ours: 'ours', theirs: 'theirs' };

/**
 * Three-way merge of a task file: each task and field merged from the common ancestor by the
 * rules in `MERGE_RULES`, theirs' changes applied as minimal edits onto ours' text, the stored
 * summary recounted. Pure and total: any three texts give a result, never an exception.
 */
export function mergeTaskFiles(base: string, ours: string, theirs: string): PlanMergeResult {
  if (ours === theirs || base === theirs) {
    return { kind: 'merged', text: ours, decisions: [] };
  }
  if (base === ours) {
    return { kind: 'merged', text: theirs, decisions: [] };
  }
  try {
    const fromText = mergeFromText(base, ours, theirs);
    if (fromText) {
      return fromText;
    }
    const oursDoc = parse(ours);
    const theirsDoc = parse(theirs);
    if (oursDoc === undefined || theirsDoc === undefined) {
      const side = oursDoc === undefined ? 'ours' : 'theirs';
      return wholeFileConflict(ours, theirs, [{ path: '', message: `${side} is not valid JSON` }]);
    }
    return merge(parse(base), ours, oursDoc, theirs, theirsDoc);
  } catch (error) {
    const message = isTaskEditError(error)
      ? error.message
      : `cannot merge structurally: ${error instanceof Error ? error.message : String(error)}`;
    return wholeFileConflict(ours, theirs, [{ path: '', message }]);
  }
}

/**
 * The usual case, from the texts alone: tasks are compared as written and parsed only where a
 * side wrote them differently or the merge edits them, so a large file is never parsed whole
 * (the result is, once, to check it). Undefined when a side is not in a shape this reads; the
 * caller then parses all three.
 */
function mergeFromText(base: string, ours: string, theirs: string): PlanMergeResult | undefined {
  const b = textPlanOrNothing(base);
  const o = textPlanOrNothing(ours);
  const t = textPlanOrNothing(theirs);
  const layout = o?.shape.layout;
  if (!b || !o || !t || b.shape.layout !== layout || t.shape.layout !== layout) {
    return undefined;
  }
  const planner = new MergePlanner();
  mergeDocument(planner, b.members, o.members, t.members, true);
  mergeTasks(planner, b.shape, o.shape, t.shape);
  const touching = [...planner.edits, ...planner.theirsEdits];
  return finish(planner, ours, skeletonDoc(o, touching, planner.completions), o.outline);
}

function textPlanOrNothing(text: string): TextPlan | undefined {
  try {
    return readTextPlan(text);
  } catch {
    return undefined;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function merge(
  baseDoc: unknown,
  ours: string,
  oursDoc: unknown,
  theirs: string,
  theirsDoc: unknown,
): PlanMergeResult {
  const planner = new MergePlanner();
  if (
    Array.isArray(oursDoc) !== Array.isArray(theirsDoc) ||
    typeof oursDoc !== 'object' ||
    oursDoc === null ||
    typeof theirsDoc !== 'object' ||
    theirsDoc === null
  ) {
    return wholeFileConflict(ours, theirs, [
      { path: '', message: 'the two sides have different document shapes' },
    ]);
  }
  const shapes = [baseDoc, oursDoc, theirsDoc].map(readPlanShape);
  const [baseShape, oursShape, theirsShape] = shapes;
  const tasksByTask =
    oursShape !== undefined &&
    theirsShape !== undefined &&
    oursShape.layout === theirsShape.layout &&
    (baseShape === undefined || baseShape.layout === oursShape.layout);
  if (Array.isArray(oursDoc)) {
    if (!tasksByTask) {
      return wholeFileConflict(ours, theirs, [
        { path: '', message: 'the task lists cannot be matched task by task' },
      ]);
    }
    mergeTasks(planner, baseShape, oursShape, theirsShape);
  } else {
    mergeDocument(planner, baseDoc, oursDoc as Record<string, unknown>, theirsDoc, tasksByTask);
    if (tasksByTask) {
      mergeTasks(planner, baseShape, oursShape!, theirsShape!);
    }
  }
  return finish(planner, ours, oursDoc);
}

/** Gates, summary and text of a planned merge; a conflict when anything is left to choose. */
function finish(
  planner: MergePlanner,
  ours: string,
  oursDoc: unknown,
  oursOutline?: OutlineNode,
): PlanMergeResult {
  keepCompletionsWithGatesMet(planner, oursDoc);
  const result = (edits: PlanEdit[]) => {
    const merged = applyEditsInMemory(oursDoc, edits);
    return applyEditsToText(ours, [...edits, ...summaryEdits(oursDoc, merged)], oursOutline);
  };
  const oursSide = result(planner.edits);
  JSON.parse(oursSide);
  if (planner.conflicts.length === 0) {
    return { kind: 'merged', text: oursSide, decisions: planner.decisions };
  }
  const theirsSide = result([...planner.edits, ...planner.theirsEdits]);
  JSON.parse(theirsSide);
  return {
    kind: 'conflict',
    text: conflictText(oursSide, theirsSide, planner.conflicts, MARKER_LABELS),
    decisions: planner.decisions,
    conflicts: planner.conflicts,
  };
}

/** Every top-level member but the tasks (when merged task by task) by its document rule. */
function mergeDocument(
  planner: MergePlanner,
  baseDoc: unknown,
  oursDoc: Record<string, unknown>,
  theirsDoc: unknown,
  skipTasks: boolean,
): void {
  const base = isRecord(baseDoc) ? baseDoc : {};
  const theirs = theirsDoc as Record<string, unknown>;
  const section = guardrailSection(oursDoc);
  const sameSection = section !== undefined && section === guardrailSection(theirs);
  for (const name of new Set([...Object.keys(oursDoc), ...Object.keys(theirs)])) {
    if (name === 'tasks' && skipTasks) {
      continue;
    }
    const [b, o, t] = [base[name], oursDoc[name], theirs[name]];
    if (name === section && sameSection && isRecord(o) && isRecord(t)) {
      mergeGuardrails(planner, [name], isRecord(b) ? b : {}, o, t);
    } else {
      planner.mergeValue([name], b, o, t, mergeRuleFor('document', name), {});
    }
  }
}

function mergeGuardrails(
  planner: MergePlanner,
  path: string[],
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
): void {
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const [b, o, t] = [base[key], ours[key], theirs[key]];
    if (isRecord(o) && isRecord(t) && !sameJson(o, t)) {
      planner.mergeObject([...path, key], isRecord(b) ? b : undefined, o, t, (name) =>
        mergeRuleFor('guardrail', name),
      );
    } else {
      planner.mergeValue([...path, key], b, o, t, 'conflict', {});
    }
  }
}

/**
 * A `completed` chosen over the other side's lower status stays only when the merged file shows
 * its gates met; otherwise the lower status wins. Repeated, since a task that loses its
 * completion can be the dependency of another.
 */
function keepCompletionsWithGatesMet(planner: MergePlanner, oursDoc: unknown): void {
  const pending = new Set(planner.completions);
  let changed = pending.size > 0;
  while (changed) {
    changed = false;
    const merged = applyEditsInMemory(oursDoc, planner.edits);
    const shape = readPlanShape(merged);
    for (const completion of pending) {
      const unmet = shape && unmetCompletionGate(merged, shape, completion.taskKey);
      if (!unmet) {
        continue;
      }
      pending.delete(completion);
      changed = true;
      if (completion.edit) {
        completion.edit.value = completion.fallback;
      } else {
        planner.edits.push({ kind: 'set', path: completion.path, value: completion.fallback });
      }
      planner.decide(
        completion.path,
        `completed not kept: ${unmet}; kept ${JSON.stringify(completion.fallback)}`,
      );
    }
  }
}

function wholeFileConflict(ours: string, theirs: string, conflicts: MergeNote[]): PlanMergeResult {
  return {
    kind: 'conflict',
    text: conflictText(ours, theirs, conflicts, MARKER_LABELS),
    decisions: [],
    conflicts,
  };
}
