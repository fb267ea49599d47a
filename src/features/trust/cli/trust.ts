import { parseCommandArgs, JSON_OPTION } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import {
  repositoryIdentity,
  setTrusted,
  trustedRepositories,
  trustFilePath,
} from '../../../platform/trust/trustStore';

export const command: CliCommand = {
  summary: "trust this repository's settings and guardrails in the CLI (or --revoke, --list)",
  usage:
    'coord trust [--revoke] [--list] [--json]\n' +
    "  A trusted repository's restricted settings (setup command, agents, guardrail definitions,\n" +
    '  env, cwd and log folder, snapshot folder, GitHub API URL) apply, and coord guardrails run\n' +
    '  runs its shell lines. Recorded outside the repository, in\n' +
    '  $XDG_CONFIG_HOME/agent-coordinator/trust.json; --trusted or COORD_TRUSTED=1 trust one run.',
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...JSON_OPTION,
      revoke: { type: 'boolean' },
      list: { type: 'boolean' },
    });
    if (values.list && values.revoke) {
      throw new UsageError('give --list or --revoke, not both');
    }
    if (values.list) {
      const listed = await trustedRepositories(context.env);
      if (values.json) {
        context.stdout(
          `${JSON.stringify({ file: trustFilePath(context.env), repositories: listed }, null, 2)}\n`,
        );
      } else {
        context.stdout(listed.map((repository) => `${repository}\n`).join(''));
        context.stderr(`coord: ${listed.length} trusted (${trustFilePath(context.env)})\n`);
      }
      return ExitCode.ok;
    }
    const repository = await repositoryIdentity(context.cwd);
    const trusted = values.revoke !== true;
    const changed = await setTrusted(repository, trusted, context.env);
    if (values.json) {
      context.stdout(`${JSON.stringify({ repository, trusted, changed }, null, 2)}\n`);
    } else {
      const state = trusted ? 'trusted' : 'not trusted';
      context.stdout(`${repository}: ${changed ? `now ${state}` : `already ${state}`}\n`);
    }
    return ExitCode.ok;
  },
};
