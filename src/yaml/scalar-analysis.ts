/**
 * go-yaml v2's scalar analysis (`emitterc.go`, `yaml_emitter_analyze_scalar`): which styles a
 * string may be written in.
 *
 * @module
 */

/**
 * The result of {@link analyzeScalar}.
 *
 * @example
 * ```ts
 * analyzeScalar([0x61]).blockPlainAllowed; // true
 * ```
 * @category Template
 */
export interface ScalarAnalysis {
  /** The text holds a line break. */
  readonly multiline: boolean;
  /** Plain style is allowed in block context. */
  readonly blockPlainAllowed: boolean;
  /** Single-quoted style is allowed. */
  readonly singleQuotedAllowed: boolean;
  /** Literal/folded block style is allowed. */
  readonly blockAllowed: boolean;
}

/**
 * Tells whether a code point is a YAML 1.1 line break: `\r`, `\n`, U+0085, U+2028, U+2029.
 *
 * @param c - a code point
 * @returns true for a line break
 * @example
 * ```ts
 * isBreak(0x85); // true
 * ```
 * @category Template
 */
export const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;

/**
 * go-yaml v2's `is_printable`, by code point: `\n`, 0x20–0x7E, U+00A0–U+D7FF,
 * U+E000–U+FFFD except U+FEFF (so every non-BMP character is non-printable).
 *
 * @param c - a code point
 * @returns true when go-yaml writes the character as is
 * @example
 * ```ts
 * isPrintable(0x1f600); // false
 * ```
 * @category Template
 */
export function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

const FIRST_INDICATORS = new Set([..."#,[]{}&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

/**
 * Analyses a scalar (as code points) the way go-yaml v2 does, for block context.
 *
 * @param cps - the scalar's code points
 * @returns what the emitter may use
 * @example
 * ```ts
 * analyzeScalar(Array.from("a: b", (c) => c.codePointAt(0)!)).blockPlainAllowed; // false
 * ```
 * @category Template
 */
export function analyzeScalar(cps: readonly number[]): ScalarAnalysis {
  const n = cps.length;
  if (n === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  if (n >= 3 && ((cps[0] === 0x2d && cps[1] === 0x2d && cps[2] === 0x2d) || (cps[0] === 0x2e && cps[1] === 0x2e && cps[2] === 0x2e))) {
    blockIndicators = true;
  }
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < n; i++) {
    const c = cps[i] as number;
    const followedByWhitespace = i + 1 >= n || isBlank(cps[i + 1]);
    if (i === 0) {
      if (FIRST_INDICATORS.has(c)) blockIndicators = true;
      else if ((c === 0x3f || c === 0x3a || c === 0x2d) && followedByWhitespace) blockIndicators = true;
    } else if (c === 0x3a && followedByWhitespace) blockIndicators = true;
    else if (c === 0x23 && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === 0;
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/**
 * Splits a string into code points (a lone surrogate stays one unit).
 *
 * @param text - the string
 * @returns its code points
 * @example
 * ```ts
 * codePoints("a😀"); // [0x61, 0x1f600]
 * ```
 * @category Template
 */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      out.push(cp);
    } else out.push(c);
  }
  return out;
}

/**
 * go-yaml's `check_simple_key` for a scalar key: no line break and at most 128 UTF-8 bytes.
 *
 * @param text - the key
 * @returns true when the key can be written as `key: value`
 * @example
 * ```ts
 * isSimpleKey("a\nb"); // false
 * ```
 * @category Template
 */
export function isSimpleKey(text: string): boolean {
  if (text.length <= 42 && /^[\x20-\x7e]*$/.test(text)) return true;
  let bytes = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (isBreak(c)) return false;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes <= 128;
}
