import * as vscode from 'vscode';
import type { AttentionKind } from '../model/attentionItem';

const LOOK: Record<AttentionKind, { icon: string; color?: string }> = {
  agentNeedsInput: { icon: 'bell-dot', color: 'notificationsWarningIcon.foreground' },
  agentFailed: { icon: 'error', color: 'testing.iconFailed' },
  guardrailFailed: { icon: 'shield', color: 'testing.iconFailed' },
  conflict: { icon: 'git-merge', color: 'notificationsWarningIcon.foreground' },
  reviewOverdue: { icon: 'eye', color: 'notificationsWarningIcon.foreground' },
  agentFinished: { icon: 'pass-filled', color: 'testing.iconPassed' },
  reviewRequested: { icon: 'eye' },
  waitOver: { icon: 'play' },
  agentStale: { icon: 'watch', color: 'disabledForeground' },
};

export function attentionIcon(kind: AttentionKind): vscode.ThemeIcon {
  const look = LOOK[kind];
  return new vscode.ThemeIcon(
    look.icon,
    look.color ? new vscode.ThemeColor(look.color) : undefined,
  );
}

export function attentionCodicon(kind: AttentionKind): string {
  return `$(${LOOK[kind].icon})`;
}
