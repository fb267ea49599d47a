/**
 * Text from the task file or GitHub as one line of Markdown in which no link, image, code span or
 * HTML can start (`[x](javascript:…)` stays those characters), pipes escaped for tables.
 */
export function cell(text: string | number | undefined): string {
  if (text === undefined || text === '') {
    return '—';
  }
  return String(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`[\]|]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function code(text: string | undefined): string {
  return text
    ? `\`${text
        .replace(/[\r\n]+/g, ' ')
        .replace(/`/g, "'")
        .replace(/\|/g, '\\|')}\``
    : '—';
}

export function table(headers: string[], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}
