/**
 * Repairs text that was UTF-8, decoded once as Windows-1252 (or its Turkish sibling 1254) and
 * saved again as UTF-8: `âœ…` back to `✅`, `â€“` to `–`. A sequence whose bytes were lost on the
 * way (`ğŸ¯`, once an emoji) cannot be repaired and is dropped.
 */

/** Characters Windows-1252/1254 put at bytes 0x80–0x9F and the Turkish letters of 1254. */
const SPECIAL_BYTES: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
  Ğ: 0xd0,
  İ: 0xdd,
  Ş: 0xde,
  ğ: 0xf0,
  ı: 0xfd,
  ş: 0xfe,
};

/**
 * A run that starts with a UTF-8 lead byte and goes on with bytes that could follow it: Â-ô and
 * ĞğİıŞş, then 0x80-0xBF and what Windows-1252 shows for 0x80-0x9F (Š Œ Ž š œ ž Ÿ ƒ ˆ ˜ € ‚ „ … † ‡
 * ‰ ‹ ‘ ’ “ ” • – — ™ ›). Escaped, so the release bundles stay Latin-1 (see esbuild.js).
 */
const SUSPECT_RUN =
  /[\u00c2-\u00f4\u011e\u011f\u0130\u0131\u015e\u015f][\u0080-\u00bf\u0160\u0152\u017d\u0161\u0153\u017e\u0178\u0192\u02c6\u02dc\u20ac\u201a\u201e\u2026\u2020\u2021\u2030\u2039\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2122\u203a]+/g;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function repairMojibake(text: string): string {
  if (!/[\u0080-\u00ff\u0130\u0131\u011e\u011f\u015e\u015f]/.test(text)) {
    return text;
  }
  return text.replace(SUSPECT_RUN, (run) => {
    const bytes: number[] = [];
    for (const char of run) {
      const code = SPECIAL_BYTES[char] ?? char.charCodeAt(0);
      if (code > 0xff) {
        return run;
      }
      bytes.push(code);
    }
    try {
      return decoder.decode(Uint8Array.from(bytes));
    } catch {
      return '';
    }
  });
}
