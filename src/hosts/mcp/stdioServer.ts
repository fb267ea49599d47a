import { dirname } from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Actor } from '../../kernel/edits/types';
import { resolveActor } from '../../platform/identity/actor';
import { TaskFileStore } from '../../platform/taskfile/store';
import { collectWhenIdle } from './collectWhenIdle';
import { createCoordinatorServer } from '../../features/agents/mcp/createServer';
import { cachedPlanReader } from '../../features/agents/mcp/planCache';
import { mcpPullRequestReviews } from '../../features/agents/mcp/mcpPullRequestReviews';
import type { WorktreeSettings } from '../../features/worktrees/model/settings';
import {
  commitPlanWithRepositorySettings,
  planAutoCommitLine,
} from '../../features/plan-merge/commitPlanOnStatusChange';

const SERVER_VERSION = '0.1.0';

export interface StdioServerOptions {
  taskFilePath: string;
  cwd: string;
  ownTask?: string;
  allowOtherTasks: boolean;
  worktreeSettings: WorktreeSettings;
}

/** Serves the plan on stdin/stdout until the client closes the pipe. */
export async function serveOverStdio(options: StdioServerOptions): Promise<void> {
  let actor: Promise<Actor> | undefined;
  const store = new TaskFileStore(options.taskFilePath);
  const server = createCoordinatorServer(
    {
      ...options,
      store,
      readPlanFile: cachedPlanReader(options.taskFilePath, () => store.read()),
      pullRequestReviews: () => mcpPullRequestReviews(options.cwd),
      afterPlanChange: async (before, after) =>
        planAutoCommitLine(
          await commitPlanWithRepositorySettings({
            taskFilePath: options.taskFilePath,
            before,
            after,
            env: process.env,
          }),
        ),
      // Asked on the first edit, when the client has said its name.
      actor: () =>
        (actor ??= resolveActor('mcp', dirname(options.taskFilePath), {
          clientName: server.server.getClientVersion()?.name,
        })),
    },
    SERVER_VERSION,
  );
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const handle = transport.onmessage;
  const collect = collectWhenIdle();
  transport.onmessage = (message) => {
    handle?.(message);
    collect();
  };
  const close = () => void server.close();
  process.stdin.once('end', close);
  process.stdin.once('close', close);
  await closed;
}
