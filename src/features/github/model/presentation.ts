import { escapeMarkdown } from '../../tasks/model/markdown';
import { formatAge } from './age';
import {
  statusAgeMs,
  type CiSummary,
  type GitHubStatus,
  type PullRequestState,
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

/** `#410`, `#410 merged`, `#410 draft ✗ 2 failing`. */
function shortText({ pr, ci }: PullRequestState): string {
  const parts = [`#${pr.number}`];
  if (pr.state !== 'open') {
    parts.push(pr.state);
    return parts.join(' ');
  }
  if (pr.draft) {
    parts.push('draft');
  }
  if (ci && ci.state !== 'none') {
    parts.push(
      ci.state === 'failure' ? `${CI_GLYPH.failure} ${ci.failed} failing` : CI_GLYPH[ci.state],
    );
  }
  return parts.join(' ');
}

function tooltipLines({ pr, ci, reviewDecision }: PullRequestState): string[] {
  const open = pr.state === 'open';
  const facts = [pr.draft && open ? 'draft' : pr.state];
  if (reviewDecision) {
    facts.push(REVIEW_TEXT[reviewDecision]);
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
  return lines;
}

const CI_SEVERITY: Record<CiSummary['state'], number> = {
  failure: 3,
  pending: 2,
  success: 1,
  none: 0,
};

/** The CI state a task's badge shows: the worst among its open PRs that have checks. */
function worstOpenCi(states: readonly PullRequestState[]): CiSummary | undefined {
  let worst: CiSummary | undefined;
  for (const { pr, ci } of states) {
    if (pr.state === 'open' && ci && (!worst || CI_SEVERITY[ci.state] > CI_SEVERITY[worst.state])) {
      worst = ci;
    }
  }
  return worst;
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
  const { pr } = taskStatus;
  const all: PullRequestState[] = [taskStatus, ...(taskStatus.others ?? [])];
  const ci = worstOpenCi(all);
  const badge = ci ? CI_GLYPH[ci.state] : '';
  const failingPr = all.find((state) => state.ci === ci)?.pr.number ?? pr.number;
  const badgeTooltip = badge
    ? `PR #${failingPr}: checks ${ci?.state === 'success' ? 'passing' : ci?.state === 'failure' ? 'failing' : 'pending'}`
    : '';
  const lines = all.flatMap(tooltipLines);
  const freshness = freshnessLine(github, now);
  if (freshness) {
    lines.push(`_${escapeMarkdown(freshness)}_`);
  }
  return {
    prNumber: pr.number,
    url: pr.url,
    state: pr.state,
    ci: taskStatus.ci?.state ?? 'unknown',
    text: all.map(shortText).join(', '),
    badge,
    badgeTooltip,
    tooltip: lines.join('\n').trimEnd(),
    stale: github.error !== undefined,
  };
}

/**
 * The task's description with its PR: `Codex · 2h · #410` becomes `Codex · 2h · #410 ✓` (and
 * `#409, #410` becomes `#410 ✓, #409 merged`); a description without the number gets it appended.
 */
export function describeWithPullRequest(
  description: string,
  presentation: TaskPullRequestPresentation,
): string {
  const own = `#${presentation.prNumber}`;
  const parts = description.split(' · ').filter((part) => part !== '');
  const at = parts.findIndex((part) => part.split(', ').includes(own));
  if (at >= 0) {
    parts[at] = presentation.text;
  } else {
    parts.push(presentation.text);
  }
  return parts.join(' · ');
}
