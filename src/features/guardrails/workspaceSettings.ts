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

/**
 * The task file's guardrails merged with `coordinator.guardrails.definitions` from the folder's
 * `.vscode/settings.json`, as the extension merges them in that folder, so `coord guardrails`
 * in CI runs what the editor runs. The settings file is read as VS Code reads it (comments and
 * trailing commas allowed); a missing file adds nothing.
 */
export async function guardrailsWithWorkspaceSettings(
  fromFile: readonly GuardrailDefinition[],
  folder: string,
): Promise<WorkspaceGuardrails> {
  const settingsFile = path.join(folder, '.vscode', 'settings.json');
  let text: string;
  try {
    text = await readFile(settingsFile, 'utf8');
  } catch {
    return { definitions: [...fromFile], problems: [] };
  }
  if (stripComments(text).trim() === '') {
    // VS Code reads an empty (or comments-only) settings file as no settings.
    return { definitions: [...fromFile], problems: [] };
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
    return {
      definitions: [...fromFile],
      problems: [
        `${settingsFile} could not be read (${reason}); its guardrail settings were left out`,
      ],
    };
  }
  const value = (settings as Record<string, unknown>)[SETTING];
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
