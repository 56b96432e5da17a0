/**
 * Sprig's goutils-based text helpers `abbrev abbrevboth initials wrap wrapWith`, which work on
 * the UTF-8 bytes of their input as goutils does.
 *
 * @module
 */
import { isGoSpace } from "./sprig-go-unicode.js";

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytesOf = (s: string): Uint8Array => enc.encode(s);
const text = (b: Uint8Array): string => dec.decode(b);

/**
 * goutils' `AbbreviateFull` (errors as the text sprig swallows them into: `""`).
 * @param str - the text
 * @param offset - the left edge
 * @param maxWidth - the maximum width in bytes
 * @returns the abbreviated text
 * @example
 * ```ts
 * abbreviateFull("Now is the time for all good men", 5, 20); // "...is the time fo..."
 * ```
 * @category Template
 */
export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  const b = bytesOf(str);
  if (b.length === 0 || maxWidth < 4) return "";
  if (b.length <= maxWidth) return str;
  let off = Math.min(offset, b.length);
  if (b.length - off < maxWidth - 3) off = b.length - (maxWidth - 3);
  if (off <= 4) return `${text(b.slice(0, maxWidth - 3))}...`;
  if (maxWidth < 7) return "";
  if (off + maxWidth - 3 < b.length) return `...${abbreviateFull(text(b.slice(off)), 0, maxWidth - 3)}`;
  return `...${text(b.slice(b.length - (maxWidth - 3)))}`;
}

/**
 * Sprig's `abbrev width s`.
 * @param width - the maximum width
 * @param s - the text
 * @returns the text, abbreviated with `...` when longer than width
 * @example
 * ```ts
 * abbrev(5n, "hello world"); // "he..."
 * ```
 * @category Template
 */
export function abbrev(width: bigint, s: string): string {
  return width < 4n ? s : abbreviateFull(s, 0, Number(width));
}

/**
 * Sprig's `abbrevboth left right s`.
 * @param left - the left edge
 * @param right - the maximum width
 * @param s - the text
 * @returns the text abbreviated on both sides
 * @example
 * ```ts
 * abbrevboth(5n, 10n, "1234 5678 9123"); // "...5678..."
 * ```
 * @category Template
 */
export function abbrevboth(left: bigint, right: bigint, s: string): string {
  if (right < 4n || (left > 0n && right < 7n)) return s;
  return abbreviateFull(s, Number(left), Number(right));
}

/**
 * goutils' `Initials`: the first byte of every white-space separated word (a byte of a
 * multi-byte character becomes the Latin-1 character of that value, as in Go).
 * @param s - the text
 * @returns the initials
 * @example
 * ```ts
 * initials("John Doe"); // "JD"
 * ```
 * @category Template
 */
export function initials(s: string): string {
  let gap = true;
  let out = "";
  for (const byte of bytesOf(s)) {
    const ch = String.fromCharCode(byte);
    if (isGoSpace(ch)) gap = true;
    else if (gap) {
      out += ch;
      gap = false;
    }
  }
  return out;
}

/**
 * goutils' `WrapCustom`: wraps at spaces so that lines are at most `wrapLength` bytes.
 * @param str - the text
 * @param wrapLength - the column to wrap at (less than 1 counts as 1)
 * @param newLine - the line separator (`""` means `\n`)
 * @param wrapLong - whether words longer than a line are cut
 * @returns the wrapped text
 * @example
 * ```ts
 * wrapCustom("hello world", 5, "", false); // "hello\nworld"
 * ```
 * @category Template
 */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLong: boolean): string {
  if (str === "") return "";
  const nl = newLine === "" ? "\n" : newLine;
  const width = Math.max(1, wrapLength);
  const b = bytesOf(str);
  const SP = 0x20;
  const parts: Uint8Array[] = [];
  const nlBytes = bytesOf(nl);
  let offset = 0;
  while (b.length - offset > width) {
    if (b[offset] === SP) {
      offset++;
      continue;
    }
    const end = Math.min(width + offset + 1, b.length);
    const space = b.slice(offset, end).lastIndexOf(SP);
    if (space >= 0) {
      parts.push(b.slice(offset, offset + space), nlBytes);
      offset += space + 1;
    } else if (wrapLong) {
      parts.push(b.slice(offset, offset + width), nlBytes);
      offset += width;
    } else {
      const e = width + offset;
      const index = b.slice(e).indexOf(SP);
      if (index === -1) {
        parts.push(b.slice(offset));
        offset = b.length;
      } else {
        parts.push(b.slice(offset, index + e), nlBytes);
        offset = index + e + 1;
      }
    }
  }
  parts.push(b.slice(offset));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return text(out);
}
