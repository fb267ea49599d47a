import type { JsonPath } from './locate';
import type { ProblemSink } from './problems';

/**
 * The review fields of the task file, read apart from the main task reader: the top-level
 * `review_rules` (path globs → a required reviewer, with an optional checklist) and, per task,
 * `critical_review`'s `review_checklist` and the recorded `reviews`.
 */

export interface ReviewRule {
  /** gitignore-style globs, e.g. `matriz/`, `lukhas/identity/**`, `*.sql`. */
  paths: string[];
  /** A role, agent or person, e.g. `Claude Code`. */
  reviewer: string;
  checklist: string[];
}

export const REVIEW_VERDICTS = ['approve', 'request_changes'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** One review kept on the task in its `reviews` list. */
export interface ReviewRecord {
  reviewer: string;
  verdict: ReviewVerdict;
  /** 1-based numbers of the checklist items the reviewer checked. */
  checked: number[];
  note?: string;
  /** ISO time. */
  at: string;
  /** The branch head that was reviewed; absent when the task had no branch. */
  commit?: string;
  host?: string;
}

/** A request for a task's review, kept in its `review_requests` list: the review's SLA runs from it. */
export interface ReviewRequestRecord {
  /** Who asked. */
  by: string;
  /** ISO time. */
  at: string;
  /** The branch head to be reviewed, when the task had a branch. */
  commit?: string;
  note?: string;
  host?: string;
}

export interface ReviewRulesRead {
  rules: ReviewRule[];
  /** One per entry that could not be read (it is left out), with where it is. */
  problems: { message: string; path: JsonPath }[];
}

export function readReviewRules(doc: Record<string, unknown>): ReviewRulesRead {
  const value = doc.review_rules;
  if (value === undefined) {
    return { rules: [], problems: [] };
  }
  if (!Array.isArray(value)) {
    return {
      rules: [],
      problems: [{ message: '"review_rules" should be a list of rules', path: ['review_rules'] }],
    };
  }
  const rules: ReviewRule[] = [];
  const problems: ReviewRulesRead['problems'] = [];
  value.forEach((entry: unknown, index) => {
    const record = asRecord(entry);
    const paths = stringList(record?.paths);
    const reviewer = typeof record?.reviewer === 'string' ? record.reviewer.trim() : '';
    if (!record || paths.length === 0 || reviewer === '') {
      problems.push({
        message: `review rule ${index + 1} needs "paths" (a list of globs) and a "reviewer"; it is ignored`,
        path: ['review_rules', index],
      });
      return;
    }
    rules.push({ paths, reviewer, checklist: stringList(record.checklist) });
  });
  return { rules, problems };
}

/** Reports the review rules that cannot be read, as warnings of the file's diagnostics. */
export function reportReviewRuleProblems(doc: Record<string, unknown>, report: ProblemSink): void {
  for (const problem of readReviewRules(doc).problems) {
    report({ severity: 'warning', code: 'invalid-review-rule', ...problem });
  }
}

/** A task's own checklist, for `critical_review`. */
export function readReviewChecklist(task: Record<string, unknown>): string[] {
  return stringList(task.review_checklist);
}

/** The task's recorded reviews; entries that are not reviews are skipped. */
export function readReviews(task: Record<string, unknown>): ReviewRecord[] {
  const list = Array.isArray(task.reviews) ? (task.reviews as unknown[]) : [];
  const reviews: ReviewRecord[] = [];
  for (const entry of list) {
    const record = asRecord(entry);
    const verdict = REVIEW_VERDICTS.find((v) => v === record?.verdict);
    if (
      !record ||
      !verdict ||
      typeof record.reviewer !== 'string' ||
      typeof record.at !== 'string'
    ) {
      continue;
    }
    const review: ReviewRecord = {
      reviewer: record.reviewer,
      verdict,
      checked: Array.isArray(record.checked)
        ? record.checked.filter((n): n is number => Number.isInteger(n))
        : [],
      at: record.at,
    };
    if (typeof record.note === 'string') {
      review.note = record.note;
    }
    if (typeof record.commit === 'string') {
      review.commit = record.commit;
    }
    if (typeof record.host === 'string') {
      review.host = record.host;
    }
    reviews.push(review);
  }
  return reviews;
}

/** The task's recorded review requests; entries that are not requests are skipped. */
export function readReviewRequests(task: Record<string, unknown>): ReviewRequestRecord[] {
  const list = Array.isArray(task.review_requests) ? (task.review_requests as unknown[]) : [];
  const requests: ReviewRequestRecord[] = [];
  for (const entry of list) {
    const record = asRecord(entry);
    if (!record || typeof record.by !== 'string' || typeof record.at !== 'string') {
      continue;
    }
    const request: ReviewRequestRecord = { by: record.by, at: record.at };
    for (const field of ['commit', 'note', 'host'] as const) {
      if (typeof record[field] === 'string') {
        request[field] = record[field];
      }
    }
    requests.push(request);
  }
  return requests;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') {
    return value.trim() ? [value.trim()] : [];
  }
  return Array.isArray(value)
    ? value
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
        .map((v) => v.trim())
    : [];
}
