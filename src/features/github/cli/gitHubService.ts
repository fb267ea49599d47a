import { readResponseLimits } from '../model/settings';
import {
  cliTokenProvider,
  gitHubServiceFor,
  gitHubTargetFor,
  redactSecrets,
  type GitHubService,
} from '../client';
import { readFolderSettings } from '../../guardrails/workspaceSettings';
import type { CliContext } from '../../common/cli/command';

export interface CliGitHubOptions {
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
 * sent only to github.com or `--api-url`; response limits from the folder's `.vscode/settings.json`
 * or their defaults; messages to stderr with the token scrubbed.
 */
export async function cliGitHubService(
  repoRoot: string,
  options: CliGitHubOptions,
  context: CliContext,
): Promise<CliGitHub> {
  const settings = { apiBaseUrl: options.apiUrl, owner: options.owner, repo: options.repo };
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
  const folder = await readFolderSettings(repoRoot);
  if (folder.problem) {
    context.stderr(`coord: ${folder.problem}; GitHub limits left at their defaults\n`);
  }
  const limits = readResponseLimits((key) => folder.settings[`coordinator.${key}`]);
  const log = (text: string) => context.stderr(`coord: ${clean(text)}\n`);
  const service = await gitHubServiceFor(repoRoot, knownToken, settings, {
    log: { info: log, warn: log },
    limits,
  });
  return { service, clean };
}
