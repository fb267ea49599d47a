// The graph's layout worker: a separate browser bundle, started from a blob: URL by LayoutClient.
import { layoutGraph, type LayoutInput } from './layout';
import type { LayoutReply, LayoutRequest } from './layoutMessages';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply): void;
};

scope.onmessage = (event) => {
  const { id, input } = event.data;
  const start = performance.now();
  try {
    const layout = layoutGraph(input as LayoutInput);
    scope.postMessage({ id, layout, ms: performance.now() - start });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
