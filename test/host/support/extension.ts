import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/features/common/vscode/constants';
import type {
  CoordinatorApi as ProductionApi,
  CoordinatorTesting,
} from '../../../src/hosts/vscode/extension';

/** The API as the host tests see it: the runner sets COORDINATOR_TEST=1, so `testing` is there. */
export type CoordinatorApi = ProductionApi & { readonly testing: CoordinatorTesting };

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

/** Activates the extension (a no-op when it already is) and returns its API. */
export async function activateCoordinator(): Promise<CoordinatorApi> {
  const api = await coordinatorExtension().activate();
  const { testing } = api;
  if (!testing) {
    throw new Error('The extension was not composed for tests: COORDINATOR_TEST=1 is not set.');
  }
  return { ...api, testing };
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
