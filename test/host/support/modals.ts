import * as vscode from 'vscode';

/** One modal question as VS Code received it; its first button is the one Enter presses. */
export interface AskedModal {
  message: string;
  buttons: string[];
  detail?: string;
}

type ShowMessage = (...args: unknown[]) => Thenable<unknown>;

/**
 * Answers every modal `showWarningMessage` with `answer(button titles)` (undefined dismisses) and
 * records what was asked; other messages go through unchanged. Call `restore` when done.
 */
export function answerModals(answer: (buttons: string[]) => string | undefined = () => undefined): {
  asked: AskedModal[];
  restore(): void;
} {
  const window = vscode.window as { showWarningMessage: ShowMessage };
  const original = window.showWarningMessage;
  const asked: AskedModal[] = [];
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
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
  return { asked, restore: () => (window.showWarningMessage = original) };
}
