import type { SnapshotChanges, SnapshotDocument } from './types';

function byKey<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** What changed between two snapshots, in the terms people ask about at stand-up. */
export function diffSnapshots(previous: SnapshotDocument, next: SnapshotDocument): SnapshotChanges {
  const beforeTasks = byKey(previous.tasks ?? [], (t) => t.key);
  const afterTasks = byKey(next.tasks, (t) => t.key);
  const prsBefore = byKey(previous.github?.pullRequests ?? [], (pr) => pr.number);
  const prsAfter = byKey(next.github.pullRequests, (pr) => pr.number);
  const bothHaveGitHub = previous.github?.available === true && next.github.available;
  const guardBefore = byKey(previous.guardrails ?? [], (g) => g.key);
  const pathsBefore = new Set((previous.worktrees ?? []).map((w) => w.path));
  const pathsAfter = new Set(next.worktrees.map((w) => w.path));
  const worktreesComparable =
    previous.worktreesError === undefined && next.worktreesError === undefined;

  return {
    since: previous.snapshotId,
    completion: {
      from: previous.summary?.completionPercentage ?? 0,
      to: next.summary.completionPercentage,
    },
    statusChanges: next.tasks.flatMap((task) => {
      const before = beforeTasks.get(task.key);
      return before && before.displayStatus !== task.displayStatus
        ? [{ key: task.key, name: task.name, from: before.displayStatus, to: task.displayStatus }]
        : [];
    }),
    progressChanges: next.tasks.flatMap((task) => {
      const before = beforeTasks.get(task.key);
      const from = before?.progressPercentage ?? 0;
      const to = task.progressPercentage ?? 0;
      return before && from !== to ? [{ key: task.key, name: task.name, from, to }] : [];
    }),
    tasksAdded: next.tasks
      .filter((t) => !beforeTasks.has(t.key))
      .map((t) => ({ key: t.key, name: t.name })),
    tasksRemoved: (previous.tasks ?? [])
      .filter((t) => !afterTasks.has(t.key))
      .map((t) => ({ key: t.key, name: t.name })),
    pullRequestsOpened: bothHaveGitHub
      ? next.github.pullRequests
          .filter((pr) => pr.state === 'open' && !prsBefore.has(pr.number))
          .map(({ number, title }) => ({ number, title }))
      : [],
    pullRequestsClosed: bothHaveGitHub
      ? (previous.github?.pullRequests ?? [])
          .filter((pr) => pr.state === 'open' && prsAfter.get(pr.number)?.state !== 'open')
          .map(({ number, title }) => ({ number, title }))
      : [],
    ciChanges: bothHaveGitHub
      ? next.github.pullRequests.flatMap((pr) => {
          const before = prsBefore.get(pr.number);
          return before && before.ci !== pr.ci && pr.ci !== 'unknown'
            ? [{ number: pr.number, from: before.ci, to: pr.ci }]
            : [];
        })
      : [],
    guardrailChanges: next.guardrails.flatMap((g) => {
      const before = guardBefore.get(g.key);
      return before && before.status !== g.status
        ? [{ key: g.key, from: before.status, to: g.status }]
        : [];
    }),
    worktreesAdded: worktreesComparable ? [...pathsAfter].filter((p) => !pathsBefore.has(p)) : [],
    worktreesRemoved: worktreesComparable ? [...pathsBefore].filter((p) => !pathsAfter.has(p)) : [],
  };
}

export function hasChanges(changes: SnapshotChanges): boolean {
  return (
    changes.completion.from !== changes.completion.to ||
    [
      changes.statusChanges,
      changes.progressChanges ?? [],
      changes.tasksAdded,
      changes.tasksRemoved,
      changes.pullRequestsOpened,
      changes.pullRequestsClosed,
      changes.ciChanges,
      changes.guardrailChanges,
      changes.worktreesAdded,
      changes.worktreesRemoved,
    ].some((list) => list.length > 0)
  );
}
