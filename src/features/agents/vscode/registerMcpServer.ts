import * as vscode from 'vscode';
import type { CoordinatorServices } from '../../common/vscode/services';
import { McpProviders, Settings } from '../../common/vscode/constants';
import { mcpServerLaunches, type McpLaunch } from '../model/mcpLaunch';

export interface McpServerFeature {
  /** False on a VS Code without `lm.registerMcpServerDefinitionProvider` (before 1.101). */
  readonly registered: boolean;
  /** What the provider gives VS Code now, one per folder with a plan. */
  launches(): McpLaunch[];
}

/** The parts of the MCP API (VS Code 1.101+) used here; absent on older versions. */
interface McpApi {
  registerMcpServerDefinitionProvider?(
    id: string,
    provider: {
      onDidChangeMcpServerDefinitions: vscode.Event<void>;
      provideMcpServerDefinitions(): unknown[];
    },
  ): vscode.Disposable;
}
type StdioDefinition = new (
  label: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  version?: string,
) => { cwd?: vscode.Uri };

/** Offers `coord mcp` to VS Code's agent mode for each folder with a plan, where VS Code can. */
export function registerMcpServer(services: CoordinatorServices): McpServerFeature {
  const cliPath = services.context.asAbsolutePath('dist/cli.js');
  const launches = () =>
    mcpServerLaunches(
      services.sessions.all.flatMap((session) =>
        session.taskFile
          ? [
              {
                name: session.folder.name,
                path: session.folder.uri.fsPath,
                taskFile: session.taskFile.fsPath,
                allowOtherTasks:
                  vscode.workspace
                    .getConfiguration(Settings.section, session.folder.uri)
                    .get<boolean>(Settings.mcpAllowOtherTasks) === true,
              },
            ]
          : [],
      ),
      process.execPath,
      cliPath,
    );
  const api = vscode.lm as unknown as McpApi;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: StdioDefinition })
    .McpStdioServerDefinition;
  if (!api.registerMcpServerDefinitionProvider || !Definition) {
    return { registered: false, launches };
  }
  const version = String(services.context.extension.packageJSON.version ?? '');
  const changed = new vscode.EventEmitter<void>();
  services.context.subscriptions.push(
    changed,
    services.sessions.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${Settings.section}.${Settings.mcpAllowOtherTasks}`)) {
        changed.fire();
      }
    }),
  );
  services.context.subscriptions.push(
    api.registerMcpServerDefinitionProvider(McpProviders.server, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () =>
        launches().map((launch) => {
          const definition = new Definition(
            launch.label,
            launch.command,
            launch.args,
            launch.env,
            version,
          );
          definition.cwd = vscode.Uri.file(launch.cwd);
          return definition;
        }),
    }),
  );
  return { registered: true, launches };
}
