import * as vscode from 'vscode';
import { coordinatorSettings } from '../../common/vscode/settings';
import { authProviderFor, sessionFitsApi } from '../model/authProvider';
import { Settings } from '../../common/vscode/constants';

/** Scopes asked of VS Code's GitHub sign-in: reading PRs and checks of private repositories, opening PRs. */
export const GITHUB_SCOPES = ['repo'];

/**
 * Where the extension's GitHub token comes from, asked afresh on every refresh (a sign-in or
 * sign-out takes effect on the next one):
 *
 * 1. `GITHUB_TOKEN` / `GH_TOKEN` from the extension host's environment, only when the user turned on
 *    `coordinator.github.allowEnvironmentToken`. That setting is application-scoped, so a
 *    repository's `.vscode/settings.json` cannot turn it on; it is off by default. It serves
 *    headless use and the extension-host tests.
 * 2. VS Code's own GitHub sign-in (`github`, or `github-enterprise` when the API root is not
 *    api.github.com), asked silently: no prompt and no badge. Only `signIn()` shows the sign-in flow.
 *
 * A session is only handed out for the API root it belongs to (see `sessionFitsApi`).
 */
export class GitHubTokenSource {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  async token(apiBaseUrl: string): Promise<string | undefined> {
    const fromEnvironment = this.environmentToken();
    if (fromEnvironment) {
      return fromEnvironment;
    }
    const provider = authProviderFor(apiBaseUrl);
    if (!this.fits(provider, apiBaseUrl)) {
      return undefined;
    }
    try {
      const session = await vscode.authentication.getSession(provider, GITHUB_SCOPES, {
        silent: true,
      });
      return session?.accessToken;
    } catch (error) {
      // No such provider (a web build without GitHub sign-in): the same as not signed in.
      this.log.debug(`GitHub sign-in (${provider}) is not available: ${String(error)}`);
      return undefined;
    }
  }

  /** Shows VS Code's sign-in flow; true when a session was obtained. */
  async signIn(apiBaseUrl: string): Promise<boolean> {
    const provider = authProviderFor(apiBaseUrl);
    if (!this.fits(provider, apiBaseUrl)) {
      void vscode.window.showWarningMessage(
        `The GitHub API address ${apiBaseUrl} is not the GitHub Enterprise server VS Code signs in to (setting "github-enterprise.uri"). Set it to that server first.`,
      );
      return false;
    }
    const session = await vscode.authentication.getSession(provider, GITHUB_SCOPES, {
      createIfNone: true,
    });
    return session !== undefined;
  }

  private environmentToken(): string | undefined {
    const allowed = coordinatorSettings().flag(Settings.githubAllowEnvironmentToken);
    if (!allowed) {
      return undefined;
    }
    return process.env.GITHUB_TOKEN?.trim() || process.env.GH_TOKEN?.trim() || undefined;
  }

  private fits(provider: ReturnType<typeof authProviderFor>, apiBaseUrl: string): boolean {
    return sessionFitsApi(provider, apiBaseUrl, enterpriseUri());
  }
}

/** The GitHub Enterprise server VS Code signs in to (`github-enterprise.uri`), when set. */
export function enterpriseUri(): string | undefined {
  return vscode.workspace.getConfiguration('github-enterprise').get<string>('uri') || undefined;
}
