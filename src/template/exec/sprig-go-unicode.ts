/**
 * Go's `unicode` predicates and simple case mappings on single code points, as sprig's
 * helpers (goutils, xstrings) use them.
 *
 * @module
 */

const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

/**
 * Go's `unicode.IsSpace`.
 * @param ch - one code point
 * @returns whether Go treats it as white space
 * @example
 * ```ts
 * isGoSpace("\u00a0"); // true
 * ```
 * @category Template
 */
export function isGoSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/**
 * Go's `unicode.ToUpper` (a simple mapping: `ß` stays `ß`).
 * @param ch - one code point
 * @returns the upper-case code point
 * @example
 * ```ts
 * goToUpper("é"); // "É"
 * ```
 * @category Template
 */
export function goToUpper(ch: string): string {
  const u = ch.toUpperCase();
  return Array.from(u).length === 1 ? u : ch;
}

/**
 * Go's `unicode.ToLower` (a simple mapping).
 * @param ch - one code point
 * @returns the lower-case code point
 * @example
 * ```ts
 * goToLower("É"); // "é"
 * ```
 * @category Template
 */
export function goToLower(ch: string): string {
  if (ch === "\u0130") return "i";
  const l = ch.toLowerCase();
  return Array.from(l).length === 1 ? l : ch;
}

/**
 * Go's `unicode.IsUpper`.
 * @param ch - one code point
 * @returns whether it is an upper-case letter
 * @example
 * ```ts
 * isGoUpper("A"); // true
 * ```
 * @category Template
 */
export function isGoUpper(ch: string): boolean {
  return /^\p{Lu}$/u.test(ch);
}

/**
 * Go's `unicode.IsLower`.
 * @param ch - one code point
 * @returns whether it is a lower-case letter
 * @example
 * ```ts
 * isGoLower("a"); // true
 * ```
 * @category Template
 */
export function isGoLower(ch: string): boolean {
  return /^\p{Ll}$/u.test(ch);
}

/**
 * Go's `unicode.IsTitle`.
 * @param ch - one code point
 * @returns whether it is a title-case letter
 * @example
 * ```ts
 * isGoTitle("ǅ"); // true
 * ```
 * @category Template
 */
export function isGoTitle(ch: string): boolean {
  return /^\p{Lt}$/u.test(ch);
}
