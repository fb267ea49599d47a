import { settingDefault, type SettingKey, type SettingsSource } from './settingsTable';

/**
 * The one parser of `coordinator.*` values, whoever holds them (VS Code's configuration or the
 * CLI's settings files): each reader keeps the table's default for a missing or mistyped value.
 */
export interface SettingsReader {
  /** A non-blank string, trimmed when `trim`; else the default. */
  text(key: SettingKey, options?: { trim?: boolean }): string;
  flag(key: SettingKey): boolean;
  /** A finite number accepted by `accept`; else the default. */
  number(key: SettingKey, accept?: (value: number) => boolean): number;
  /** The strings of a list (blank ones dropped when `trim`); the default when not a list. */
  strings(key: SettingKey, options?: { trim?: boolean }): string[];
  /** The string values of an object; the default when not an object. */
  stringRecord(key: SettingKey): Record<string, string>;
  /** The value as held, for settings with their own parser (guardrail definitions, env). */
  raw(key: SettingKey): unknown;
}

export function settingsReader(get: SettingsSource): SettingsReader {
  return {
    text(key, options) {
      const value = get(key);
      if (typeof value === 'string' && value.trim().length > 0) {
        return options?.trim ? value.trim() : value;
      }
      return asString(settingDefault(key));
    },
    flag(key) {
      const value = get(key);
      return typeof value === 'boolean' ? value : settingDefault(key) === true;
    },
    number(key, accept = () => true) {
      const value = get(key);
      return typeof value === 'number' && Number.isFinite(value) && accept(value)
        ? value
        : Number(settingDefault(key));
    },
    strings(key, options) {
      const value = get(key);
      if (!Array.isArray(value)) {
        return [...(settingDefault(key) as readonly string[])];
      }
      const texts = value.filter((item): item is string => typeof item === 'string');
      return options?.trim ? texts.map((item) => item.trim()).filter((item) => item !== '') : texts;
    },
    stringRecord(key) {
      const value = get(key);
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        return { ...(settingDefault(key) as Record<string, string>) };
      }
      return Object.fromEntries(
        Object.entries(value).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    },
    raw(key) {
      return get(key);
    },
  };
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
