import { resolve } from 'node:path';
import type { SettingKey, SettingsSource } from '../../../kernel/config/settingsTable';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { worktreeTopLevel } from '../../../platform/git';
import { readRepositorySettings } from '../../../platform/settings/repositorySettings';
import { TRUSTED_ENV, trustOf } from '../../../platform/trust/trustStore';
import type { CliContext } from './command';

/** Options of every command that reads the repository's `coordinator.*` settings. */
export const SETTINGS_OPTIONS = {
  workspace: { type: 'string' },
  trusted: { type: 'boolean' },
} as const;

export interface SettingsValues {
  workspace?: string;
  trusted?: boolean;
}

export interface CliSettings {
  get: SettingsSource;
  /** The file a setting came from, for messages about its value. */
  sourceOf(key: SettingKey): string | undefined;
  trusted: boolean;
  /** The folder whose `.vscode/settings.json` was read. */
  folder: string;
}

const HOW_TO_TRUST = `run "coord trust" to trust it, or pass --trusted (${TRUSTED_ENV}=1 in CI)`;

export interface SettingsRead {
  /** Key prefixes below `coordinator.` the command reads (`worktrees.`); only these are warned about. */
  reads: readonly string[];
  /** Where the command acts; the working directory when undefined. */
  from?: string;
}

/**
 * The settings the editor would apply in the worktree of `from`: its `.vscode/settings.json`
 * over `--workspace FILE`'s. In an untrusted repository the restricted ones are left out, and
 * one line on stderr says which of those the command reads and how to trust.
 */
export async function cliSettings(
  values: SettingsValues,
  context: CliContext,
  read: SettingsRead,
): Promise<CliSettings> {
  const folder = await settingsFolder(read.from ?? context.cwd);
  const trusted = await repositoryTrusted(values, context, folder);
  const settings = await readRepositorySettings({
    folder,
    workspaceFile:
      values.workspace === undefined ? undefined : resolve(context.cwd, values.workspace),
    trusted,
  });
  for (const problem of settings.problems) {
    context.stderr(`coord: ${problem}; its settings were left out\n`);
  }
  const ignored = settings.ignored.filter(({ key }) =>
    read.reads.some((prefix) => key.startsWith(prefix)),
  );
  if (ignored.length > 0) {
    const keys = ignored.map(({ key }) => `coordinator.${key}`).join(', ');
    context.stderr(
      `coord: this repository is not trusted, so ${keys} from its settings ${ignored.length === 1 ? 'was' : 'were'} ignored; ${HOW_TO_TRUST}\n`,
    );
  }
  return { get: settings.get, sourceOf: settings.sourceOf, trusted, folder };
}

/** Whether the repository of `from` is trusted: by --trusted, COORD_TRUSTED=1 or `coord trust`. */
export async function repositoryTrusted(
  values: SettingsValues,
  context: CliContext,
  from: string = context.cwd,
): Promise<boolean> {
  return (await trustOf(from, { flag: values.trusted === true, env: context.env })) !== undefined;
}

/** Refuses, in an untrusted repository, what would run the repository's shell lines. */
export async function requireTrust(
  values: SettingsValues,
  context: CliContext,
  from: string,
  refusal: string,
): Promise<void> {
  if (!(await repositoryTrusted(values, context, from))) {
    throw new CoordinatorError('untrusted', untrustedRefusal(refusal));
  }
}

/** `refusal` (what is not done and why) completed with how to trust the repository. */
export function untrustedRefusal(refusal: string): string {
  return `${refusal}, and this repository is not trusted; ${HOW_TO_TRUST}`;
}

/** The folder whose settings apply where a command acts: the top of its worktree. */
export async function settingsFolder(from: string): Promise<string> {
  return (await worktreeTopLevel(from).catch(() => undefined)) ?? from;
}
