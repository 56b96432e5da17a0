/**
 * Character classes, delimiters and trim-marker helpers shared by the lexer's state functions
 * (from Go's `text/template/parse/lex.go`).
 *
 * @module
 */

/** The opening delimiter. */
export const LEFT_DELIM = "{{";
/** The closing delimiter. */
export const RIGHT_DELIM = "}}";
/** A trim marker plus the space next to it. */
export const TRIM_MARKER_LEN = 2;
/** What `next` returns at the end of the input. */
export const EOF = -1;
const ALNUM = /^[\p{L}\p{Nd}_]$/u;

/** Go's `isSpace`: space, tab, carriage return or newline. */
export function isSpace(r: number): boolean {
  return r === 32 || r === 9 || r === 13 || r === 10;
}

/** Go's `isAlphaNumeric`: underscore, Unicode letter or decimal digit. */
export function isAlphaNumeric(r: number): boolean {
  return r >= 0 && ALNUM.test(String.fromCodePoint(r));
}

/** Counts the occurrences of `ch` in `s`. */
export function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Tells whether `s[i:]` starts with a left trim marker (`-` then a space). */
export function hasLeftTrimMarker(s: string, i: number): boolean {
  return s[i] === "-" && isSpace(s.charCodeAt(i + 1));
}

/** Tells whether `s[i:]` starts with a right trim marker (a space then `-`). */
export function hasRightTrimMarker(s: string, i: number): boolean {
  return isSpace(s.charCodeAt(i)) && s[i + 1] === "-";
}

/** Length of the run of spaces starting at `from`. */
export function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i - from;
}

/** Length of the run of spaces ending at `to` (not before `from`). */
export function rightTrimLength(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(s.charCodeAt(i - 1))) i--;
  return to - i;
}
