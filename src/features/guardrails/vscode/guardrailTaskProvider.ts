import * as vscode from 'vscode';
import type { GuardrailDefinition } from '../../../kernel/model/types';
import { TaskTypes } from '../../common/vscode/constants';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import type { GuardrailController } from './guardrailController';
import { errorLine } from '../../../kernel/errors/errorLine';

/** `contributes.taskDefinitions` entry of type `coordinator-guardrail`. */
export interface GuardrailTaskDefinition extends vscode.TaskDefinition {
  type: typeof TaskTypes.guardrail;
  key: string;
  /** Workspace folder name, when several are open. */
  folder?: string;
}

/**
 * Guardrails in "Tasks: Run Task". Each runs in a pseudoterminal through the same controller as the
 * commands, so it streams to the output channel too, is recorded, and waits for a run under way.
 * None are offered, and none run, in an untrusted workspace.
 */
export class GuardrailTaskProvider implements vscode.TaskProvider {
  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly controller: GuardrailController,
  ) {}

  provideTasks(): vscode.Task[] {
    if (!vscode.workspace.isTrusted) {
      return [];
    }
    return this.sessions.all.flatMap((session) =>
      this.controller
        .definitions(session)
        .definitions.map((definition) => this.taskFor(session, definition)),
    );
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as Partial<GuardrailTaskDefinition>;
    if (
      definition.type !== TaskTypes.guardrail ||
      typeof definition.key !== 'string' ||
      !vscode.workspace.isTrusted
    ) {
      return undefined;
    }
    const folder = typeof task.scope === 'object' ? task.scope : undefined;
    const session =
      this.sessions.all.find((s) =>
        definition.folder
          ? s.folder.name === definition.folder
          : folder && s.folder.uri.toString() === folder.uri.toString(),
      ) ?? this.sessions.sessionFor(folder?.uri);
    const guardrail =
      session &&
      this.controller.definitions(session).definitions.find((d) => d.key === definition.key);
    if (!session || !guardrail) {
      return undefined;
    }
    // Keep the definition the user wrote (tasks.json), so VS Code matches it to its entry.
    return this.taskFor(session, guardrail, task.definition as GuardrailTaskDefinition);
  }

  private taskFor(
    session: FolderSession,
    guardrail: GuardrailDefinition,
    given?: GuardrailTaskDefinition,
  ): vscode.Task {
    const definition: GuardrailTaskDefinition = given ?? {
      type: TaskTypes.guardrail,
      key: guardrail.key,
      folder: session.folder.name,
    };
    const task = new vscode.Task(
      definition,
      session.folder,
      guardrail.key,
      'Coordinator',
      new vscode.CustomExecution(
        async () => new GuardrailTerminal(this.controller, session, guardrail.key),
      ),
    );
    task.detail = guardrail.command;
    task.group = vscode.TaskGroup.Test;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
    return task;
  }
}

/** Shows one guardrail's run; closing the terminal cancels it. Exit code 0 only for a pass. */
class GuardrailTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private readonly cancel = new vscode.CancellationTokenSource();

  constructor(
    private readonly controller: GuardrailController,
    private readonly session: FolderSession,
    private readonly key: string,
  ) {}

  open(): void {
    void this.controller
      .run({
        session: this.session,
        keys: [this.key],
        queue: true,
        interactive: false,
        token: this.cancel.token,
        echo: (text) => this.written.fire(text.replace(/\r?\n/g, '\r\n')),
      })
      .then(
        (outcome) => this.finish(outcome?.results[0]?.verdict === 'pass' ? 0 : 1),
        (error: unknown) => {
          this.written.fire(`\r\nGuardrail could not run: ${errorLine(error)}\r\n`);
          this.finish(1);
        },
      );
  }

  close(): void {
    this.cancel.cancel();
  }

  private finish(code: number): void {
    this.closed.fire(code);
    this.cancel.dispose();
    this.written.dispose();
    this.closed.dispose();
  }
}
