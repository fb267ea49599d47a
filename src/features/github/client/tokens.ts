/** Where a token comes from: VS Code's GitHub sign-in in the extension, the environment in the CLI. */
export type TokenProvider = () => Promise<string | undefined>;

/** `GITHUB_TOKEN`, else `GH_TOKEN` (the variable the `gh` CLI uses). */
export function environmentTokenProvider(env: NodeJS.ProcessEnv = process.env): TokenProvider {
  return async () => {
    const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
    return token ? token : undefined;
  };
}
