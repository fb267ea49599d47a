import type { GuardrailDefinition } from '../../../kernel/model/types';

/**
 * Guardrails come from the task file's `pre_audit_guardrails` and from the `coordinator.guardrails`
 * setting (same fields). They merge by key: a setting entry overrides the fields it gives, and a key
 * only in the setting adds a guardrail. Results recorded in the file (status, last run) stay.
 */

export interface GuardrailSettingProblem {
  /** Position in the setting's list, or the key in an object-shaped setting. */
  where: string;
  message: string;
}

export interface ParsedGuardrailSettings {
  entries: GuardrailSettingEntry[];
  problems: GuardrailSettingProblem[];
}

/** A setting entry: every field but the key is optional, so an entry can override one field. */
export interface GuardrailSettingEntry {
  key: string;
  command?: string;
  required?: boolean;
  /** Text or `/regex/flags`, one or a list that must all match. */
  expected?: string[];
  outputPath?: string;
  dependsOn?: string;
  description?: string;
  raw: Record<string, unknown>;
}

/**
 * Accepts a list of `{ key, command, required, expected, output_path, depends_on }` or an object
 * mapping key to the same fields without `key` (the task file's shape). Bad entries are reported
 * and left out; the good ones are kept.
 */
export function parseGuardrailSettings(value: unknown): ParsedGuardrailSettings {
  const entries: GuardrailSettingEntry[] = [];
  const problems: GuardrailSettingProblem[] = [];
  if (value === undefined || value === null) {
    return { entries, problems };
  }
  const candidates: { where: string; key: unknown; body: unknown }[] = Array.isArray(value)
    ? value.map((body: unknown, index) => ({
        where: `[${index}]`,
        key: isRecord(body) ? body.key : undefined,
        body,
      }))
    : isRecord(value)
      ? Object.entries(value).map(([key, body]) => ({ where: key, key, body }))
      : [];
  if (candidates.length === 0 && !Array.isArray(value) && !isRecord(value)) {
    problems.push({
      where: '',
      message: 'expected a list of guardrails or an object keyed by guardrail',
    });
  }
  const seen = new Set<string>();
  for (const { where, key, body } of candidates) {
    if (!isRecord(body)) {
      problems.push({ where, message: 'expected an object with at least "key" and "command"' });
      continue;
    }
    if (typeof key !== 'string' || key.trim() === '') {
      problems.push({ where, message: 'missing "key" (a non-empty string)' });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ where, message: `duplicate key "${key}"; the first entry is used` });
      continue;
    }
    const entry = readEntry(key, body, where, problems);
    if (entry) {
      seen.add(key);
      entries.push(entry);
    }
  }
  return { entries, problems };
}

function readEntry(
  key: string,
  body: Record<string, unknown>,
  where: string,
  problems: GuardrailSettingProblem[],
): GuardrailSettingEntry | undefined {
  const entry: GuardrailSettingEntry = { key, raw: body };
  const fields = {
    command: ['command'],
    outputPath: ['output_path', 'outputPath'],
    dependsOn: ['depends_on', 'dependsOn'],
    description: ['description'],
  } as const;
  const texts: Partial<Record<keyof typeof fields, string>> = {};
  for (const [field, names] of Object.entries(fields) as [
    keyof typeof fields,
    readonly string[],
  ][]) {
    const name = names.find((candidate) => body[candidate] !== undefined);
    if (name === undefined) {
      continue;
    }
    const value = body[name];
    if (typeof value !== 'string') {
      problems.push({ where, message: `"${name}" must be a string` });
      return undefined;
    }
    texts[field] = value;
  }
  const expected = body.expected;
  if (typeof expected === 'string') {
    entry.expected = [expected];
  } else if (Array.isArray(expected) && expected.every((item) => typeof item === 'string')) {
    entry.expected = expected as string[];
  } else if (expected !== undefined) {
    problems.push({ where, message: '"expected" must be a string or a list of strings' });
    return undefined;
  }
  if (texts.command !== undefined && texts.command.trim() === '') {
    problems.push({ where, message: '"command" is empty' });
    return undefined;
  }
  if (body.required !== undefined && typeof body.required !== 'boolean') {
    problems.push({ where, message: '"required" must be true or false' });
    return undefined;
  }
  assignDefined(entry, texts);
  if (typeof body.required === 'boolean') {
    entry.required = body.required;
  }
  return entry;
}

/** File guardrails in file order, then setting-only ones in setting order. */
export function mergeGuardrails(
  fromFile: readonly GuardrailDefinition[],
  fromSettings: readonly GuardrailSettingEntry[],
): { definitions: GuardrailDefinition[]; problems: GuardrailSettingProblem[] } {
  const overrides = new Map(fromSettings.map((entry) => [entry.key, entry]));
  const problems: GuardrailSettingProblem[] = [];
  const definitions = fromFile.map((definition) => {
    const override = overrides.get(definition.key);
    overrides.delete(definition.key);
    return override ? applyOverride(definition, override) : definition;
  });
  for (const entry of overrides.values()) {
    if (entry.command === undefined) {
      problems.push({
        where: entry.key,
        message: `"${entry.key}" is not in the task file, so it needs a "command"`,
      });
      continue;
    }
    const definition: GuardrailDefinition = {
      key: entry.key,
      command: entry.command,
      required: entry.required ?? true,
      raw: entry.raw,
    };
    assignDefined(definition, {
      expected: entry.expected,
      outputPath: entry.outputPath,
      dependsOn: entry.dependsOn,
      description: entry.description,
    });
    definitions.push(definition);
  }
  return { definitions, problems };
}

function applyOverride(
  base: GuardrailDefinition,
  entry: GuardrailSettingEntry,
): GuardrailDefinition {
  const merged: GuardrailDefinition = { ...base };
  assignDefined(merged, {
    command: entry.command,
    required: entry.required,
    expected: entry.expected,
    outputPath: entry.outputPath,
    dependsOn: entry.dependsOn,
    description: entry.description,
  });
  return merged;
}

function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [name, v] of Object.entries(values)) {
    if (v !== undefined) {
      (target as Record<string, unknown>)[name] = v;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
