import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { Actor, TaskEdit } from '../../kernel/edits/types';
import type { GateUi } from './gateUi';
import { refusalText, type GateCheck } from './model/gates';

/**
 * Lets a gate's check through: nothing when it passed, the override edit to record when the
 * UI port says to go on anyway, and a `gateRefused` error (the same words in every host) when
 * it does not.
 */
export async function passGate(
  check: GateCheck,
  ui: GateUi,
  actor: Actor,
  now: Date,
  recheck?: () => Promise<GateCheck>,
): Promise<TaskEdit[]> {
  if (check.reasons.length === 0) {
    return [];
  }
  const answer = await ui.confirmOverride(check);
  if (answer === 'recheck' && recheck) {
    const again = await recheck();
    if (again.reasons.length === 0) {
      return [];
    }
    throw new CoordinatorError('gateNotMet', refusalText(again));
  }
  if (answer !== true) {
    throw new CoordinatorError('gateRefused', refusalText(check));
  }
  return [
    {
      kind: 'appendOverride',
      taskKey: check.taskKey,
      override: {
        gate: check.gate,
        reasons: [...check.reasons],
        by: actor.name,
        host: actor.host,
        at: now.toISOString(),
      },
    },
  ];
}
