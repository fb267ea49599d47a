import type { FakeCheckRun, FakePull, FakeReview, FakeStatus } from './objects';

/** What the fake repository holds; tests set it up and read it back. */
export interface FakeRepositoryState {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** When set, requests must carry it (`Authorization: token …`), else 401. */
  token?: string;
  pulls: FakePull[];
  checkRuns: Map<string, FakeCheckRun[]>;
  statuses: Map<string, FakeStatus[]>;
  reviews: Map<number, FakeReview[]>;
  /** Branches that have commits ahead of the default branch; a PR from any other gets 422. */
  branchesWithCommits: Set<string>;
}

export function emptyState(partial: Partial<FakeRepositoryState> = {}): FakeRepositoryState {
  return {
    owner: 'acme',
    repo: 'widgets',
    defaultBranch: 'main',
    pulls: [],
    checkRuns: new Map(),
    statuses: new Map(),
    reviews: new Map(),
    branchesWithCommits: new Set(),
    ...partial,
  };
}

/** A 40-hex sha derived from text, so tests can predict it. */
export function shaFor(text: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${round}:${text}`) {
      h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

export function openPull(number: number, head: string, extra: Partial<FakePull> = {}): FakePull {
  return {
    number,
    title: `PR ${number}`,
    body: null,
    state: 'open',
    merged: false,
    draft: false,
    head,
    headSha: shaFor(head),
    base: 'main',
    author: 'octocat',
    labels: [],
    requestedReviewers: [],
    mergeable: true,
    ...extra,
  };
}
