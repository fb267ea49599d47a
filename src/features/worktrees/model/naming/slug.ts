const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lowercase ASCII slug of free text: letters and digits joined by single
 * dashes, never starting or ending with a dash, at most `maxLength` long.
 * Text with no usable characters gives `fallback`.
 */
export function slugify(text: string, maxLength = 40, fallback = 'task'): string {
  const ascii = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  const dashed = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const cut = truncateAtDash(dashed, maxLength);
  return cut || fallback;
}

function truncateAtDash(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) {
    return slug;
  }
  const head = slug.slice(0, maxLength);
  const lastDash = head.lastIndexOf('-');
  const cut = lastDash >= maxLength / 2 ? head.slice(0, lastDash) : head;
  return cut.replace(/-+$/g, '');
}
