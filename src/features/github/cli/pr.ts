import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { errorLine } from '../../../kernel/errors/errorLine';
import { mainWorktreeRoot } from '../../../platform/git';
import { GitHubError, pushBranchToOrigin } from '../client';
import { createTaskPullRequest } from '../createTaskPullRequest';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { CommandFailure, ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { cliGitHubService } from './gitHubService';
import { cliSettings, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { findTask, openTaskFile, requireModel } from '../../common/cli/taskFile';

export const command: CliCommand = {
  summary: 'open the PR for a task (optionally pushing its branch) and write pr_number back',
  usage:
    'coord pr KEY [--push] [--base BRANCH] [--draft] [--label L]... [--reviewer R]... [--template FILE]\n' +
    '             [--owner O --repo R] [--api-url URL] [--workspace FILE] [--trusted] [--json] [--file PATH]\n' +
    '  labels and reviewers are added only for tasks with critical_review; the token comes from GITHUB_TOKEN, GH_TOKEN or `gh auth token`,\n' +
    '  and goes only to api.github.com, the --api-url server or a trusted coordinator.github.apiBaseUrl',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...FILE_OPTION,
        ...JSON_OPTION,
        ...SETTINGS_OPTIONS,
        push: { type: 'boolean' },
        base: { type: 'string' },
        draft: { type: 'boolean' },
        label: { type: 'string', multiple: true },
        reviewer: { type: 'string', multiple: true },
        template: { type: 'string' },
        owner: { type: 'string' },
        repo: { type: 'string' },
        'api-url': { type: 'string' },
      },
      1,
    );
    if (!positionals[0]) {
      throw new UsageError('a task key or id is needed');
    }
    const opened = await openTaskFile(values.file, context);
    const task = findTask(requireModel(opened).model, positionals[0]);
    const template = values.template
      ? await readFile(resolve(context.cwd, values.template), 'utf8')
      : undefined;
    const repoRoot =
      (await mainWorktreeRoot(dirname(opened.path)).catch(() => undefined)) ?? context.cwd;
    const { service, clean } = await cliGitHubService(
      repoRoot,
      {
        settings: (await cliSettings(values, context, { reads: ['github.'] })).get,
        apiUrl: values['api-url'],
        owner: values.owner,
        repo: values.repo,
      },
      context,
    );
    let result;
    try {
      result = await createTaskPullRequest({
        task,
        settings: {
          ...(template ? { bodyTemplate: template } : {}),
          draft: values.draft ?? false,
          criticalReviewLabels: values.label ?? [],
          criticalReviewReviewers: values.reviewer ?? [],
        },
        ...(values.base ? { base: values.base } : {}),
        client: {
          push: (branch, signal) => pushBranchToOrigin(repoRoot, branch, signal),
          create: (draft) => service.createPullRequest(draft),
        },
        store: opened.store,
        ui: {
          confirm: async () => (values.push ? 'push' : 'open'),
          progress: (work) =>
            work((message) => {
              if (message.startsWith('pushing ')) {
                context.stderr(`coord: ${message} to origin\n`);
              }
            }),
        },
      });
    } catch (error) {
      if (error instanceof GitHubError) {
        const hint =
          error.kind === 'validation' && !values.push
            ? ' (was the branch pushed? --push does it)'
            : '';
        throw new CommandFailure(`${error.message}${hint}`);
      }
      if (CoordinatorError.is(error, 'untrusted') || CoordinatorError.is(error, 'noBranch')) {
        throw error;
      }
      throw new CommandFailure(clean(errorLine(error)));
    }
    if (result.outcome === 'existing') {
      throw new CommandFailure(`${task.id} already has pull request #${result.number}`);
    }
    if (result.outcome === 'declined') {
      return ExitCode.failed;
    }
    const { created } = result;
    for (const warning of created.warnings) {
      context.stderr(`coord: ${warning}\n`);
    }
    if (values.json) {
      context.stdout(`${JSON.stringify({ taskKey: task.key, ...created }, null, 2)}\n`);
    } else {
      context.stdout(`${created.url}\n`);
    }
    if (result.recordError) {
      context.stderr(`coord: ${result.recordError}\n`);
      return ExitCode.failed;
    }
    context.stderr(
      `coord: ${task.id} → PR #${created.number}; pr_number written to ${opened.shownPath}\n`,
    );
    return ExitCode.ok;
  },
};
