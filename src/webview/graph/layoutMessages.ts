import type { GraphLayout, LayoutInput } from './layout';

/** Page → worker: lay these tasks out. Only the latest request's reply is drawn. */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

/** Worker → page: the layout and how long it took inside the worker, or why it failed. */
export type LayoutReply =
  | { id: number; layout: GraphLayout; ms: number; error?: undefined }
  | { id: number; error: string };
