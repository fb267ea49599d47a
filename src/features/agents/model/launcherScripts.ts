/**
 * The `coord` launcher: a small script at a path that never changes (the repository's git dir,
 * the extension's global storage), which runs whatever `coord-target` beside it names. The editor
 * rewrites `coord-target` each time it starts, so hooks, agent configs and the merge driver that
 * name the launcher keep working across extension updates.
 */

import { MCP_MALLOC_TUNABLE, MCP_RUNTIME_FLAGS } from './mcpRuntimeFlags';

export const LAUNCHER_NAME = 'coord';
export const LAUNCHER_CMD_NAME = 'coord.cmd';
export const LAUNCHER_TARGET_NAME = 'coord-target';

/** The target file: one word per line, the program first (a Node, or the editor's runtime). */
export function launcherTargetText(command: readonly string[]): string {
  if (command.length === 0 || command.some((word) => /[\r\n]/.test(word) || word === '')) {
    throw new Error('The coord launcher target must be non-empty words without line breaks.');
  }
  return `${command.join('\n')}\n`;
}

export function parseLauncherTarget(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.length > 0);
}

/**
 * POSIX sh. The target's words go before the caller's arguments; a script named there that is gone
 * (an extension updated while the editor was closed) gets one line saying how to fix it.
 * `ELECTRON_RUN_AS_NODE` makes a desktop editor's runtime behave as Node; Node ignores it. A
 * `coord mcp` (what agents' MCP configs run) gets the server's V8 memory options and its glibc
 * allocator setting, after any the caller set.
 */
export const POSIX_LAUNCHER = `#!/bin/sh
# coord launcher written by Agent Coordinator: runs the coord named in coord-target beside it,
# which the editor rewrites each time it starts (so this path survives extension updates).
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 1
target="$here/${LAUNCHER_TARGET_NAME}"
if [ ! -r "$target" ]; then
  echo "coord: $target is missing; open this repository in VS Code with Agent Coordinator once" >&2
  exit 1
fi
count=$#
subcommand=\${1-}
while IFS= read -r word || [ -n "$word" ]; do
  [ -n "$word" ] || continue
  case "$word" in
    /*.js|/*.cjs|/*.mjs|/*.ts)
      if [ ! -f "$word" ]; then
        echo "coord: $word is gone (Agent Coordinator was updated or removed); open VS Code once to point this launcher at the current version" >&2
        exit 1
      fi ;;
  esac
  set -- "$@" "$word"
done < "$target"
# Move the caller's arguments behind the target's words.
while [ "$count" -gt 0 ]; do
  set -- "$@" "$1"
  shift
  count=$((count - 1))
done
program=$1
shift
if [ ! -x "$program" ]; then
  program=node
fi
if [ "$subcommand" = mcp ]; then
  set -- ${MCP_RUNTIME_FLAGS.join(' ')} "$@"
  GLIBC_TUNABLES="\${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}${MCP_MALLOC_TUNABLE}"
  export GLIBC_TUNABLES
fi
ELECTRON_RUN_AS_NODE=1 exec "$program" "$@"
`;

/** cmd.exe, for Windows terminals and agents; the server's options go after the program. */
export const CMD_LAUNCHER = `@echo off
rem coord launcher written by Agent Coordinator: runs the coord named in coord-target beside it.
setlocal EnableDelayedExpansion
set "line="
set "flags="
if /i "%~1"=="mcp" set "flags=${MCP_RUNTIME_FLAGS.join(' ')}"
for /f "usebackq delims=" %%w in ("%~dp0${LAUNCHER_TARGET_NAME}") do if defined line (set line=!line! "%%w") else (set line="%%w" !flags!)
if not defined line (
  echo coord: %~dp0${LAUNCHER_TARGET_NAME} is missing; open this repository in VS Code with Agent Coordinator once 1>&2
  exit /b 1
)
set ELECTRON_RUN_AS_NODE=1
%line% %*
`;
