import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import { startCandidates, type StartCandidate } from '../model/candidates';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';

interface CandidateItem extends vscode.QuickPickItem {
  candidate?: StartCandidate;
}

const SECTIONS: Record<StartCandidate['kind'], { title: string; icon: string }> = {
  ready: { title: 'Ready', icon: 'play-circle' },
  resumable: { title: 'In progress (opens its worktree)', icon: 'sync' },
  blocked: { title: 'Blocked or waiting', icon: 'warning' },
};

/** The quick-pick rows: ready tasks first (priority, then phase), then in progress, then blocked with their reasons. */
export function candidateItems(candidates: readonly StartCandidate[]): CandidateItem[] {
  const items: CandidateItem[] = [];
  let section: StartCandidate['kind'] | undefined;
  for (const candidate of candidates) {
    if (candidate.kind !== section) {
      section = candidate.kind;
      items.push({ label: SECTIONS[section].title, kind: vscode.QuickPickItemKind.Separator });
    }
    const { task } = candidate;
    const facts = [task.id, task.priority, task.phase, task.owner].filter((part): part is string =>
      Boolean(part),
    );
    const details = candidate.kind === 'blocked' ? [...candidate.reasons] : [];
    if (candidate.prerequisites.length > 0) {
      details.push(`prerequisites: ${candidate.prerequisites.join(', ')}`);
    }
    items.push({
      label: `$(${SECTIONS[candidate.kind].icon}) ${task.name}`,
      description: facts.join(' · '),
      detail: details.length > 0 ? details.join('; ') : undefined,
      candidate,
    });
  }
  return items;
}

/** From the palette: the folder (when several), then the task. */
export async function pickTaskToStart(
  sessions: WorkspaceSessions,
): Promise<{ session: FolderSession; candidate: StartCandidate } | undefined> {
  const session = await sessions.pickSession('Start a task from which folder?');
  const state = session?.state;
  if (!session || !state?.model || state.model.tasks.length === 0) {
    void vscode.window.showWarningMessage('There is no task file with tasks in this workspace.');
    return undefined;
  }
  const candidates = startCandidates(state.model, state.graph);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('Every task is completed: nothing to start.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(candidateItems(candidates), {
    title: 'Start Task in Worktree',
    placeHolder: 'Pick a task: ready ones first',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.candidate ? { session, candidate: picked.candidate } : undefined;
}

/** The candidate entry for a task chosen elsewhere (tree, dashboard); completed tasks count as blocked. */
export function candidateFor(session: FolderSession, task: Task): StartCandidate {
  const state = session.state;
  const found = state?.model
    ? startCandidates(state.model, state.graph).find((candidate) => candidate.task.key === task.key)
    : undefined;
  return (
    found ?? { task, kind: 'blocked', reasons: [`status is ${task.status}`], prerequisites: [] }
  );
}
