/**
 * Code-point string helpers: jq lengths, indexes and slices count Unicode code points,
 * while JS strings are UTF-16.
 *
 * @module
 */

const SURROGATE = /[\ud800-\udfff]/;

/** Number of code points in `s`. */
export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Slice of `s` between code point positions `start` (inclusive) and `end` (exclusive). */
export function codePointSlice(s: string, start: number, end: number): string {
  if (!SURROGATE.test(s)) return s.slice(start, end);
  return Array.from(s).slice(start, end).join("");
}

/** Code point index of the UTF-16 offset `unit` in `s`. */
export function codePointIndex(s: string, unit: number): number {
  if (!SURROGATE.test(s)) return unit;
  return codePointLength(s.slice(0, unit));
}
