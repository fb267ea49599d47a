import * as path from 'node:path';
import type * as GitHubModule from '../client';

export type { GitHubModule };

let loaded: typeof GitHubModule | undefined;

/**
 * The GitHub client, built as its own bundle (`dist/github.js`, Octokit
 * included) and required on first use so that activation never loads it. Never import `../client` statically from here.
 */
export function loadGitHubModule(): typeof GitHubModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazily loaded sibling bundle
  loaded ??= require(path.join(__dirname, 'github.js')) as typeof GitHubModule;
  return loaded;
}
