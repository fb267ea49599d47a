import * as vscode from 'vscode';
import { isWaitingForGitHub } from '../model/backoff';
import { readGitHubConfiguration, type GitHubConfiguration } from '../model/settings';
import { taskPrRefs, taskPrRefsKey } from '../model/taskRefs';
import type { GitHubStatus } from '../model/types';
import type { CreatedPullRequest, GitHubService, PullRequestDraft } from '../client';
import { Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession } from '../../common/vscode/services';
import { Debouncer } from '../../common/vscode/session/debouncer';
import { loadGitHubModule } from './githubModule';
import { enterpriseUri, type GitHubTokenSource } from './tokenSource';
import { errorLine } from '../../../kernel/errors/errorLine';

/** Quiet time after a task-file change before asking GitHub again (agents write in bursts). */
const TASKS_CHANGED_DELAY_MS = 2_000;

interface Connection {
  service: GitHubService;
  baseUrl: string;
  /** False when neither settings nor `origin` name a GitHub repository. */
  hasRepository: boolean;
}

/** The `coordinator.*` settings of a folder, with defaults. */
export function gitHubConfigurationFor(folder: vscode.WorkspaceFolder): GitHubConfiguration {
  const config = vscode.workspace.getConfiguration(Settings.section, folder.uri);
  return readGitHubConfiguration((key) => config.get(key));
}

/**
 * One folder's pull-request state. Nothing is loaded until `want()` or `refresh()`: then the GitHub
 * bundle is required, the target resolved (settings, then `origin`) and the first refresh made.
 */
export class FolderPullRequests extends Disposable {
  private connection: Promise<Connection> | undefined;
  private current: GitHubStatus | undefined;
  private refsKey: string | undefined;
  private started = false;
  /** Bumped when the settings change, so a refresh started before does not overwrite newer state. */
  private generation = 0;
  private hasRepository = false;
  private readonly refreshSoon = this.register(
    new Debouncer(TASKS_CHANGED_DELAY_MS, () => void this.refresh({ scheduled: true })),
  );

  constructor(
    readonly session: FolderSession,
    private readonly tokens: GitHubTokenSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly onUpdate: (folder: FolderPullRequests) => void,
  ) {
    super();
  }

  /** The latest state, or undefined before the first refresh finished. Never starts anything. */
  get status(): GitHubStatus | undefined {
    return this.current;
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** Signing in would help: there is a GitHub repository and no token. */
  get needsSignIn(): boolean {
    return this.current?.error?.kind === 'noToken' && this.hasRepository;
  }

  /** A view needs PR data: the first call starts the service and a refresh. */
  want(): void {
    if (!this.started) {
      void this.refresh();
    }
  }

  /**
   * Asks GitHub for every task with a branch or PR. Never throws. A scheduled refresh (interval,
   * task-file change) is skipped while GitHub asked to wait after a rate limit; one asked for is not.
   */
  async refresh(options: { scheduled?: boolean } = {}): Promise<GitHubStatus | undefined> {
    this.started = true;
    const model = this.session.state?.model;
    if (!model || (options.scheduled && isWaitingForGitHub(this.current, new Date()))) {
      return this.current;
    }
    const refs = taskPrRefs(model.tasks);
    this.refsKey = taskPrRefsKey(refs);
    const generation = this.generation;
    try {
      const { service, hasRepository } = await this.connect();
      this.hasRepository = hasRepository;
      const status = await service.refresh(refs);
      if (!this.isDisposed && generation === this.generation) {
        this.current = status;
        this.onUpdate(this);
      }
    } catch (error) {
      this.log.error(`GitHub for ${this.session.folder.name}: ${errorLine(error)}`);
    }
    return this.current;
  }

  /** After a task-file change: refreshes (debounced) when tasks' branches or PR numbers changed. */
  tasksChanged(): void {
    const model = this.session.state?.model;
    if (!this.started || !model) {
      return;
    }
    if (taskPrRefsKey(taskPrRefs(model.tasks)) !== this.refsKey) {
      this.refreshSoon.trigger();
    }
  }

  /**
   * Settings changed: the next refresh builds a new client. The last state stays on show unless
   * the target moved (another server or repository): that state belongs to something else.
   */
  reset(targetChanged: boolean): void {
    this.connection = undefined;
    this.generation += 1;
    if (targetChanged && this.current) {
      this.current = undefined;
      this.onUpdate(this);
    }
  }

  /** The API root in use, resolving the target when needed. */
  async apiBaseUrl(): Promise<string> {
    return (await this.connect()).baseUrl;
  }

  async createPullRequest(draft: PullRequestDraft): Promise<CreatedPullRequest> {
    const { service } = await this.connect();
    return service.createPullRequest(draft);
  }

  /** The service for a snapshot, once connected. */
  async service(): Promise<GitHubService> {
    return (await this.connect()).service;
  }

  private connect(): Promise<Connection> {
    this.connection ??= this.createConnection().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  private async createConnection(): Promise<Connection> {
    const github = loadGitHubModule();
    const config = gitHubConfigurationFor(this.session.folder);
    const target = await github.gitHubTargetFor(this.session.folder.uri.fsPath, {
      ...(config.apiBaseUrl ? { apiBaseUrl: config.apiBaseUrl } : {}),
      ...(config.owner ? { owner: config.owner } : {}),
      ...(config.repo ? { repo: config.repo } : {}),
    });
    const where = target.repository
      ? `${target.repository.owner}/${target.repository.repo}`
      : 'no repository';
    this.log.info(`GitHub for ${this.session.folder.name}: ${where} at ${target.baseUrl}`);
    const service = new github.GitHubService({
      getToken: () => this.tokens.token(target.baseUrl),
      baseUrl: target.baseUrl,
      configuredApiBaseUrls: [config.apiBaseUrl, enterpriseUri()],
      repository: target.repository,
      limits: config.limits,
      reviews: config.fetchReviews,
      mergeable: config.fetchMergeable,
      log: { info: (message) => this.log.info(message), warn: (message) => this.log.warn(message) },
    });
    return { service, baseUrl: target.baseUrl, hasRepository: target.repository !== undefined };
  }
}
