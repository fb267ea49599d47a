import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { CoordLauncher } from '../model/driverSetup';

/**
 * The `coord` bundled with the extension, run by the editor's own runtime: in the desktop editor
 * that is Electron, which runs plain Node with `ELECTRON_RUN_AS_NODE=1`; a server host is Node already.
 */
export function extensionCoordLauncher(context: vscode.ExtensionContext): CoordLauncher {
  return {
    command: [process.execPath, join(context.extensionPath, 'dist', 'cli.js')],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  };
}
