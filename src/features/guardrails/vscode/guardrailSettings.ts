import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DEFAULT_CHANNEL_LIMIT_MB,
  DEFAULT_LOG_FOLDER,
  DEFAULT_PARALLELISM,
  DEFAULT_TIMEOUT_MINUTES,
} from '../model/defaults';
import { parseGuardrailSettings, type GuardrailSettingEntry } from '../model/definitions';
import { parseEnvSetting } from '../model/envSetting';
import { Settings } from '../../common/vscode/constants';

/** The `coordinator.guardrails.*` settings of one workspace folder, read and checked. */
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

export function readGuardrailSettings(scope: vscode.Uri | undefined): GuardrailSettings {
  const config = vscode.workspace.getConfiguration(Settings.section, scope);
  const problems: string[] = [];
  const parsed = parseGuardrailSettings(config.get<unknown>(Settings.guardrailsDefinitions));
  for (const problem of parsed.problems) {
    problems.push(
      `coordinator.${Settings.guardrailsDefinitions}${problem.where ? ` ${problem.where}` : ''}: ${problem.message}`,
    );
  }
  const env = parseEnvSetting(config.get<unknown>(Settings.guardrailsEnv));
  for (const problem of env.problems) {
    problems.push(`coordinator.${Settings.guardrailsEnv}: ${problem}`);
  }
  return {
    entries: parsed.entries,
    timeoutMs:
      positive(config.get<unknown>(Settings.guardrailsTimeoutMinutes), DEFAULT_TIMEOUT_MINUTES) *
      60_000,
    parallelism: Math.max(
      1,
      Math.floor(
        positive(config.get<unknown>(Settings.guardrailsParallelism), DEFAULT_PARALLELISM),
      ),
    ),
    env: env.env,
    cwd: text(config.get<unknown>(Settings.guardrailsCwd)),
    logFolder: text(config.get<unknown>(Settings.guardrailsLogFolder)) || DEFAULT_LOG_FOLDER,
    maxAgeHours: Math.max(0, Number(config.get<unknown>(Settings.guardrailsMaxAgeHours)) || 0),
    channelLimitChars: channelLimit(config.get<unknown>(Settings.guardrailsChannelLimitMB)),
    requirePassBeforeComplete:
      config.get<unknown>(Settings.guardrailsRequirePassBeforeComplete) !== false,
    problems,
  };
}

/** Where guardrails run for a folder or worktree `root`: the `cwd` setting read against it. */
export function runFolder(root: string, settings: Pick<GuardrailSettings, 'cwd'>): string {
  return settings.cwd ? path.resolve(root, settings.cwd) : root;
}

/** Where run logs go for guardrails that ran in `cwd`. */
export function logFolderFor(cwd: string, settings: Pick<GuardrailSettings, 'logFolder'>): string {
  return path.resolve(cwd, settings.logFolder);
}

function channelLimit(value: unknown): number {
  const megabytes =
    typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? value
      : DEFAULT_CHANNEL_LIMIT_MB;
  // A small positive limit stays a limit: 0 alone means everything.
  return megabytes === 0 ? 0 : Math.max(1, Math.round(megabytes * 1024 * 1024));
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
