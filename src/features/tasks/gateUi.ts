import type { GateCheck } from './model/gates';

/**
 * The part of the UI port a gate needs: asked once when a gate refuses. The editor shows a
 * modal question whose default is to stop; the CLI answers with its `--force` flag; the MCP
 * server with the tool call's `force` argument.
 */
export interface GateUi {
  /**
   * `true` goes ahead anyway (recorded), `false` stops, and `'recheck'` asks for the gate to be
   * judged again because the UI did something about it (ran the missing guardrails). `'wait'`
   * answers a start that collides with tasks in progress: do not start, wait for them to finish
   * (any other gate takes it as `false`).
   */
  confirmOverride(check: GateCheck): Promise<GateAnswer>;
}

export type GateAnswer = boolean | 'recheck' | 'wait';

/**
 * A port that passes a gate only when the caller forced it up front, or, asked to wait, answers
 * a colliding start with `'wait'`.
 */
export function forcedOnly(force: boolean, wait = false): GateUi {
  return { confirmOverride: () => Promise.resolve(force || (wait ? 'wait' : false)) };
}

/** A port that gives an answer already obtained. */
export function answered(answer: GateAnswer): GateUi {
  return { confirmOverride: () => Promise.resolve(answer) };
}
