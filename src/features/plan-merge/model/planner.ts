import { normaliseStatus } from '../../../kernel/model/statuses';
import type { PlanEdit } from './planEdits';
import type { JsonPath } from './planShape';
import { STATUS_PROGRESS_ORDER, type MergeRule } from './rules';
import type { MergeNote } from './types';
import {
  describeJson,
  isRecord,
  largerNumber,
  laterTime,
  mergeAppends,
  mergeSets,
  moreProgress,
  sameJson,
} from './values';

export type RuleOf = (name: string) => MergeRule;

/** The objects that hold the value being merged, for rules that look at a sibling. */
export interface MergeContext {
  taskKey?: string;
  ours?: Record<string, unknown>;
  theirs?: Record<string, unknown>;
}

/** A `completed` the status rule chose over a lower status; kept only if the merged file shows its gates met. */
export interface ChosenCompletion {
  path: JsonPath;
  taskKey: string;
  /** The other side's status, which wins when the gates are not met. */
  fallback: unknown;
  /** The edit that wrote `completed` (absent when ours already had it). */
  edit?: Extract<PlanEdit, { kind: 'set' }>;
}

export function pathText(path: JsonPath): string {
  return path.map(String).join('.');
}

/**
 * Collects what a three-way merge changes in "ours": edits for every resolved change, and for each
 * conflict the edit that would take theirs instead (for theirs' side of the marker section).
 */
export class MergePlanner {
  readonly edits: PlanEdit[] = [];
  readonly theirsEdits: PlanEdit[] = [];
  readonly decisions: MergeNote[] = [];
  readonly conflicts: MergeNote[] = [];
  readonly completions: ChosenCompletion[] = [];

  decide(path: JsonPath, message: string): void {
    this.decisions.push({ path: pathText(path), message });
  }

  conflict(path: JsonPath, message: string, theirsEdit?: PlanEdit): void {
    this.conflicts.push({ path: pathText(path), message });
    if (theirsEdit) {
      this.theirsEdits.push(theirsEdit);
    }
  }

  /** Theirs' value at `path` (a deletion when absent). */
  take(path: JsonPath, value: unknown, into: PlanEdit[] = this.edits): PlanEdit {
    const edit: PlanEdit =
      value === undefined ? { kind: 'delete', path } : { kind: 'set', path, value };
    into.push(edit);
    return edit;
  }

  /** Theirs' value, as edits of only the members that differ when both are objects. */
  takeChanges(path: JsonPath, ours: unknown, theirs: unknown): void {
    if (!isRecord(ours) || !isRecord(theirs)) {
      this.take(path, theirs);
      return;
    }
    for (const name of Object.keys(ours)) {
      if (!sameJson(ours[name], theirs[name])) {
        this.takeChanges([...path, name], ours[name], theirs[name]);
      }
    }
    for (const name of Object.keys(theirs)) {
      if (!(name in ours)) {
        this.take([...path, name], theirs[name]);
      }
    }
  }

  mergeObject(
    path: JsonPath,
    base: Record<string, unknown> | undefined,
    ours: Record<string, unknown>,
    theirs: Record<string, unknown>,
    ruleOf: RuleOf,
    context: MergeContext = {},
  ): void {
    const members = { ...context, ours, theirs };
    for (const name of Object.keys(ours)) {
      const b = base?.[name];
      const o = ours[name];
      const t = theirs[name];
      // What `mergeValue` leaves alone, skipped before paying for a path: most members are.
      if (!sameJson(o, t) && !sameJson(b, t)) {
        this.mergeValue([...path, name], b, o, t, ruleOf(name), members);
      }
    }
    for (const name of Object.keys(theirs)) {
      if (!(name in ours)) {
        this.mergeValue(
          [...path, name],
          base?.[name],
          undefined,
          theirs[name],
          ruleOf(name),
          members,
        );
      }
    }
  }

  mergeValue(
    path: JsonPath,
    base: unknown,
    ours: unknown,
    theirs: unknown,
    rule: MergeRule,
    context: MergeContext,
  ): void {
    if (rule === 'recomputed' || sameJson(ours, theirs) || sameJson(base, theirs)) {
      return;
    }
    if (sameJson(base, ours)) {
      this.takeChanges(path, ours, theirs);
      return;
    }
    this.resolve(path, base, ours, theirs, rule, context);
  }

  /** Both sides changed the value, differently. */
  private resolve(
    path: JsonPath,
    base: unknown,
    ours: unknown,
    theirs: unknown,
    rule: MergeRule,
    context: MergeContext,
  ): void {
    const both = `ours ${describeJson(ours)}, theirs ${describeJson(theirs)}`;
    const pick = (side: 'ours' | 'theirs' | undefined, why: string) => {
      if (side === undefined) {
        this.conflictOn(path, ours, theirs, why);
        return;
      }
      if (side === 'theirs') {
        this.takeChanges(path, ours, theirs);
      }
      this.decide(path, `${both}: kept ${side} (${why})`);
    };
    const list = (merged: unknown[] | undefined, why: string) => {
      if (merged === undefined) {
        this.conflictOn(path, ours, theirs, `${why} needs lists`);
        return;
      }
      if (!sameJson(merged, ours)) {
        this.edits.push({ kind: 'set', path, value: merged });
      }
      this.decide(path, `${both}: ${describeJson(merged)} (${why})`);
    };
    switch (rule) {
      case 'status':
        return this.resolveStatus(path, ours, theirs, context);
      case 'progress':
        return pick(moreProgress(ours, theirs), 'more progress');
      case 'set':
        return list(mergeSets(base, ours, theirs), 'three-way set merge');
      case 'append':
        return list(mergeAppends(base, ours, theirs), 'appends of both sides');
      case 'later':
        return pick(laterTime(ours, theirs), 'the later time');
      case 'larger':
        return pick(largerNumber(ours, theirs), 'the larger number');
      case 'latestRun':
        return pick(
          laterTime(context.ours?.last_run, context.theirs?.last_run),
          'from the later run',
        );
      case 'members':
      case 'conflict':
        if (isRecord(ours) && isRecord(theirs)) {
          const nested: RuleOf = rule === 'members' ? () => 'larger' : () => 'conflict';
          this.mergeObject(path, isRecord(base) ? base : undefined, ours, theirs, nested, context);
          return;
        }
        this.conflictOn(path, ours, theirs, 'changed on both sides');
        return;
    }
  }

  private conflictOn(path: JsonPath, ours: unknown, theirs: unknown, why: string): void {
    const what =
      ours === undefined
        ? 'removed on our side, changed on theirs'
        : theirs === undefined
          ? 'changed on our side, removed on theirs'
          : `${why}: ours ${describeJson(ours)}, theirs ${describeJson(theirs)}`;
    this.conflict(
      path,
      what,
      theirs === undefined ? { kind: 'delete', path } : { kind: 'set', path, value: theirs },
    );
  }

  private resolveStatus(
    path: JsonPath,
    ours: unknown,
    theirs: unknown,
    context: MergeContext,
  ): void {
    const a = typeof ours === 'string' ? normaliseStatus(ours) : undefined;
    const b = typeof theirs === 'string' ? normaliseStatus(theirs) : undefined;
    if (!a || !b) {
      this.conflictOn(path, ours, theirs, 'not a known status');
      return;
    }
    if (a === b) {
      return;
    }
    const rank = (status: string) => STATUS_PROGRESS_ORDER.indexOf(status as never);
    const side = rank(b) > rank(a) ? 'theirs' : 'ours';
    const edit = side === 'theirs' ? this.take(path, theirs) : undefined;
    this.decide(path, `ours ${a}, theirs ${b}: kept ${side} (further along)`);
    if ((side === 'theirs' ? b : a) === 'completed' && context.taskKey !== undefined) {
      this.completions.push({
        path,
        taskKey: context.taskKey,
        fallback: side === 'theirs' ? ours : theirs,
        edit: edit?.kind === 'set' ? edit : undefined,
      });
    }
  }
}
