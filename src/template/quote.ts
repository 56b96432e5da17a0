/**
 * Ports of the Go `strconv` and `fmt` quoting helpers the template parser needs: `Unquote`,
 * `UnquoteChar`, `Quote` (`%q`, `%.10q`) and `%#U`.
 *
 * @module
 */

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
const QUOTE_ESCAPES: Readonly<Record<number, string>> = { 7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v" };
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const HEX = /^[0-9a-fA-F]$/;

/** One decoded character of a quoted literal: a Unicode code point, or a raw byte (`\x`, octal). */
export interface UnquotedChar {
  /** The code point or byte value. */
  readonly value: number;
  /** True when `value` is a single byte rather than a code point. */
  readonly isByte: boolean;
  /** Index in the input just after the character. */
  readonly next: number;
}

/** Tells whether Go's `unicode.IsPrint` holds for a code point. */
export function isPrint(r: number): boolean {
  return r >= 0 && r <= 0x10ffff && PRINTABLE.test(String.fromCodePoint(r));
}

/**
 * Port of Go's `strconv.UnquoteChar`: decodes the character at `s[i]`, which is inside a
 * literal delimited by `quote`.
 *
 * @returns the character, or `null` for Go's `ErrSyntax`
 */
export function unquoteChar(s: string, i: number, quote: string): UnquotedChar | null {
  if (i >= s.length) return null;
  const c = s[i] as string;
  if (c === quote && (quote === "'" || quote === '"')) return null;
  if (c !== "\\") {
    const cp = s.codePointAt(i) as number;
    return { value: cp, isByte: false, next: i + (cp > 0xffff ? 2 : 1) };
  }
  if (i + 1 >= s.length) return null;
  const e = s[i + 1] as string;
  let j = i + 2;
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) return { value: simple, isByte: false, next: j };
  if (e === "x" || e === "u" || e === "U") {
    const n = e === "x" ? 2 : e === "u" ? 4 : 8;
    const digits = s.slice(j, j + n);
    if (digits.length < n || ![...digits].every((d) => HEX.test(d))) return null;
    const v = parseInt(digits, 16);
    j += n;
    if (e === "x") return { value: v, isByte: true, next: j };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
    return { value: v, isByte: false, next: j };
  }
  if (e >= "0" && e <= "7") {
    const digits = s.slice(j, j + 2);
    if (digits.length < 2 || !/^[0-7]{2}$/.test(digits)) return null;
    const v = parseInt(e + digits, 8);
    if (v > 255) return null;
    return { value: v, isByte: true, next: j + 2 };
  }
  if (e === "'" || e === '"') return e === quote ? { value: e.charCodeAt(0), isByte: false, next: j } : null;
  return null;
}

/**
 * Port of Go's `strconv.Unquote` for double-quoted and backquoted literals. Raw bytes from
 * `\x` and octal escapes are combined and decoded as UTF-8 (invalid sequences become U+FFFD).
 *
 * @returns the decoded string, or `null` for Go's `ErrSyntax`
 */
export function unquote(literal: string): string | null {
  const q = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== q) return null;
  const body = literal.slice(1, -1);
  if (q === "`") return body.includes("`") ? null : body.replace(/\r/g, "");
  if (q !== '"' || body.includes("\n")) return null;
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = unquoteChar(body, i, q);
    if (ch === null) return null;
    if (ch.isByte) bytes.push(ch.value);
    else for (const b of new TextEncoder().encode(String.fromCodePoint(ch.value))) bytes.push(b);
    i = ch.next;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * Go's `strconv.Quote` (the `%q` verb), optionally truncated to `maxRunes` code points first
 * as `%.10q` does.
 */
export function goQuote(s: string, maxRunes?: number): string {
  let out = '"';
  let count = 0;
  for (const ch of s) {
    if (maxRunes !== undefined && count++ >= maxRunes) break;
    const r = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (r >= 0xd800 && r <= 0xdfff) out += "\\ufffd";
    else if (isPrint(r)) out += ch;
    else if (QUOTE_ESCAPES[r] !== undefined) out += QUOTE_ESCAPES[r];
    else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`;
    else if (r < 0x10000) out += `\\u${hex(r, 4)}`;
    else out += `\\U${hex(r, 8)}`;
  }
  return `${out}"`;
}

/** Go's `%#U`: `U+0023 '#'` (the character is left out when it is not printable). */
export function formatRune(r: number): string {
  const code = `U+${r.toString(16).toUpperCase().padStart(4, "0")}`;
  return isPrint(r) ? `${code} '${String.fromCodePoint(r)}'` : code;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}
