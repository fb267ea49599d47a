// Helpers shared by the tasks*.test.ts host suites: the live extension objects and the task file on disk.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import type { TaskNode, TaskTreeNode } from '../../../src/features/tasks/vscode/taskTreeNodes';
import { activateCoordinator, waitFor, type CoordinatorApi } from '../support/extension';

export interface RawTask {
  id: string;
  name: string;
  status: string;
  owner: string;
  dependencies: string[];
}
export type RawFile = { tasks: Record<string, Record<string, RawTask>> };

export async function coordinator(): Promise<CoordinatorApi['testing']> {
  const api = await activateCoordinator();
  await api.testing.services.sessions.ready;
  return api.testing;
}

export async function sessionWithFile(testing: CoordinatorApi['testing']): Promise<FolderSession> {
  await waitFor(
    () => testing.services.sessions.all.some((s) => s.state?.model !== undefined),
    'a task file is read',
  );
  const session = testing.services.sessions.all.find((s) => s.state?.model !== undefined);
  assert.ok(session?.taskFile, 'the session found a task file');
  return session;
}

export function readRaw(file: vscode.Uri): RawFile {
  return JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as RawFile;
}

/** Every task node under the root, through the real provider. */
export function allTaskNodes(testing: CoordinatorApi['testing']): TaskNode[] {
  const provider = testing.tasks.provider;
  const nodes: TaskNode[] = [];
  const walk = (node: TaskTreeNode | undefined, depth: number) => {
    for (const child of provider.getChildren(node)) {
      if (child.kind === 'task') {
        nodes.push(child);
      } else if (depth < 3) {
        walk(child, depth + 1);
      }
    }
  };
  walk(undefined, 0);
  return nodes;
}

export function taskNode(testing: CoordinatorApi['testing'], key: string): TaskNode {
  const node = allTaskNodes(testing).find((n) => n.task.key === key);
  assert.ok(node, `task ${key} is in the tree`);
  return node;
}

/** Writes the file as another program would, then waits until the session has read that text. */
export async function writeExternally(session: FolderSession, text: string): Promise<number> {
  const started = performance.now();
  fs.writeFileSync(session.taskFile!.fsPath, text);
  await waitFor(() => session.state?.text === text, 'the session reads the external write');
  return performance.now() - started;
}

export async function restore(session: FolderSession, original: string): Promise<void> {
  if (
    fs.readFileSync(session.taskFile!.fsPath, 'utf8') !== original ||
    session.state?.text !== original
  ) {
    await writeExternally(session, original);
  }
}
