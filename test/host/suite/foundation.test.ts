// The extension loads in a real VS Code: it activates, registers what it declares, and shows its views.
// It needs no `testing` API, so its scenarios run it against the extension as shipped.
// Tags in titles let scenarios pick tests with a grep: @any-workspace runs in every workspace,
// @trust checks the trust the scenario asked for, @shipped what only the shipped build (not the host
// tests' own) returns.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  coordinatorExtension,
  declaredCommands,
  waitFor,
} from '../support/extension';
import { recordMetric } from '../support/metrics';
import { currentScenario } from '../support/scenario';

/** Suffixes VS Code itself registers for every contributed view (`coordinator.tasks.focus`, ...). */
const VIEW_COMMAND_SUFFIXES = [
  '.focus',
  '.resetViewLocation',
  '.toggleVisibility',
  '.removeView',
  '.open',
];

/**
 * coordinator.* commands registered on purpose without a manifest entry. Keep this empty unless a
 * command truly must stay out of package.json; say why next to each entry.
 */
const INTERNAL_COMMANDS: readonly string[] = [];

function declaredViewIds(): string[] {
  const views = coordinatorExtension().packageJSON.contributes.views as Record<
    string,
    { id: string }[]
  >;
  return Object.values(views).flatMap((list) => list.map((view) => view.id));
}

function isGeneratedViewCommand(command: string, viewIds: string[]): boolean {
  return viewIds.some((view) =>
    VIEW_COMMAND_SUFFIXES.some((suffix) => command === `${view}${suffix}`),
  );
}

describe('foundation', () => {
  it('activates on its own in a workspace that holds a task file', async () => {
    const files = await vscode.workspace.findFiles('**/task_status.json', '**/node_modules/**', 1);
    assert.equal(files.length, 1, 'the fixture workspace has a task file');
    await waitFor(
      () => coordinatorExtension().isActive,
      'the extension activates from workspaceContains',
    );
  });

  it('@any-workspace returns its activation time from activate()', async () => {
    const api = await activateExtension();
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(
      Number.isFinite(api.activationMs) && api.activationMs >= 0,
      `activationMs = ${api.activationMs}`,
    );
    recordMetric('activationMs', api.activationMs);
  });

  it('@shipped returns nothing but activationMs from the shipped activate()', async () => {
    const api = await activateExtension();
    assert.deepEqual(Object.keys(api), ['activationMs'], 'no test API in the shipped extension');
  });

  it('@any-workspace registers every command it declares', async () => {
    await activateExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = declaredCommands();
    assert.ok(declared.length > 0, 'package.json declares commands');
    const missing = declared.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'declared in package.json but not registered');
  });

  it('@any-workspace declares every coordinator command it registers', async () => {
    await activateExtension();
    const declared = new Set([...declaredCommands(), ...INTERNAL_COMMANDS]);
    const viewIds = declaredViewIds();
    const registered = (await vscode.commands.getCommands(true)).filter((command) =>
      command.startsWith('coordinator.'),
    );
    assert.ok(registered.length > 0, 'some coordinator commands are registered');
    const undeclared = registered.filter(
      (command) => !declared.has(command) && !isGeneratedViewCommand(command, viewIds),
    );
    assert.deepEqual(undeclared, [], 'registered but not declared in package.json');
  });

  it('@any-workspace shows the Coordinator container and its views', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.view.extension.coordinator');
    for (const view of declaredViewIds()) {
      await vscode.commands.executeCommand(`${view}.focus`);
    }
  });

  it('@trust opens the workspace with the trust the scenario asked for', () => {
    assert.equal(vscode.workspace.isTrusted, !currentScenario().untrusted);
  });
});
