import { readGitHubConfiguration } from '../model/settings';
import type { SettingsSource } from '../../../kernel/config/settingsTable';
import {
  cliTokenProvider,
  gitHubServiceFor,
  gitHubTargetFor,
  redactSecrets,
  type GitHubService,
} from '../client';
import type { CliContext } from '../../common/cli/command';

export interface CliGitHubOptions {
  /** The repository's settings, for the response limits and a configured API server. */
  settings: SettingsSource;
  apiUrl?: string;
  owner?: string;
  repo?: string;
}

export interface CliGitHub {
  service: GitHubService;
  /** Scrubs the token (once known) from text bound for the terminal. */
  clean(text: string): string;
}

/**
 * The GitHub client of `coord pr` and `coord snapshot`: the token from the environment or `gh`,
 * sent only to github.com, `--api-url` or the trusted `coordinator.github.apiBaseUrl`; owner, repo and
 * response limits from the repository's settings or their defaults; messages to stderr with the token scrubbed.
 */
export async function cliGitHubService(
  repoRoot: string,
  options: CliGitHubOptions,
  context: CliContext,
): Promise<CliGitHub> {
  const configured = readGitHubConfiguration(options.settings);
  const settings = {
    apiBaseUrl: options.apiUrl ?? configured.apiBaseUrl,
    owner: options.owner ?? configured.owner,
    repo: options.repo ?? configured.repo,
  };
  const target = await gitHubTargetFor(repoRoot, settings);
  const getToken = cliTokenProvider(target.baseUrl);
  const secrets: string[] = [];
  const knownToken = async () => {
    const token = await getToken();
    if (token && !secrets.includes(token)) {
      secrets.push(token);
    }
    return token;
  };
  const clean = (text: string) => redactSecrets(text, secrets);
  const limits = configured.limits;
  const log = (text: string) => context.stderr(`coord: ${clean(text)}\n`);
  const service = await gitHubServiceFor(repoRoot, knownToken, settings, {
    log: { info: log, warn: log },
    limits,
  });
  return { service, clean };
}
