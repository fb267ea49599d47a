/** `<timestamp>` in a guardrail's `output_path`, as the team's own scripts wrote it: UTC `20251016T053229Z`. */

export const TIMESTAMP_PLACEHOLDER = '<timestamp>';

export function formatRunTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function expandTimestamp(template: string, date: Date): string {
  return template.split(TIMESTAMP_PLACEHOLDER).join(formatRunTimestamp(date));
}
