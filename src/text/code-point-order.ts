/**
 * String order by Unicode code point: the byte order of the strings' UTF-8 forms, which is how Go
 * (and so gojq, text/template and encoding/json) compares and sorts strings.
 *
 * @module
 */

/**
 * Compares strings by code point (the byte order of their UTF-8 forms, as Go sorts map keys).
 *
 * @param a - first string
 * @param b - second string
 * @returns negative, zero or positive like any sort comparator
 * @example
 * ```ts
 * ["\uffff", "😀"].sort(compareCodePoints); // ["\uffff", "😀"] (UTF-16 order would swap them)
 * ```
 * @category Template
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // surrogates (astral code points) sort after the rest of the BMP
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}
