/**
 * Redaction of credentials from every text the Kubernetes adapter produces (error messages,
 * debug logs): bearer tokens, basic-auth passwords, client keys and whatever an exec plugin
 * returned are replaced by `[REDACTED]`.
 *
 * @module
 */

/** What replaces a credential. */
export const REDACTED = "[REDACTED]";

const PATTERNS: readonly RegExp[] = [
  // Authorization header values, wherever they appear
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
  /("?(?:authorization|token|password|client-key-data|keyData|access-token|id-token|refresh-token)"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,}]+)/gi,
  // PEM private keys
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/**
 * Removes credentials from texts: known secret values (added as they become known, e.g. a token
 * returned by an exec plugin) and anything shaped like one (`Bearer …`, `"token": "…"`, PEM keys).
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /**
   * Remembers secret values (also their base64 form, as in Basic auth headers and kubeconfig
   * `*-data` fields). Values shorter than 4 characters are ignored (they would redact noise).
   *
   * @param values - the secrets
   */
  add(...values: readonly (string | Buffer | undefined | null)[]): void {
    for (const value of values) {
      if (value === undefined || value === null) continue;
      const text = typeof value === "string" ? value : value.toString("utf8");
      for (const candidate of [text, text.trim(), Buffer.from(text).toString("base64")]) {
        if (candidate.length >= 4) this.secrets.add(candidate);
      }
    }
  }

  /**
   * Returns `text` with every known secret and credential-shaped substring replaced.
   *
   * @param text - any text
   * @returns the redacted text
   */
  redact(text: string): string {
    let out = text;
    // longest first, so a secret containing another is removed whole
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
    for (const pattern of PATTERNS) {
      out = out.replace(pattern, (match: string, prefix?: string) => (typeof prefix === "string" && /[:=]\s*$/.test(prefix) ? `${prefix}${REDACTED}` : REDACTED));
    }
    return out;
  }
}
