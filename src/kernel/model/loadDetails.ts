import type { Span } from './knownPlan';
import type { Diagnostic, LoadedTaskFile } from './types';

/** What a read keeps beside its result so that a read after a small edit can reuse it. */
export interface LoadDetails {
  /** The located problems of the model itself (not of the graph or the summary), in the order found. */
  modelDiagnostics: readonly Diagnostic[];
  /** Those of them that a task's own fields gave, by task index. */
  readDiagnostics: ReadonlyMap<number, readonly Diagnostic[]>;
  /** Where the root values an edit refreshes are; absent for plans not kept as groups of tasks. */
  positions?: RootPositions;
}

export interface RootPositions {
  summaryFields?: readonly (Span & { field: string })[];
  lastUpdated?: Span;
}

const detailsOfLoads = new WeakMap<LoadedTaskFile, LoadDetails>();

export function rememberLoadDetails(loaded: LoadedTaskFile, details: LoadDetails): void {
  detailsOfLoads.set(loaded, details);
}

export function loadDetailsOf(loaded: LoadedTaskFile): LoadDetails | undefined {
  return detailsOfLoads.get(loaded);
}
