export { FakeGitHub, type Exchange } from './server';
export type { Fault, FaultKind } from './faults';
export { emptyState, openPull, shaFor, type FakeRepositoryState } from './state';
export type { FakePull, FakeCheckRun, FakeStatus, FakeReview } from './objects';
export { pullsFromGhPrList, type GhPrListEntry } from './ghPrList';
export { GitHubOpenApi } from './openapi';
