/**
 * JSON text put back on one line, as a one-line object was before an edit added members or items
 * that jsonc-parser laid out over several lines. Only the line breaks and the indentation after
 * them are removed (outside strings); a comma gets the space the original put after its commas.
 */
export function collapseToOneLine(text: string, spaceAfterComma: boolean): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[++i] ?? '';
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      continue;
    }
    if (char === '\r' || char === '\n') {
      while (i + 1 < text.length && /[ \t\r\n]/.test(text[i + 1])) {
        i++;
      }
      const previous = out[out.length - 1];
      if (previous === ',' && spaceAfterComma) {
        out += ' ';
      }
      continue;
    }
    out += char;
  }
  return out;
}

/** Whether a one-line object puts a space after its commas (`{"a": 1, "b": 2}`); yes by default. */
export function spacesAfterCommas(oneLineText: string): boolean {
  return !/,"/.test(oneLineText) || /, "/.test(oneLineText);
}
