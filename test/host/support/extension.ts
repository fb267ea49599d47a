import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/features/common/vscode/constants';
import type { CoordinatorApi as ProductionApi } from '../../../src/hosts/vscode/extension';
import type { HostTestApi } from '../extension/testEntry';

/**
 * The API as the host tests see it: the runner loads the host-test build of the extension
 * (test/host/extension/testEntry.ts), whose activate() adds `testing`.
 */
export type CoordinatorApi = HostTestApi;

interface DeclaredCommand {
  readonly command: string;
}

export function coordinatorExtension(): vscode.Extension<ProductionApi> {
  const extension = vscode.extensions.getExtension<ProductionApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`Extension ${EXTENSION_ID} is not loaded in this window.`);
  }
  return extension;
}

/**
 * Activates whichever build of the extension the window loaded (the shipped one or its host-test
 * build) and returns the API both have.
 */
export async function activateExtension(): Promise<ProductionApi> {
  return coordinatorExtension().activate();
}

/** Activates the host-test build of the extension and returns its API, `testing` included. */
export async function activateCoordinator(): Promise<CoordinatorApi> {
  const api: Partial<HostTestApi> = await coordinatorExtension().activate();
  const { activationMs, testing } = api;
  if (activationMs === undefined || !testing) {
    throw new Error(
      'The shipped extension is loaded, not its host-test build (out/host-extension): no testing API.',
    );
  }
  return { activationMs, testing };
}

/** Commands declared under contributes.commands in the loaded package.json. */
export function declaredCommands(): string[] {
  const contributes = coordinatorExtension().packageJSON.contributes as {
    commands?: DeclaredCommand[];
  };
  return (contributes.commands ?? []).map((c) => c.command);
}

/** Resolves once `predicate` holds, polling; rejects with `message` after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out: ${message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
