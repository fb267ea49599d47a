import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse, printParseErrorCode, stripComments, type ParseError } from 'jsonc-parser';

/** A settings file as VS Code reads it: comments and trailing commas allowed. */
export interface SettingsFile {
  file: string;
  /** Empty when the file is missing, empty or unreadable. */
  settings: Record<string, unknown>;
  /** Why the file was left out, when it exists but could not be read. */
  problem?: string;
}

/** A folder's `.vscode/settings.json`. */
export function readFolderSettings(folder: string): Promise<SettingsFile> {
  return readSettingsFile(path.join(folder, '.vscode', 'settings.json'), {
    pick: (document) => document,
    required: false,
  });
}

/** The `settings` object of a `.code-workspace` file; a missing file is a problem, since it was asked for. */
export function readWorkspaceFileSettings(file: string): Promise<SettingsFile> {
  return readSettingsFile(file, { pick: (document) => document.settings ?? {}, required: true });
}

async function readSettingsFile(
  file: string,
  options: { pick: (document: Record<string, unknown>) => unknown; required: boolean },
): Promise<SettingsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return options.required
      ? { file, settings: {}, problem: `${file} could not be read (${reason})` }
      : { file, settings: {} };
  }
  if (stripComments(text).trim() === '') {
    // VS Code reads an empty (or comments-only) settings file as no settings.
    return { file, settings: {} };
  }
  const errors: ParseError[] = [];
  const document = parse(text, errors, { allowTrailingComma: true }) as unknown;
  const settings = isObject(document) ? options.pick(document) : undefined;
  if (errors.length > 0 || !isObject(settings)) {
    const reason = errors.length > 0 ? printParseErrorCode(errors[0].error) : 'not an object';
    return { file, settings: {}, problem: `${file} could not be read (${reason})` };
  }
  return { file, settings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
