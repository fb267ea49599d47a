import { NO_FILTERS, type BoardFilters } from './filters';

/** What the page keeps across updates, hiding and reloads (through `vscode.setState`). */
export interface PersistedState {
  /** Lets the host's serializer reopen the panel on the same folder. */
  folderUri?: string;
  filters: BoardFilters;
  scrollY: number;
  selectedKey?: string;
}

export function readPersisted(value: unknown): PersistedState {
  const state: PersistedState = { filters: { ...NO_FILTERS }, scrollY: 0 };
  if (!value || typeof value !== 'object') {
    return state;
  }
  const stored = value as Record<string, unknown>;
  if (typeof stored.folderUri === 'string') {
    state.folderUri = stored.folderUri;
  }
  if (typeof stored.scrollY === 'number' && Number.isFinite(stored.scrollY)) {
    state.scrollY = stored.scrollY;
  }
  if (typeof stored.selectedKey === 'string') {
    state.selectedKey = stored.selectedKey;
  }
  const filters = stored.filters as Record<string, unknown> | undefined;
  for (const name of Object.keys(NO_FILTERS) as (keyof BoardFilters)[]) {
    const filterValue = filters?.[name];
    if (typeof filterValue === 'string') {
      state.filters[name] = filterValue;
    }
  }
  return state;
}
