import * as vscode from 'vscode';
import { settingsReader, type SettingsReader } from '../../../kernel/config/readSettings';
import { Settings } from './constants';

/** The `coordinator.*` settings of `scope` through the one reader, with the table's defaults. */
export function coordinatorSettings(scope?: vscode.Uri): SettingsReader {
  const configuration = vscode.workspace.getConfiguration(Settings.section, scope);
  return settingsReader((key) => configuration.get<unknown>(key));
}
