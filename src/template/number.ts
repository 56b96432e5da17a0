/**
 * Numeric constants: a port of Go's `parse.newNumber` with the parts of `strconv.ParseInt`,
 * `ParseUint` and `ParseFloat` it relies on (Go literal syntax, base prefixes, underscores,
 * hexadecimal floats).
 *
 * @module
 */
import type { NumberNode } from "./ast-operands.js";
import { goQuote, unquoteChar } from "./quote.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

type NumberValues = Pick<NumberNode, "int64" | "uint64" | "float64">;

/**
 * Interprets a number or character-constant literal as Go does.
 *
 * @returns the exact interpretations, or Go's error message
 */
export function parseNumberLiteral(text: string, isChar: boolean): NumberValues | string {
  if (isChar) {
    const ch = unquoteChar(text, 1, "'");
    if (ch === null) return "invalid syntax";
    if (text.slice(ch.next) !== "'") return `malformed character constant: ${text}`;
    return { int64: BigInt(ch.value), uint64: BigInt(ch.value), float64: ch.value };
  }
  if (text.endsWith("i")) return `stagecraft does not support complex numbers: ${text}`;
  const u = parseUint(text);
  const i = parseInt64(text);
  let int64 = i;
  let uint64 = u;
  if (i === 0n) uint64 = u ?? 0n;
  if (int64 !== null) return only({ int64, uint64, float64: Number(int64) });
  if (uint64 !== null) return only({ int64: null, uint64, float64: Number(uint64) });
  const f = parseFloat64(text);
  if (f === null) return `illegal number syntax: ${goQuote(text)}`;
  if (!/[.eEpP]/.test(text)) return `integer overflow: ${goQuote(text)}`;
  int64 = Number.isInteger(f) && f >= -TWO_63 && f < TWO_63 ? BigInt(f) : null;
  uint64 = Number.isInteger(f) && f >= 0 && f < TWO_64 ? BigInt(f) : null;
  return only({ int64, uint64, float64: f });
}

function only(v: { int64: bigint | null; uint64: bigint | null; float64: number }): NumberValues {
  const out: { int64?: bigint; uint64?: bigint; float64: number } = { float64: v.float64 };
  if (v.int64 !== null) out.int64 = v.int64;
  if (v.uint64 !== null) out.uint64 = v.uint64;
  return out;
}

/** `strconv.ParseUint(s, 0, 64)`; `null` on any error. */
function parseUint(s: string): bigint | null {
  if (s === "") return null;
  let base = 10n;
  let digits = s;
  if (s[0] === "0") {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && (p === "x" || p === "o" || p === "b")) {
      base = p === "x" ? 16n : p === "o" ? 8n : 2n;
      digits = s.slice(2);
    } else {
      base = 8n;
      digits = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of digits) {
    if (c === "_") {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || BigInt(d) >= base) return null;
    n = n * base + BigInt(d);
    if (n > UINT64_MAX) return null;
  }
  if (underscores && !underscoreOK(s)) return null;
  return n;
}

/** `strconv.ParseInt(s, 0, 64)`; `null` on any error. */
function parseInt64(s: string): bigint | null {
  const neg = s[0] === "-";
  const u = parseUint(s[0] === "+" || neg ? s.slice(1) : s);
  if (u === null) return null;
  const v = neg ? -u : u;
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/** `strconv.ParseFloat(s, 64)` for the decimal and hexadecimal forms; `null` on any error. */
function parseFloat64(s: string): number | null {
  const dec = /^[+-]?(?=\.?[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?$/;
  const hex = /^([+-]?)0[xX]((?=\.?[0-9a-fA-F])[0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9][0-9_]*)$/;
  if (s.includes("_") && !underscoreOK(s)) return null;
  let v: number;
  const h = hex.exec(s);
  if (h !== null) {
    const int = (h[2] ?? "").replace(/_/g, "");
    const frac = (h[3] ?? "").replace(/_/g, "");
    const mant = BigInt(`0x${int}${frac}` === "0x" ? "0" : `0x${int}${frac}`);
    v = Number(mant) * 2 ** (Number((h[4] ?? "0").replace(/_/g, "")) - 4 * frac.length);
    if (h[1] === "-") v = -v;
  } else if (dec.test(s)) {
    v = Number(s.replace(/_/g, ""));
  } else {
    return null;
  }
  return Number.isFinite(v) ? v : null;
}

/** Go's `strconv.underscoreOK`: underscores only between digits (or after a base prefix). */
function underscoreOK(str: string): boolean {
  let s = str;
  let saw = "^";
  let i = 0;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  let hex = false;
  const p = s[1]?.toLowerCase();
  if (s.length >= 2 && s[0] === "0" && (p === "b" || p === "o" || p === "x")) {
    i = 2;
    saw = "0";
    hex = p === "x";
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    const lc = c.toLowerCase();
    if ((c >= "0" && c <= "9") || (hex && lc >= "a" && lc <= "f")) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}
