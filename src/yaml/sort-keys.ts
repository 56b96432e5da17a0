/**
 * go-yaml v2's map key order for string keys (`sorter.go`, `keyList.Less`).
 *
 * @module
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

const isLetter = (c: string): boolean => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c > "\x7f" && LETTER.test(c));
const isDigit = (c: string): boolean => (c >= "0" && c <= "9") || (c > "\x7f" && DIGIT.test(c));
const ASCII_WORD = /^[A-Za-z._/-]*$/;

/** Go's int64 accumulation `n = n*10 + (r - '0')`, wrapping like Go on overflow. */
function digitRun(r: readonly string[], from: number, seed: bigint): { end: number; value: bigint } {
  let n = seed;
  let end = from;
  for (; end < r.length && isDigit(r[end] as string); end++) {
    n = BigInt.asIntN(64, n * 10n + BigInt((r[end] as string).codePointAt(0)! - 48));
  }
  return { end, value: n };
}

/**
 * Compares two map keys as go-yaml v2 orders them: letters by code point, a non-letter before
 * a letter, digit runs by numeric value (`a9` before `a10`), a prefix first.
 *
 * @param a - first key
 * @param b - second key
 * @returns negative when `a` sorts first, positive when `b` does, 0 when equal
 * @example
 * ```ts
 * ["a10", "a9", "B", "a"].sort(compareGoYamlKeys); // ["B", "a", "a9", "a10"]
 * ```
 * @category Template
 */
export function compareGoYamlKeys(a: string, b: string): number {
  if (a === b) return 0;
  return goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0;
}

function goYamlKeyLess(a: string, b: string): boolean {
  // letters and ASCII punctuation only: the rules reduce to "non-letter first, then code point"
  if (ASCII_WORD.test(a) && ASCII_WORD.test(b)) return asciiLess(a, b);
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] as string;
    const y = br[i] as string;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x.codePointAt(0)! < y.codePointAt(0)!;
    if (al || bl) return bl;
    let seed = 0n;
    if (x === "0" || y === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] as string); j--) {
        if (ar[j] !== "0") {
          seed = 1n;
          break;
        }
      }
    }
    const an = digitRun(ar, i, seed);
    const bn = digitRun(br, i, seed);
    if (an.value !== bn.value) return an.value < bn.value;
    if (an.end !== bn.end) return an.end < bn.end;
    return x.codePointAt(0)! < y.codePointAt(0)!;
  }
  return ar.length < br.length;
}

function asciiLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const al = (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a;
    const bl = (y | 0x20) >= 0x61 && (y | 0x20) <= 0x7a;
    if (al === bl) return x < y;
    return bl;
  }
  return a.length < b.length;
}
