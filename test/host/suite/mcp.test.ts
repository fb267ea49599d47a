// VS Code's agent mode reaches `coord mcp` through the server definition the extension provides:
// launched here as VS Code would, with the MCP SDK's client. On a VS Code without the MCP API the
// extension registers nothing and says so.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { activateCoordinator, waitFor } from '../support/extension';

describe('MCP server definition for agent mode', function () {
  this.timeout(60_000);

  it('is registered exactly where VS Code has the API, and the server it defines answers', async () => {
    const api = await activateCoordinator();
    const mcp = api.testing.mcp;
    const hasApi =
      typeof (vscode.lm as { registerMcpServerDefinitionProvider?: unknown })
        .registerMcpServerDefinitionProvider === 'function';
    assert.equal(mcp.registered, hasApi, `VS Code ${vscode.version}`);
    console.log(
      `      VS Code ${vscode.version}: MCP server provider registered: ${mcp.registered}`,
    );
    await waitFor(() => mcp.launches().length > 0, 'a folder with a plan');
    const [launch] = mcp.launches();
    assert.ok(launch);
    const client = new Client({ name: 'vscode-host-test', version: vscode.version });
    await client.connect(
      new StdioClientTransport({
        command: launch.command,
        args: launch.args,
        cwd: launch.cwd,
        env: { PATH: process.env.PATH ?? '', ...launch.env },
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'update_task'));
      const overview = await client.callTool({ name: 'plan_overview', arguments: {} });
      assert.notEqual(overview.isError, true, JSON.stringify(overview.content));
    } finally {
      await client.close();
    }
  });
});
