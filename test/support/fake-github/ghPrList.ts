import type { FakePull } from './objects';
import { openPull } from './state';

/** One entry of `gh pr list --json headRefName,number,state,statusCheckRollup,title`. */
export interface GhPrListEntry {
  headRefName: string;
  number: number;
  state: string;
  title: string;
  statusCheckRollup: unknown[];
}

/** Turns the real `gh pr list` output into the fake's PRs (REST bodies are built from these). */
export function pullsFromGhPrList(entries: readonly GhPrListEntry[]): FakePull[] {
  return entries.map((entry) => {
    const bot = entry.headRefName.startsWith('dependabot/');
    return openPull(entry.number, entry.headRefName, {
      title: entry.title,
      state: entry.state === 'OPEN' ? 'open' : 'closed',
      author: bot ? 'dependabot[bot]' : 'octocat',
      authorType: bot ? 'Bot' : 'User',
      labels: bot ? ['dependencies'] : [],
    });
  });
}
