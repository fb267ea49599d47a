/* eslint-disable no-control-regex -- finding control characters is what this module does */
/**
 * C0 controls but tab and newline, DEL, C1 controls, and the Unicode marks that reorder text on
 * screen (bidirectional overrides and isolates): what a task name, key or server message could use
 * to move the cursor, recolour, retitle or hide text in a terminal.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows each such character as `\uXXXX`: visible in text, and still the same string inside JSON.
 * A CR before a newline is dropped rather than shown.
 */
export function escapeControlChars(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
