import { formatDuration } from './verdict';
import type { GuardrailResult, GuardrailRunHeader } from './types';

/** The header and footer around one guardrail's output, the same in the output channel and the CLI. */

export function formatHeader(header: GuardrailRunHeader): string {
  return [
    `>>> ${header.key}${header.required ? ' (required)' : ''}`,
    `$ ${header.command}`,
    `folder: ${header.cwd}`,
    `started: ${header.startedAt}`,
    '',
  ].join('\n');
}

/** `<<< compat_enforce: ERROR · exit code 2 · cause: command not found: ruff (make: *** …) · 1.2 s` */
export function formatFooter(result: GuardrailResult): string {
  const parts = [`<<< ${result.key}: ${result.verdict.toUpperCase()}`, result.reason];
  if (!/exit code|signal/.test(result.reason)) {
    if (result.signal !== undefined) {
      parts.push(`signal ${result.signal}`);
    } else if (result.exitCode !== undefined) {
      parts.push(`exit code ${result.exitCode}`);
    }
  }
  if (result.cause !== undefined) {
    parts.push(`cause: ${result.cause}`);
  }
  parts.push(formatDuration(result.durationMs));
  return `${parts.join(' · ')}\n`;
}

/** `exit code 2; cause: command not found: ruff`: a result's reason with its cause, for summaries. */
export function reasonWithCause(result: Pick<GuardrailResult, 'reason' | 'cause'>): string {
  return result.cause !== undefined ? `${result.reason}; cause: ${result.cause}` : result.reason;
}

/** `512 KB`, `4 MB`, `1.5 GB`: an amount of output, for notices. */
export function formatSize(chars: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = chars;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded =
    unit === 0 || value >= 10 || Number.isInteger(value)
      ? Math.round(value)
      : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}
