import { ghCliToken } from './ghCliToken';

/** Where a token comes from: VS Code's GitHub sign-in in the extension, the environment in the CLI. */
export type TokenProvider = () => Promise<string | undefined>;

/** `GITHUB_TOKEN`, else `GH_TOKEN` (the variable the `gh` CLI uses). */
export function environmentTokenProvider(env: NodeJS.ProcessEnv = process.env): TokenProvider {
  return async () => {
    const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
    return token ? token : undefined;
  };
}

/**
 * The CLI's token: `GITHUB_TOKEN` or `GH_TOKEN`, else what a logged-in `gh` hands out for the API's
 * host. Asked once; the answer is kept for the rest of the command.
 */
export function cliTokenProvider(
  apiBaseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): TokenProvider {
  let answer: Promise<string | undefined> | undefined;
  const fromEnvironment = environmentTokenProvider(env);
  return () => {
    answer ??= fromEnvironment().then((token) => token ?? ghCliToken(apiBaseUrl));
    return answer;
  };
}
