import { posixQuote } from '../../agents/model/shellQuoting';
import type { CoordLauncher } from '../../agents/model/coordCommand';

export type { CoordLauncher };

/** The merge driver's name in `.gitattributes` (`merge=coord-plan`) and in git config. */
export const MERGE_DRIVER = 'coord-plan';
export const MERGE_DRIVER_NAME = 'Agent Coordinator task file merge';

export const driverConfigKeys = {
  name: `merge.${MERGE_DRIVER}.name`,
  driver: `merge.${MERGE_DRIVER}.driver`,
} as const;

/** The shell line git runs for the driver (git runs it through `sh`, also on Windows). */
export function driverCommandLine(launcher: CoordLauncher): string {
  const env = Object.entries(launcher.env ?? {}).map(
    ([name, value]) => `${name}=${posixQuote(value)}`,
  );
  return [...env, ...launcher.command.map(posixQuote), 'merge-driver', '%O', '%A', '%B', '%P'].join(
    ' ',
  );
}

/** The `.gitattributes` line for a task file at `path` (relative to the repository root, `/`-separated). */
export function attributesLine(path: string): string {
  const pattern = path.replace(/^\/+/, '').replace(/[ \t]/g, '[[:space:]]');
  return `/${pattern} merge=${MERGE_DRIVER}`;
}

/** `.gitattributes` text with the line added at the end (keeping the file's line endings). */
export function withAttributesLine(existing: string, line: string): string {
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const separator = existing.length === 0 || existing.endsWith('\n') ? '' : eol;
  return `${existing}${separator}${line}${eol}`;
}

/**
 * Whether a configured driver line is one the editor wrote for an older copy of itself: the
 * editor's lines run its bundled `coord` as Node, and its path changes with every update.
 */
export function isOutdatedEditorDriver(configured: string | undefined, current: string): boolean {
  const editorLine = /^ELECTRON_RUN_AS_NODE=1 /;
  return (
    configured !== undefined &&
    editorLine.test(configured) &&
    editorLine.test(current) &&
    configured !== current
  );
}
