import { escapeMarkdown } from '../../tasks/model/markdown';
import { formatAge } from './age';
import {
  statusAgeMs,
  type CiSummary,
  type GitHubStatus,
  type ReviewDecision,
  type TaskPullRequestStatus,
} from './types';

/** How a task's pull request shows in the Tasks view: description text, badge and tooltip. */
export interface TaskPullRequestPresentation {
  prNumber: number;
  url: string;
  state: TaskPullRequestStatus['pr']['state'];
  ci: CiSummary['state'] | 'unknown';
  /** `#410 ✓`, `#410 ✗ 2 failing`, `#410 draft ●`, `#410 merged`. */
  text: string;
  /** One or two characters for a file decoration: ✓ ✗ ● or nothing. */
  badge: string;
  /** What the badge means, for its hover. */
  badgeTooltip: string;
  /** Markdown appended to the task's tooltip. */
  tooltip: string;
  /** The data is the last known state: the latest refresh failed. */
  stale: boolean;
}

const CI_GLYPH: Record<CiSummary['state'], string> = {
  success: '✓',
  failure: '✗',
  pending: '●',
  none: '',
};

const REVIEW_TEXT: Record<ReviewDecision, string> = {
  approved: 'approved',
  changes_requested: 'changes requested',
  review_required: 'review required',
};

function ciText(ci: CiSummary | undefined): string {
  if (!ci) {
    return 'not fetched';
  }
  switch (ci.state) {
    case 'success':
      return `passing (${ci.passed}/${ci.total})`;
    case 'failure':
      return `failing: ${ci.failing.map((name) => escapeMarkdown(name)).join(', ')}`;
    case 'pending':
      return `${ci.pending} pending of ${ci.total}`;
    case 'none':
      return 'no checks';
  }
}

/** `Updated 3 min ago`, or `Last known state from 12 min ago: <why the refresh failed>`. */
export function freshnessLine(github: GitHubStatus, now: Date): string | undefined {
  const age = statusAgeMs(github, now);
  if (age === undefined) {
    return undefined;
  }
  if (github.error) {
    return `Last known state from ${formatAge(age)}: ${github.error.message}`;
  }
  return `Updated ${formatAge(age)}`;
}

/** Undefined when GitHub knows no PR for the task (or never answered). */
export function presentTaskPullRequest(
  taskStatus: TaskPullRequestStatus | undefined,
  github: GitHubStatus,
  now: Date,
): TaskPullRequestPresentation | undefined {
  if (!taskStatus || github.fetchedAt === undefined) {
    return undefined;
  }
  const { pr, ci } = taskStatus;
  const open = pr.state === 'open';
  const ciState = ci?.state ?? 'unknown';
  const parts = [`#${pr.number}`];
  if (!open) {
    parts.push(pr.state);
  } else {
    if (pr.draft) {
      parts.push('draft');
    }
    if (ci && ci.state !== 'none') {
      parts.push(
        ci.state === 'failure' ? `${CI_GLYPH.failure} ${ci.failed} failing` : CI_GLYPH[ci.state],
      );
    }
  }
  const badge = open && ci ? CI_GLYPH[ci.state] : '';
  const badgeTooltip = badge
    ? `PR #${pr.number}: checks ${ci?.state === 'success' ? 'passing' : ci?.state === 'failure' ? 'failing' : 'pending'}`
    : '';
  const facts = [pr.draft && open ? 'draft' : pr.state];
  if (taskStatus.reviewDecision) {
    facts.push(REVIEW_TEXT[taskStatus.reviewDecision]);
  }
  if (pr.mergeable === false) {
    facts.push('merge conflicts');
  }
  const lines = [
    `**Pull request** [#${pr.number}](${pr.url}) ${escapeMarkdown(pr.title)}`,
    '',
    facts.join(' · '),
    '',
  ];
  if (open) {
    lines.push(`**Checks** ${ciText(ci)}`, '');
  }
  const freshness = freshnessLine(github, now);
  if (freshness) {
    lines.push(`_${escapeMarkdown(freshness)}_`);
  }
  return {
    prNumber: pr.number,
    url: pr.url,
    state: pr.state,
    ci: ciState,
    text: parts.join(' '),
    badge,
    badgeTooltip,
    tooltip: lines.join('\n').trimEnd(),
    stale: github.error !== undefined,
  };
}

/**
 * The task's description with its PR: `Codex · 2h · #410` becomes `Codex · 2h · #410 ✓`; a
 * description without the number gets it appended.
 */
export function describeWithPullRequest(
  description: string,
  presentation: TaskPullRequestPresentation,
): string {
  const own = `#${presentation.prNumber}`;
  const parts = description.split(' · ').filter((part) => part !== '');
  const at = parts.indexOf(own);
  if (at >= 0) {
    parts[at] = presentation.text;
  } else {
    parts.push(presentation.text);
  }
  return parts.join(' · ');
}
