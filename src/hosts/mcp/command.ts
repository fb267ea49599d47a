import { dirname } from 'node:path';
import type { Actor } from '../../kernel/edits/types';
import { AGENT_TASK_ENV, resolveActor } from '../../platform/identity/actor';
import { TaskFileStore } from '../../platform/taskfile/store';
import { FILE_OPTION, parseCommandArgs } from '../../features/common/cli/args';
import { ExitCode, type CliCommand } from '../../features/common/cli/command';
import { resolveTaskFile } from '../../features/common/cli/taskFile';
import type { McpSession } from '../../features/agents/mcp/session';
import { serveOverStdio } from './stdioServer';

export const command: CliCommand = {
  summary: 'Model Context Protocol server over stdio: the plan and task tools for agents',
  usage:
    'coord mcp [--allow-other-tasks] [--file PATH]\n' +
    `  The agent's task comes from ${AGENT_TASK_ENV}; edits to other tasks need --allow-other-tasks.\n` +
    "  The acting agent is COORD_AGENT, else the MCP client's name.",
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      'allow-other-tasks': { type: 'boolean' },
    });
    const taskFilePath = await resolveTaskFile(values.file, context);
    let actor: Promise<Actor> | undefined;
    const session: McpSession = {
      taskFilePath,
      cwd: context.cwd,
      store: new TaskFileStore(taskFilePath),
      ownTask: process.env[AGENT_TASK_ENV]?.trim() || undefined,
      allowOtherTasks: values['allow-other-tasks'] === true,
      actor: () =>
        (actor ??= resolveActor('mcp', dirname(taskFilePath), {
          clientName: clientName(),
        })),
    };
    let clientName: () => string | undefined = () => undefined;
    await serveOverStdio(session, (server) => {
      clientName = () => server.server.getClientVersion()?.name;
    });
    return ExitCode.ok;
  },
};
