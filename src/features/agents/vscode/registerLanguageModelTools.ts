import * as vscode from 'vscode';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { resolveActor } from '../../../platform/identity/actor';
import { TaskFileStore } from '../../../platform/taskfile/store';
import { LanguageModelTools, Settings } from '../../common/vscode/constants';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import {
  claimOperation,
  nextTasksOperation,
  overviewOperation,
  showTaskOperation,
  updateOperation,
  type ClaimArgs,
  type NextTasksArgs,
  type UpdateArgs,
} from '../tools/planOperations';
import type { ToolSession } from '../tools/toolSession';

export interface LanguageModelToolsFeature {
  /** False on a VS Code without `lm.registerTool`. */
  readonly registered: boolean;
}

type Operation<T> = (session: ToolSession, input: T) => Promise<Record<string, unknown>>;

/**
 * The plan's read and update tools for VS Code's agent mode, over the same operations as
 * `coord mcp`, so every gate holds the same. Writes ask for confirmation first. In a window
 * opened on a task's worktree that task is the agent's own; edits to other tasks follow
 * `coordinator.mcp.allowOtherTasks`, as for the MCP server.
 */
export function registerLanguageModelTools(
  services: CoordinatorServices,
): LanguageModelToolsFeature {
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerTool !== 'function') {
    return { registered: false };
  }
  const register = <T extends object>(
    name: string,
    operation: Operation<T>,
    confirm?: (input: T) => string,
  ) =>
    lm.registerTool!<T>(name, {
      invoke: async (options) => {
        try {
          const value = await operation(toolSession(services), options.input);
          return textResult(JSON.stringify(value, null, 2));
        } catch (error) {
          // The model reads why, as an MCP client would; a bug is still thrown.
          if (error instanceof CoordinatorError) {
            const refused = CoordinatorError.is(error, 'gateRefused');
            const message = (error as Error).message;
            return textResult(
              refused
                ? `${message} Call again with force: true to go ahead anyway; it is recorded on the task.`
                : message,
            );
          }
          throw error;
        }
      },
      ...(confirm
        ? {
            prepareInvocation: (options: vscode.LanguageModelToolInvocationPrepareOptions<T>) => ({
              invocationMessage: confirm(options.input),
              confirmationMessages: {
                title: 'Change the plan?',
                message: new vscode.MarkdownString(confirm(options.input)),
              },
            }),
          }
        : {}),
    });
  services.context.subscriptions.push(
    register<Record<string, never>>(LanguageModelTools.overview, (s) => overviewOperation(s)),
    register<NextTasksArgs>(LanguageModelTools.nextTasks, nextTasksOperation),
    register<{ task?: string }>(LanguageModelTools.showTask, showTaskOperation),
    register<UpdateArgs>(LanguageModelTools.updateTask, updateOperation, describeUpdate),
    register<ClaimArgs>(
      LanguageModelTools.claimTask,
      claimOperation,
      (input) =>
        `Mark ${input.task ?? 'this window’s task'} in progress${input.force ? ', overriding the start gate' : ''}.`,
    ),
  );
  return { registered: true };
}

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

function describeUpdate(input: UpdateArgs): string {
  const changes: string[] = [];
  if (input.status) {
    changes.push(`status → ${input.status}`);
  }
  if (input.progress) {
    changes.push(
      `progress → ${input.progress.done}${input.progress.total !== undefined ? `/${input.progress.total}` : ''}`,
    );
  }
  if (input.pr !== undefined) {
    changes.push(input.pr === null ? 'clear the PR' : `PR → #${input.pr}`);
  }
  if (input.note) {
    changes.push(`add the note “${input.note}”`);
  }
  if (input.blocker) {
    changes.push(`add the blocker “${input.blocker}”`);
  }
  if (input.unblock) {
    changes.push(`remove the blocker “${input.unblock}”`);
  }
  const what = changes.length > 0 ? changes.join(', ') : 'nothing';
  return `Update ${input.task ?? 'this window’s task'}: ${what}${input.force ? ' (overriding gates)' : ''}.`;
}

/** The tools' view of the active folder's plan: the same session shape `coord mcp` serves. */
function toolSession(services: CoordinatorServices): ToolSession {
  const session = services.sessions.sessionFor(vscode.window.activeTextEditor?.document.uri);
  const taskFile = session?.taskFile?.fsPath;
  if (!session || !taskFile) {
    throw new CoordinatorError('badInput', 'No task file is open in this window.');
  }
  const store = new TaskFileStore(taskFile);
  const cwd = session.folder.uri.fsPath;
  return {
    taskFilePath: taskFile,
    cwd,
    store: {
      read: () => store.read(),
      apply: async (edits) => {
        await session.apply(edits);
        return session.state!;
      },
    },
    readPlanFile: () => store.read(),
    ownTask: windowTask(session),
    allowOtherTasks:
      vscode.workspace
        .getConfiguration(Settings.section, session.folder.uri)
        .get<boolean>(Settings.mcpAllowOtherTasks) === true,
    actor: () => resolveActor('editor', cwd),
  };
}

/** The task whose worktree this window's folder is, if any. */
function windowTask(session: FolderSession): string | undefined {
  const folder = session.folder.uri;
  return session.state?.model?.tasks.find(
    (task) => task.worktreePath !== undefined && sameFolder(task.worktreePath, folder.fsPath),
  )?.key;
}

function sameFolder(worktreePath: string, folder: string): boolean {
  const trim = (p: string) => p.replace(/[\\/]+$/, '');
  const a = trim(worktreePath);
  const b = trim(folder);
  return a === b || (!a.startsWith('/') && b.endsWith(`/${a.replace(/^(\.\.?\/)+/, '')}`));
}
