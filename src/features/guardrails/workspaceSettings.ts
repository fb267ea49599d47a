import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse, printParseErrorCode, stripComments, type ParseError } from 'jsonc-parser';
import { mergeGuardrails, parseGuardrailSettings } from './model/definitions';
import type { GuardrailDefinition } from '../../kernel/model/types';

const SETTING = 'coordinator.guardrails.definitions';

export interface WorkspaceGuardrails {
  definitions: GuardrailDefinition[];
  /** The settings file read, when it had guardrail entries. */
  settingsFile?: string;
  /** One sentence each, naming the file. */
  problems: string[];
}

/** A folder's `.vscode/settings.json` as VS Code reads it: comments and trailing commas allowed. */
export interface FolderSettingsFile {
  settingsFile: string;
  /** Empty when the file is missing, empty or unreadable. */
  settings: Record<string, unknown>;
  /** Why the file was left out, when it exists but could not be read. */
  problem?: string;
}

export async function readFolderSettings(folder: string): Promise<FolderSettingsFile> {
  const settingsFile = path.join(folder, '.vscode', 'settings.json');
  let text: string;
  try {
    text = await readFile(settingsFile, 'utf8');
  } catch {
    return { settingsFile, settings: {} };
  }
  if (stripComments(text).trim() === '') {
    // VS Code reads an empty (or comments-only) settings file as no settings.
    return { settingsFile, settings: {} };
  }
  const errors: ParseError[] = [];
  const settings = parse(text, errors, { allowTrailingComma: true }) as unknown;
  if (
    errors.length > 0 ||
    typeof settings !== 'object' ||
    settings === null ||
    Array.isArray(settings)
  ) {
    const reason = errors.length > 0 ? printParseErrorCode(errors[0].error) : 'not an object';
    return { settingsFile, settings: {}, problem: `${settingsFile} could not be read (${reason})` };
  }
  return { settingsFile, settings: settings as Record<string, unknown> };
}

/**
 * The task file's guardrails merged with `coordinator.guardrails.definitions` from the folder's
 * `.vscode/settings.json`, as the extension merges them in that folder, so `coord guardrails`
 * in CI runs what the editor runs. A missing file adds nothing.
 */
export async function guardrailsWithWorkspaceSettings(
  fromFile: readonly GuardrailDefinition[],
  folder: string,
): Promise<WorkspaceGuardrails> {
  const { settingsFile, settings, problem } = await readFolderSettings(folder);
  if (problem) {
    return {
      definitions: [...fromFile],
      problems: [`${problem}; its guardrail settings were left out`],
    };
  }
  const value = settings[SETTING];
  if (value === undefined) {
    return { definitions: [...fromFile], problems: [] };
  }
  const parsed = parseGuardrailSettings(value);
  const merged = mergeGuardrails(fromFile, parsed.entries);
  const problems = [...parsed.problems, ...merged.problems].map(
    (problem) =>
      `${settingsFile}: ${SETTING}${problem.where ? ` ${problem.where}` : ''}: ${problem.message}`,
  );
  return { definitions: merged.definitions, settingsFile, problems };
}
