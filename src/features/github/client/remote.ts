import { runGit } from '../../../platform/git';

/** URL of the `origin` remote of the repository at `cwd`, or undefined when there is none. */
export async function originRemoteUrl(
  cwd: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['config', '--get', 'remote.origin.url'], {
    cwd,
    readOnly: true,
    okExitCodes: [1],
    ...(signal ? { signal } : {}),
  });
  const url = result.stdout.trim();
  return result.exitCode === 0 && url !== '' ? url : undefined;
}
