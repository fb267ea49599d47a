import type { GuardrailPrompts } from '../../../src/features/guardrails/vscode/guardrailPrompts';

/**
 * The guardrail prompts port of the host-test extension: the host tests answer through
 * `answerWith`; without answers it shows the real dialogs.
 */
export class ScriptedGuardrailPrompts implements GuardrailPrompts {
  private answers: GuardrailPrompts | undefined;

  constructor(private readonly shown: GuardrailPrompts) {}

  /** Answers every question with `answers` until the returned function is called. */
  answerWith(answers: GuardrailPrompts): () => void {
    this.answers = answers;
    return () => {
      if (this.answers === answers) {
        this.answers = undefined;
      }
    };
  }

  refuseUntrusted(message: string): Promise<void> {
    return (this.answers ?? this.shown).refuseUntrusted(message);
  }

  whenBusy(folderName: string): ReturnType<GuardrailPrompts['whenBusy']> {
    return (this.answers ?? this.shown).whenBusy(folderName);
  }

  confirmCompletion(
    message: string,
    detail: string,
    canRunGuardrails: boolean,
  ): ReturnType<GuardrailPrompts['confirmCompletion']> {
    return (this.answers ?? this.shown).confirmCompletion(message, detail, canRunGuardrails);
  }
}
