import type { GateCheck } from './model/gates';

/**
 * The part of the UI port a gate needs: asked once when a gate refuses. The editor shows a
 * modal question whose default is to stop; the CLI answers with its `--force` flag; the MCP
 * server with the tool call's `force` argument.
 */
export interface GateUi {
  confirmOverride(check: GateCheck): Promise<boolean>;
}

/** A port that passes a gate only when the caller forced it up front. */
export function forcedOnly(force: boolean): GateUi {
  return { confirmOverride: () => Promise.resolve(force) };
}
