import { worktreeTopLevel } from '../../platform/git';
import { AGENT_TASK_ENV } from '../../platform/identity/actor';
import { ALLOW_OTHER_TASKS_SETTING } from '../../features/agents/model/mcpSettings';
import { withoutMcpRuntimeEnv } from '../../features/agents/model/mcpRuntimeFlags';
import { readRepositorySettings } from '../../platform/settings/repositorySettings';
import { readFolderSettings } from '../../platform/settings/settingsFiles';
import { trustOf } from '../../platform/trust/trustStore';
import { readWorktreeSettings } from '../../features/worktrees/model/settings';
import { FILE_OPTION, parseCommandArgs } from '../../features/common/cli/args';
import { ExitCode, type CliCommand } from '../../features/common/cli/command';
import { resolveTaskFile } from '../../features/common/cli/taskFile';

export const command: CliCommand = {
  summary: 'Model Context Protocol server over stdio: the plan and task tools for agents',
  usage:
    'coord mcp [--allow-other-tasks] [--file PATH]\n' +
    `  The agent's task comes from ${AGENT_TASK_ENV}; edits to other tasks need --allow-other-tasks\n` +
    `  or ${ALLOW_OTHER_TASKS_SETTING} in the folder's .vscode/settings.json.\n` +
    "  The acting agent is COORD_AGENT, else the MCP client's name.",
  async run(args, context) {
    keepAllocatorSettingToThisProcess();
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      'allow-other-tasks': { type: 'boolean' },
    });
    const taskFilePath = await resolveTaskFile(values.file, context);
    const folder = (await worktreeTopLevel(context.cwd).catch(() => undefined)) ?? context.cwd;
    const { settings } = await readFolderSettings(folder);
    // The same coordinator.worktrees.* as coord start and the editor, so a task started here gets
    // the same branch, folder and ports; restricted ones only in a trusted repository.
    const trusted = (await trustOf(folder, { flag: false, env: context.env })) !== undefined;
    const repository = await readRepositorySettings({ folder, trusted });
    // The server and the MCP SDK load only now, from a bundle of their own in the build; `require`
    // because `import()` of that CommonJS bundle scans all of it for exports first (~150 ms).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazily loaded sibling bundle
    const { serveOverStdio } = require('./stdioServer') as typeof import('./stdioServer');
    await serveOverStdio({
      taskFilePath,
      cwd: context.cwd,
      ownTask: process.env[AGENT_TASK_ENV]?.trim() || undefined,
      allowOtherTasks:
        values['allow-other-tasks'] === true || settings[ALLOW_OTHER_TASKS_SETTING] === true,
      worktreeSettings: readWorktreeSettings(repository.get),
    });
    return ExitCode.ok;
  },
};

/** The commands the server runs (git, guardrails) get the caller's GLIBC_TUNABLES, not the server's. */
function keepAllocatorSettingToThisProcess(): void {
  const tunables = withoutMcpRuntimeEnv(process.env.GLIBC_TUNABLES);
  if (tunables === undefined) {
    delete process.env.GLIBC_TUNABLES;
  } else {
    process.env.GLIBC_TUNABLES = tunables;
  }
}
