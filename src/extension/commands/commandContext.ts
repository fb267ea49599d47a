import type { GuardrailsFeature } from '../guardrails/registerGuardrails';
import type { CoordinatorServices } from '../services';
import type { TasksFeature } from '../tasks/registerTasksView';

/** What a command file receives when it registers. */
export interface CommandContext {
  readonly services: CoordinatorServices;
  readonly tasks: TasksFeature;
  /** The completion gate and guardrail runs; absent where guardrails are not wired (component tests). */
  readonly guardrails?: GuardrailsFeature;
}
