import workerSource from 'inline-worker:./layoutWorker';
import type { GraphLayout, LayoutInput } from './layout';
import type { LayoutReply, LayoutRequest } from './layoutMessages';

export interface LayoutResult {
  layout: GraphLayout;
  /** Time spent laying out inside the worker. */
  ms: number;
}

/**
 * Lays graphs out in a web worker, off the page's thread. VS Code webviews start workers only
 * from blob: or data: URLs, so the worker's bundled code (carried in this bundle as a string)
 * becomes a blob; the page's CSP allows exactly `worker-src blob:`. A newer request supersedes
 * an older one still running: the older promise resolves to `undefined`.
 */
export class LayoutClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending:
    | {
        id: number;
        resolve: (result: LayoutResult | undefined) => void;
        reject: (e: Error) => void;
      }
    | undefined;

  layout(input: LayoutInput): Promise<LayoutResult | undefined> {
    const worker = this.start();
    this.pending?.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      const request: LayoutRequest = { id, input };
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'graph-layout' });
    URL.revokeObjectURL(url);
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      const pending = this.pending;
      if (!pending || pending.id !== event.data.id) {
        return;
      }
      this.pending = undefined;
      const reply = event.data;
      if (reply.error !== undefined) {
        pending.reject(new Error(reply.error));
      } else {
        pending.resolve({ layout: reply.layout, ms: reply.ms });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const pending = this.pending;
      this.pending = undefined;
      this.worker = undefined;
      worker.terminate();
      pending?.reject(new Error(event.message || 'The graph layout worker failed to start.'));
    };
    this.worker = worker;
    return worker;
  }
}
