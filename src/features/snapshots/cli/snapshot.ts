import { dirname } from 'node:path';
import { mainWorktreeRoot } from '../../../platform/git';
import { captureSnapshot, DEFAULT_SNAPSHOT_FOLDER } from '..';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, type CliCommand } from '../../common/cli/command';
import { cliGitHubService } from '../../github/cli/gitHubService';
import { readGitHubConfiguration } from '../../github/model/settings';
import { cliSettings, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { resolveTaskFile, shownPath } from '../../common/cli/taskFile';

export const command: CliCommand = {
  summary:
    'write a coordination snapshot (JSON + Markdown, with PRs and CI when GITHUB_TOKEN is set)',
  usage:
    'coord snapshot [--out FOLDER] [--offline] [--owner O --repo R] [--api-url URL] [--workspace FILE] [--trusted]\n' +
    '               [--json] [--file PATH]\n' +
    `  FOLDER defaults to coordinator.snapshots.folder (${DEFAULT_SNAPSHOT_FOLDER}) in the main worktree; the token comes from GITHUB_TOKEN, GH_TOKEN or \`gh auth token\``,
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      ...JSON_OPTION,
      ...SETTINGS_OPTIONS,
      out: { type: 'string', short: 'o' },
      offline: { type: 'boolean' },
      owner: { type: 'string' },
      repo: { type: 'string' },
      'api-url': { type: 'string' },
    });
    const taskFile = await resolveTaskFile(values.file, context);
    const repoRoot =
      (await mainWorktreeRoot(dirname(taskFile)).catch(() => undefined)) ?? context.cwd;
    const settings = await cliSettings(values, context, { reads: ['snapshots.', 'github.'] });
    const github = values.offline
      ? { unavailable: 'Not fetched (--offline).' }
      : (
          await cliGitHubService(
            repoRoot,
            {
              settings: settings.get,
              apiUrl: values['api-url'],
              owner: values.owner,
              repo: values.repo,
            },
            context,
          )
        ).service;
    const captured = await captureSnapshot({
      repoRoot,
      taskFile,
      folder: values.out ?? readGitHubConfiguration(settings.get).snapshotsFolder,
      github,
    });
    const { document, files } = captured;
    if (values.json) {
      context.stdout(`${JSON.stringify({ ...document, files }, null, 2)}\n`);
    } else {
      for (const file of Object.values(files)) {
        context.stdout(`${shownPath(file, context.cwd)}\n`);
      }
    }
    const gh = document.github;
    context.stderr(
      `coord: snapshot ${document.snapshotId}: ${document.summary.total} tasks, ${document.summary.completionPercentage}% complete; ` +
        (gh.available
          ? `${gh.openPullRequests} open PRs, ${document.ciFailures.length} CI failures${gh.stale ? ' (stale GitHub data)' : ''}\n`
          : `GitHub data unavailable: ${gh.reason ?? ''}\n`),
    );
    return ExitCode.ok;
  },
};
