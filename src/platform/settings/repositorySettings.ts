import {
  isRestrictedSetting,
  type SettingKey,
  type SettingsSource,
} from '../../kernel/config/settingsTable';
import { readFolderSettings, readWorkspaceFileSettings } from './settingsFiles';

export interface RepositorySettingsOptions {
  /** The folder whose `.vscode/settings.json` applies, as the editor opened it. */
  folder: string;
  /** A `.code-workspace` file whose `settings` apply below the folder's. */
  workspaceFile?: string;
  /** Untrusted: restricted settings from these files are left out, as VS Code leaves them out. */
  trusted: boolean;
}

export interface RepositorySettings {
  get: SettingsSource;
  /** The file a setting came from, for messages about its value. */
  sourceOf(key: SettingKey): string | undefined;
  /** Restricted settings a file set and that were left out because the repository is not trusted. */
  ignored: { key: SettingKey; file: string }[];
  /** Files that could not be read, one sentence each. */
  problems: string[];
}

/**
 * The `coordinator.*` settings the editor would see from the repository: the workspace file's,
 * overridden by the folder's (as VS Code merges them).
 */
export async function readRepositorySettings(
  options: RepositorySettingsOptions,
): Promise<RepositorySettings> {
  const files = [
    ...(options.workspaceFile ? [await readWorkspaceFileSettings(options.workspaceFile)] : []),
    await readFolderSettings(options.folder),
  ];
  const values = new Map<string, unknown>();
  const sources = new Map<string, string>();
  const ignored = new Map<SettingKey, string>();
  for (const { file, settings } of files) {
    for (const [name, value] of Object.entries(settings)) {
      const key = /^coordinator\.(.+)$/.exec(name)?.[1];
      if (key === undefined) {
        continue;
      }
      if (!options.trusted && isRestrictedSetting(key)) {
        ignored.set(key as SettingKey, file);
        continue;
      }
      values.set(key, value);
      sources.set(key, file);
    }
  }
  return {
    get: (key) => values.get(key),
    sourceOf: (key) => sources.get(key),
    ignored: [...ignored].map(([key, file]) => ({ key, file })),
    problems: files.flatMap((file) => (file.problem ? [file.problem] : [])),
  };
}
