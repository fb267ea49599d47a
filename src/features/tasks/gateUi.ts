import type { GateCheck } from './model/gates';

/**
 * The part of the UI port a gate needs: asked once when a gate refuses. The editor shows a
 * modal question whose default is to stop; the CLI answers with its `--force` flag; the MCP
 * server with the tool call's `force` argument.
 */
export interface GateUi {
  /**
   * `true` goes ahead anyway (recorded), `false` stops, and `'recheck'` asks for the gate to be
   * judged again because the UI did something about it (ran the missing guardrails).
   */
  confirmOverride(check: GateCheck): Promise<boolean | 'recheck'>;
}

/** A port that passes a gate only when the caller forced it up front. */
export function forcedOnly(force: boolean): GateUi {
  return { confirmOverride: () => Promise.resolve(force) };
}
