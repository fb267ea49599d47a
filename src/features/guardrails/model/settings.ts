import { settingsReader } from '../../../kernel/config/readSettings';
import type { SettingsSource } from '../../../kernel/config/settingsTable';
import { mergeGuardrails, parseGuardrailSettings, type GuardrailSettingEntry } from './definitions';
import type { GuardrailDefinition } from '../../../kernel/model/types';
import { parseEnvSetting } from './envSetting';

/** The `coordinator.guardrails.*` settings of one folder, read and checked. */
export interface GuardrailSettings {
  entries: GuardrailSettingEntry[];
  timeoutMs: number;
  parallelism: number;
  env: Record<string, string | undefined>;
  /** Relative to the folder the guardrails run in (the workspace folder or a task's worktree); '' for that folder. */
  cwd: string;
  logFolder: string;
  maxAgeHours: number;
  /** Most characters of one guardrail's output shown in the channel; 0 for all. */
  channelLimitChars: number;
  requirePassBeforeComplete: boolean;
  /** Problems worth telling the user, one sentence each. */
  problems: string[];
}

export function readGuardrailSettings(get: SettingsSource): GuardrailSettings {
  const settings = settingsReader(get);
  const problems: string[] = [];
  const parsed = parseGuardrailSettings(settings.raw('guardrails.definitions'));
  for (const problem of parsed.problems) {
    problems.push(
      `coordinator.guardrails.definitions${problem.where ? ` ${problem.where}` : ''}: ${problem.message}`,
    );
  }
  const env = parseEnvSetting(settings.raw('guardrails.env'));
  for (const problem of env.problems) {
    problems.push(`coordinator.guardrails.env: ${problem}`);
  }
  const positive = (value: number) => value > 0;
  return {
    entries: parsed.entries,
    timeoutMs: settings.number('guardrails.timeoutMinutes', positive) * 60_000,
    parallelism: Math.max(1, Math.floor(settings.number('guardrails.parallelism', positive))),
    env: env.env,
    cwd: settings.text('guardrails.cwd', { trim: true }),
    logFolder: settings.text('guardrails.logFolder', { trim: true }),
    maxAgeHours: Math.max(0, settings.number('guardrails.maxAgeHours')),
    channelLimitChars: channelLimit(settings.number('guardrails.channelLimitMB', (v) => v >= 0)),
    requirePassBeforeComplete: get('guardrails.requirePassBeforeComplete') !== false,
    problems,
  };
}

function channelLimit(megabytes: number): number {
  // A small positive limit stays a limit: 0 alone means everything.
  return megabytes === 0 ? 0 : Math.max(1, Math.round(megabytes * 1024 * 1024));
}

/**
 * The task file's guardrails with the settings' entries merged in, as the extension runs them;
 * problems name the setting, one sentence each.
 */
export function guardrailsWithSettings(
  fromFile: readonly GuardrailDefinition[],
  settings: Pick<GuardrailSettings, 'entries'>,
): { definitions: GuardrailDefinition[]; problems: string[] } {
  const merged = mergeGuardrails(fromFile, settings.entries);
  return {
    definitions: merged.definitions,
    problems: merged.problems.map(
      (problem) =>
        `coordinator.guardrails.definitions${problem.where ? ` ${problem.where}` : ''}: ${problem.message}`,
    ),
  };
}
