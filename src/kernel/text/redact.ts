const TOKEN_PATTERNS = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\b(authorization:\s*(?:token|bearer)\s+)\S+/gi,
];

/** Replaces the given secrets and anything shaped like a GitHub token with `***`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) {
      out = out.split(secret).join('***');
    }
  }
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, prefix?: string) =>
      typeof prefix === 'string' && match.toLowerCase().startsWith('authorization')
        ? `${prefix}***`
        : '***',
    );
  }
  return out;
}
