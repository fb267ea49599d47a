import { runGit } from './exec';

/** A value of the repository's own git config (`--local`), or undefined when it is not set. */
export async function localConfigValue(
  cwd: string,
  name: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['config', '--local', '--get', name], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0 ? result.stdout.replace(/\n$/, '') : undefined;
}

/** Sets a value in the repository's own git config, shared by its worktrees, not by clones. */
export async function setLocalConfig(
  cwd: string,
  name: string,
  value: string,
  signal?: AbortSignal,
): Promise<void> {
  await runGit(['config', '--local', name, value], { cwd, signal });
}

/** The value git gives attribute `name` for `path` (relative to `cwd`'s worktree), or undefined when unset. */
export async function attributeValue(
  cwd: string,
  path: string,
  name: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['check-attr', '-z', name, '--', path], {
    cwd,
    signal,
    readOnly: true,
  });
  // `-z` output: path NUL attribute NUL value NUL.
  const value = result.stdout.split('\0')[2];
  return value === undefined || value === 'unspecified' ? undefined : value;
}
