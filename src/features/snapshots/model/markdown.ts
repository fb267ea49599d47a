import { hasChanges } from './diff';
import { renderMermaidGraph } from './mermaid';
import type {
  SnapshotChanges,
  SnapshotConflicts,
  SnapshotDocument,
  SnapshotPullRequest,
  SnapshotTask,
} from './types';

/**
 * Text from the task file or GitHub as one line of Markdown in which no link, image, code span or
 * HTML can start (`[x](javascript:…)` stays those characters), pipes escaped for tables.
 */
export function cell(text: string | number | undefined): string {
  if (text === undefined || text === '') {
    return '—';
  }
  return String(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`[\]|]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function code(text: string | undefined): string {
  return text
    ? `\`${text
        .replace(/[\r\n]+/g, ' ')
        .replace(/`/g, "'")
        .replace(/\|/g, '\\|')}\``
    : '—';
}

/**
 * `[#12](url)` when the URL is an https address of that pull request (`/owner/repo/pull/12` of the
 * snapshot's repository), else plain `#12`: a server cannot slip another link in.
 */
function prLink(pr: { number: number; url: string }, repository: string | undefined): string {
  let url: URL;
  try {
    url = new URL(pr.url);
  } catch {
    return `#${pr.number}`;
  }
  const expectedPath = repository ? `/${repository}/pull/${pr.number}`.toLowerCase() : undefined;
  if (
    url.protocol !== 'https:' ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    (expectedPath !== undefined && url.pathname.toLowerCase() !== expectedPath)
  ) {
    return `#${pr.number}`;
  }
  const href = url.href.replace(
    /[()<>|\s]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[#${pr.number}](${href})`;
}

function table(headers: string[], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

const STATUS_WORDS: Record<string, string> = {
  completed: 'completed',
  in_progress: 'in progress',
  ready: 'ready',
  waiting: 'waiting',
  blocked: '**blocked**',
  not_started: 'not started',
};

const CI_WORDS: Record<string, string> = {
  success: '✅ passing',
  failure: '❌ failing',
  pending: '⏳ pending',
  none: 'no checks',
  unknown: 'not fetched',
};

const REVIEW_WORDS: Record<string, string> = {
  approved: 'approved',
  changes_requested: 'changes requested',
  review_required: 'review required',
};

function humanTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

function summarySection(doc: SnapshotDocument): string[] {
  const s = doc.summary;
  const requiredGuardrails = doc.guardrails.filter((g) => g.required);
  const passing = requiredGuardrails.filter((g) =>
    /^(pass|passed|success|ok)$/i.test(g.status),
  ).length;
  const taskPrs = doc.github.pullRequests.filter((pr) => pr.taskKeys.length > 0).length;
  const rows: string[][] = [
    ['Tasks', String(s.total)],
    ['Completed', `${s.byStatus.completed} (${s.completionPercentage}%)`],
    ['In progress', String(s.byStatus.in_progress)],
    ['Waiting', String(s.byStatus.waiting)],
    ['Blocked', String(s.byStatus.blocked)],
    ['Not started', `${s.byStatus.not_started} (${s.ready} ready to start)`],
    [
      'Hours estimated / spent / remaining',
      `${s.hoursEstimated} / ${s.hoursSpent} / ${s.hoursRemaining}`,
    ],
    [
      'Open PRs',
      doc.github.available
        ? `${doc.github.openPullRequests} (${taskPrs} linked to tasks)`
        : 'unavailable',
    ],
    ['CI failures', doc.github.available ? String(doc.ciFailures.length) : 'unavailable'],
    ['Worktrees', doc.worktreesError ? 'unavailable' : String(doc.worktrees.length)],
    ['Required guardrails passing', `${passing} of ${requiredGuardrails.length}`],
  ];
  return ['## Summary', '', ...table(['Metric', 'Value'], rows)];
}

function changesSection(changes: SnapshotChanges | undefined): string[] {
  const out = ['## Changes since previous snapshot', ''];
  if (!changes) {
    return [...out, 'This is the first snapshot in this folder.'];
  }
  if (!hasChanges(changes)) {
    return [...out, `Nothing changed since ${code(changes.since)}.`];
  }
  out.push(`Since ${code(changes.since)}:`, '');
  if (changes.completion.from !== changes.completion.to) {
    out.push(`- Completion ${changes.completion.from}% → ${changes.completion.to}%`);
  }
  for (const c of changes.statusChanges) {
    out.push(
      `- ${cell(c.name)} (${code(c.key)}): ${STATUS_WORDS[c.from] ?? c.from} → ${STATUS_WORDS[c.to] ?? c.to}`,
    );
  }
  for (const t of changes.tasksAdded) {
    out.push(`- New task ${cell(t.name)} (${code(t.key)})`);
  }
  for (const t of changes.tasksRemoved) {
    out.push(`- Task removed: ${cell(t.name)} (${code(t.key)})`);
  }
  for (const pr of changes.pullRequestsOpened) {
    out.push(`- PR #${pr.number} opened: ${cell(pr.title)}`);
  }
  for (const pr of changes.pullRequestsClosed) {
    out.push(`- PR #${pr.number} closed or merged: ${cell(pr.title)}`);
  }
  for (const ci of changes.ciChanges) {
    out.push(
      `- PR #${ci.number} CI: ${CI_WORDS[ci.from] ?? ci.from} → ${CI_WORDS[ci.to] ?? ci.to}`,
    );
  }
  for (const g of changes.guardrailChanges) {
    out.push(`- Guardrail ${code(g.key)}: ${cell(g.from)} → ${cell(g.to)}`);
  }
  for (const path of changes.worktreesAdded) {
    out.push(`- Worktree added: ${code(path)}`);
  }
  for (const path of changes.worktreesRemoved) {
    out.push(`- Worktree removed: ${code(path)}`);
  }
  return out;
}

function prCell(
  repository: string | undefined,
  task: SnapshotTask,
  prs: Map<number, SnapshotPullRequest>,
  byTask: Map<string, SnapshotPullRequest>,
): string {
  const numbers = task.prNumbers ?? (task.prNumber !== undefined ? [task.prNumber] : []);
  if (numbers.length === 0) {
    const pr = byTask.get(task.key);
    return pr ? prWithCi(pr, repository) : '—';
  }
  return numbers
    .map((number) => {
      const pr = prs.get(number);
      return pr ? prWithCi(pr, repository) : `#${number}`;
    })
    .join(', ');
}

function prWithCi(pr: SnapshotPullRequest, repository: string | undefined): string {
  return `${prLink(pr, repository)}${pr.ci === 'unknown' ? '' : ` ${CI_WORDS[pr.ci]}`}`;
}

function tasksSection(doc: SnapshotDocument): string[] {
  const out = ['## Tasks'];
  const byKey = new Map(doc.tasks.map((t) => [t.key, t]));
  const prs = new Map(doc.github.pullRequests.map((pr) => [pr.number, pr]));
  const byTask = new Map<string, SnapshotPullRequest>();
  for (const pr of doc.github.pullRequests) {
    for (const key of pr.taskKeys) {
      byTask.set(key, pr);
    }
  }
  for (const group of doc.groups) {
    const rows = group.taskKeys
      .map((key) => byKey.get(key))
      .filter((t): t is SnapshotTask => t !== undefined)
      .map((t) => [
        code(t.id),
        cell(t.name) + (t.criticalReview ? ' _(critical review)_' : ''),
        cell(t.owner),
        STATUS_WORDS[t.displayStatus] ?? t.displayStatus,
        cell(t.priority),
        t.progressPercentage === undefined ? '—' : `${t.progressPercentage}%`,
        code(t.branch),
        prCell(doc.github.repository, t, prs, byTask),
        t.blockers.length ? cell(t.blockers.join(', ')) : '—',
      ]);
    out.push(
      '',
      `### ${cell(group.key)}`,
      '',
      ...table(
        ['Task', 'Name', 'Owner', 'Status', 'Priority', 'Progress', 'Branch', 'PR', 'Blockers'],
        rows,
      ),
    );
  }
  return out;
}

function pullRequestsSection(doc: SnapshotDocument): string[] {
  const out = ['## Pull requests', ''];
  const gh = doc.github;
  if (!gh.available) {
    return [
      ...out,
      `> **GitHub data unavailable.** ${cell(gh.reason ?? 'No reason given.')}`,
      '',
      'Everything else in this snapshot is current.',
    ];
  }
  if (gh.stale && gh.reason) {
    out.push(`> **Stale:** ${cell(gh.reason)}`, '');
  }
  out.push(
    `${gh.repository ? `Repository ${code(gh.repository)}, ` : ''}fetched ${humanTime(gh.fetchedAt ?? doc.capturedAt)}.`,
    '',
  );
  const linked = gh.pullRequests.filter((pr) => pr.taskKeys.length > 0);
  const others = gh.pullRequests.filter((pr) => pr.taskKeys.length === 0);
  if (linked.length) {
    out.push(
      ...table(
        ['PR', 'Title', 'Tasks', 'State', 'CI', 'Review', 'Mergeable'],
        linked.map((pr) => [
          prLink(pr, gh.repository),
          cell(pr.title),
          pr.taskKeys.map((k) => code(k)).join(', '),
          pr.draft ? 'draft' : pr.state,
          CI_WORDS[pr.ci] ?? pr.ci,
          pr.reviewDecision ? (REVIEW_WORDS[pr.reviewDecision] ?? pr.reviewDecision) : '—',
          pr.mergeable === undefined || pr.mergeable === null
            ? '—'
            : pr.mergeable
              ? 'yes'
              : 'conflicts',
        ]),
      ),
    );
  } else {
    out.push('No open PR is linked to a task.');
  }
  if (others.length) {
    out.push('', `<details><summary>${others.length} other open PRs</summary>`, '');
    out.push(
      ...table(
        ['PR', 'Title', 'Branch', 'Author'],
        others.map((pr) => [
          prLink(pr, gh.repository),
          cell(pr.title),
          code(pr.headRef),
          cell(pr.author),
        ]),
      ),
    );
    out.push('', '</details>');
  }
  out.push('', '### CI failures', '');
  if (doc.ciFailures.length === 0) {
    out.push('None on task PRs.');
  } else {
    for (const failure of doc.ciFailures) {
      out.push(
        `- #${failure.prNumber} ${cell(failure.title)} (${failure.taskKeys.map((k) => code(k)).join(', ')}): ${failure.checks.map((c) => code(c)).join(', ')}`,
      );
    }
  }
  return out;
}

function worktreesSection(doc: SnapshotDocument): string[] {
  const out = ['## Worktrees', ''];
  if (doc.worktreesError) {
    return [...out, `> Worktrees could not be listed: ${cell(doc.worktreesError)}`];
  }
  return [
    ...out,
    ...table(
      ['Path', 'Branch', 'Tasks', 'Notes'],
      doc.worktrees.map((w) => [
        code(w.path),
        code(w.branch ?? (w.head ? `detached at ${w.head}` : undefined)),
        w.taskKeys.length ? w.taskKeys.map((k) => code(k)).join(', ') : '—',
        [
          w.main ? 'main' : '',
          w.locked ? 'locked' : '',
          w.prunable ? 'prunable (folder missing)' : '',
        ]
          .filter(Boolean)
          .join(', ') || '—',
      ]),
    ),
  ];
}

function conflictsSection(conflicts: SnapshotConflicts): string[] {
  const out = ['## Merge conflict forecast', ''];
  if ('error' in conflicts) {
    return [...out, `> The forecast could not be made: ${cell(conflicts.error)}`];
  }
  out.push(
    `${conflicts.branches} live branch${conflicts.branches === 1 ? '' : 'es'} against ${code(conflicts.base)}; ${conflicts.mergedPairs} pair${conflicts.mergedPairs === 1 ? '' : 's'} sharing files merged in memory.`,
    '',
  );
  if (conflicts.conflicting.length === 0) {
    out.push('No pair would conflict.');
  } else {
    out.push(
      ...table(
        ['Task', 'Conflicts with', 'Files'],
        conflicts.conflicting.map((pair) => [code(pair.a), code(pair.b), cell(pair.files)]),
      ),
    );
  }
  if (conflicts.notes.length > 0) {
    out.push('', ...conflicts.notes.map((note) => `- ${cell(note)}`));
  }
  return out;
}

function guardrailsSection(doc: SnapshotDocument): string[] {
  const out = ['## Guardrails', ''];
  if (doc.guardrails.length === 0) {
    return [...out, 'The task file defines no guardrails.'];
  }
  return [
    ...out,
    ...table(
      ['Guardrail', 'Required', 'Status', 'Last run', 'Command'],
      doc.guardrails.map((g) => [
        code(g.key),
        g.required ? 'yes' : 'no',
        cell(g.status.replace(/_/g, ' ')) + (g.dependsOn ? ` (after ${code(g.dependsOn)})` : ''),
        g.lastRun ? humanTime(g.lastRun) : '—',
        code(g.command),
      ]),
    ),
  ];
}

/** The snapshot as Markdown that reads well on GitHub. */
export function renderSnapshotMarkdown(doc: SnapshotDocument): string {
  const header = [
    '# Coordination snapshot',
    '',
    `**Captured** ${humanTime(doc.capturedAt)} · **Snapshot** \`${doc.snapshotId}\`` +
      (doc.taskFile ? ` · **Task file** ${code(doc.taskFile)}` : ''),
  ];
  if (doc.diagnostics.errors > 0) {
    header.push(
      '',
      `> **The task file has ${doc.diagnostics.errors} error(s)**; this snapshot shows its last readable state.`,
    );
  }
  const sections = [
    header,
    summarySection(doc),
    changesSection(doc.changes),
    tasksSection(doc),
    pullRequestsSection(doc),
    worktreesSection(doc),
    ...(doc.conflicts ? [conflictsSection(doc.conflicts)] : []),
    guardrailsSection(doc),
    ['## Dependency graph', '', '```mermaid', renderMermaidGraph(doc), '```'],
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
