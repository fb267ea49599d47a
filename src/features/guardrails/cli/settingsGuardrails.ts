import type { GuardrailDefinition } from '../../../kernel/model/types';
import type { CliContext } from '../../common/cli/command';
import type { CliSettings } from '../../common/cli/settings';
import {
  guardrailsWithSettings,
  readGuardrailSettings,
  type GuardrailSettings,
} from '../model/settings';

/**
 * The guardrail settings of the repository's settings, and the task file's guardrails merged with
 * them as the extension merges them there; each problem goes to stderr naming its file.
 */
export function cliGuardrails(
  fromFile: readonly GuardrailDefinition[],
  settings: CliSettings,
  context: CliContext,
): { settings: GuardrailSettings; definitions: GuardrailDefinition[] } {
  const guardrailSettings = readGuardrailSettings(settings.get);
  const merged = guardrailsWithSettings(fromFile, guardrailSettings);
  for (const problem of [...guardrailSettings.problems, ...merged.problems]) {
    const key = problem.startsWith('coordinator.guardrails.env')
      ? 'guardrails.env'
      : 'guardrails.definitions';
    const file = settings.sourceOf(key);
    context.stderr(`coord: ${file ? `${file}: ` : ''}${problem}\n`);
  }
  return { settings: guardrailSettings, definitions: merged.definitions };
}
