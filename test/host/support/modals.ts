import * as vscode from 'vscode';

/** One modal question as VS Code received it; its first button is the one Enter presses. */
export interface AskedModal {
  message: string;
  buttons: string[];
  detail?: string;
}

type ShowMessage = (...args: unknown[]) => Thenable<unknown>;

/**
 * Answers every modal `showWarningMessage` and `showInformationMessage` with
 * `answer(button titles)` (undefined dismisses) and records what was asked; other messages go
 * through unchanged. Call `restore` when done.
 */
export function answerModals(answer: (buttons: string[]) => string | undefined = () => undefined): {
  asked: AskedModal[];
  restore(): void;
} {
  const window = vscode.window as Record<
    'showWarningMessage' | 'showInformationMessage',
    ShowMessage
  >;
  const asked: AskedModal[] = [];
  const restores = (['showWarningMessage', 'showInformationMessage'] as const).map((name) => {
    const original = window[name];
    window[name] = (message: unknown, ...rest: unknown[]) => {
      const options = rest[0] as { modal?: boolean; detail?: string } | undefined;
      if (!options?.modal) {
        return original(message, ...rest);
      }
      const items = rest.slice(1);
      const buttons = items.map((item) =>
        typeof item === 'string' ? item : (item as vscode.MessageItem).title,
      );
      asked.push({ message: String(message), buttons, detail: options.detail });
      const chosen = answer(buttons);
      return Promise.resolve(items[buttons.indexOf(chosen ?? '')]);
    };
    return () => (window[name] = original);
  });
  return { asked, restore: () => restores.forEach((restore) => restore()) };
}
