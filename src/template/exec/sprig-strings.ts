/**
 * Sprig v3.3.0's pure string, conversion, math and encoding functions.
 *
 * @module
 */
import { goQuote } from "../quote.js";
import { type FunctionMap, goFunction } from "./function-map.js";
import { formatValue } from "./go-fmt-value.js";
import { goJsonMarshal } from "./go-json.js";
import { strval, toFloat64, toInt64 } from "./sprig-convert.js";
import { goToLower, goToUpper } from "./sprig-go-unicode.js";
import { checkValueLength } from "./state.js";


const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

function trimCutset(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (left && a < b && set.has(chars[a] as string)) a++;
  while (right && b > a && set.has(chars[b - 1] as string)) b--;
  return chars.slice(a, b).join("");
}

function title(s: string): string {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    const sep = !/[\p{L}\p{N}_]/u.test(prev);
    out += sep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function fromJsonValue(v: unknown): unknown {
  if (typeof v === "number") return v;
  if (Array.isArray(v)) return v.map(fromJsonValue);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJsonValue(x)]));
  return v;
}

function b64dec(s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return `illegal base64 data at input byte ${Math.max(0, s.search(/[^A-Za-z0-9+/=]/))}`;
  return dec.decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));
}

function seq(...params: bigint[]): string {
  const [a, b, c] = params;
  let start = 1n;
  let end = 0n;
  let step = 1n;
  if (params.length === 0) return "";
  if (params.length === 1) end = a as bigint;
  else if (params.length === 2) [start, end] = [a as bigint, b as bigint];
  else if (params.length === 3) [start, step, end] = [a as bigint, b as bigint, c as bigint];
  else return "";
  if (params.length < 3) step = end < start ? -1n : 1n;
  const out: bigint[] = [];
  if (step === 0n) return "";
  if ((step > 0n && end >= start) || (step < 0n && end <= start)) checkValueLength("seq", (end - start) / step + 1n);
  if (step > 0n) for (let i = start; i <= end; i += step) out.push(i);
  else for (let i = start; i >= end; i += step) out.push(i);
  return out.join(" ");
}

/** Bounds `indent`/`nindent`: the padding is repeated once per line. */
function checkIndent(fn: string, n: bigint, s: string): void {
  if (n <= 0n) return;
  let lines = 1n;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) lines++;
  checkValueLength(fn, n * lines + BigInt(s.length));
}

function divide(a: unknown, b: unknown, op: "div" | "mod"): bigint {
  const x = toInt64(a);
  const y = toInt64(b);
  if (y === 0n) throw new Error("runtime error: integer divide by zero");
  return op === "div" ? x / y : x % y;
}

/**
 * The implemented sprig string, conversion, math and encoding functions.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_STRING_FUNCTIONS, "upper"); // true
 * ```
 * @category Template
 */
export const SPRIG_STRING_FUNCTIONS: FunctionMap = {
  trim: goFunction(["string"], (s: string) => s.replace(GO_SPACE, "")),
  trimAll: goFunction(["string", "string"], (a: string, s: string) => trimCutset(s, a, true, true)),
  trimall: goFunction(["string", "string"], (a: string, s: string) => trimCutset(s, a, true, true)),
  trimPrefix: goFunction(["string", "string"], (a: string, s: string) => (s.startsWith(a) ? s.slice(a.length) : s)),
  trimSuffix: goFunction(["string", "string"], (a: string, s: string) => (a !== "" && s.endsWith(a) ? s.slice(0, s.length - a.length) : s)),
  upper: goFunction(["string"], (s: string) => Array.from(s, goToUpper).join("")),
  lower: goFunction(["string"], (s: string) => Array.from(s, goToLower).join("")),
  title: goFunction(["string"], title),
  replace: goFunction(["string", "string", "string"], (o: string, n: string, s: string) => (o === "" ? Array.from(s).map((c) => n + c).join("") + n : s.split(o).join(n))),
  contains: goFunction(["string", "string"], (sub: string, s: string) => s.includes(sub)),
  hasPrefix: goFunction(["string", "string"], (sub: string, s: string) => s.startsWith(sub)),
  hasSuffix: goFunction(["string", "string"], (sub: string, s: string) => s.endsWith(sub)),
  quote: goFunction([], (...v: unknown[]) => v.filter((x) => x !== null).map((x) => goQuote(strval(x))).join(" "), "any"),
  squote: goFunction([], (...v: unknown[]) => v.filter((x) => x !== null).map((x) => `'${strval(x)}'`).join(" "), "any"),
  cat: goFunction([], (...v: unknown[]) => v.filter((x) => x !== null).map(formatValue).join(" "), "any"),
  indent: goFunction(["int", "string"], (n: bigint, s: string) => {
    checkIndent("indent", n, s);
    return " ".repeat(Number(n)) + s.replaceAll("\n", `\n${" ".repeat(Number(n))}`);
  }),
  nindent: goFunction(["int", "string"], (n: bigint, s: string) => {
    checkIndent("nindent", n, s);
    return `\n${" ".repeat(Number(n))}${s.replaceAll("\n", `\n${" ".repeat(Number(n))}`)}`;
  }),
  repeat: goFunction(["int", "string"], (n: bigint, s: string) => {
    if (n > 0n) checkValueLength("repeat", n * BigInt(s.length));
    return s.repeat(Math.max(0, Number(n)));
  }),
  substr: goFunction(["int", "int", "string"], (a: bigint, b: bigint, s: string) => {
    const u = bytes(s);
    const len = BigInt(u.length);
    const bounds = (lo: string, hi: string, extra = ""): never => {
      throw new Error(`runtime error: slice bounds out of range [${lo}:${hi}]${extra}`);
    };
    if (a < 0n) {
      if (b < 0n) bounds("", String(b));
      if (b > len) bounds("", String(b), ` with length ${len}`);
      return dec.decode(u.slice(0, Number(b)));
    }
    if (b < 0n || b > len) {
      if (a > len) bounds(String(a), String(len));
      return dec.decode(u.slice(Number(a)));
    }
    if (a > b) bounds(String(a), String(b));
    return dec.decode(u.slice(Number(a), Number(b)));
  }),
  trunc: goFunction(["int", "string"], (c: bigint, s: string) => {
    const u = bytes(s);
    const n = Number(c);
    if (n < 0 && u.length + n > 0) return dec.decode(u.slice(u.length + n));
    if (n >= 0 && u.length > n) return dec.decode(u.slice(0, n));
    return s;
  }),
  toString: goFunction(["any"], strval),
  toJson: goFunction(["any"], (v: unknown) => {
    try {
      return goJsonMarshal(v);
    } catch {
      return "";
    }
  }),
  fromJson: goFunction(["string"], (s: string) => {
    try {
      return fromJsonValue(JSON.parse(s) as unknown);
    } catch {
      return null;
    }
  }),
  atoi: goFunction(["string"], (s: string) => (/^[+-]?\d+$/.test(s) ? BigInt(s) : 0n)),
  int: goFunction(["any"], toInt64),
  int64: goFunction(["any"], toInt64),
  float64: goFunction(["any"], toFloat64),
  add: goFunction([], (...v: unknown[]) => v.reduce<bigint>((a, x) => a + toInt64(x), 0n), "any"),
  add1: goFunction(["any"], (v: unknown) => toInt64(v) + 1n),
  sub: goFunction(["any", "any"], (a: unknown, b: unknown) => toInt64(a) - toInt64(b)),
  mul: goFunction(["any"], (a: unknown, ...v: unknown[]) => v.reduce<bigint>((p, x) => p * toInt64(x), toInt64(a)), "any"),
  div: goFunction(["any", "any"], (a: unknown, b: unknown) => divide(a, b, "div")),
  mod: goFunction(["any", "any"], (a: unknown, b: unknown) => divide(a, b, "mod")),
  max: goFunction(["any"], (a: unknown, ...v: unknown[]) => v.reduce<bigint>((m, x) => (toInt64(x) > m ? toInt64(x) : m), toInt64(a)), "any"),
  min: goFunction(["any"], (a: unknown, ...v: unknown[]) => v.reduce<bigint>((m, x) => (toInt64(x) < m ? toInt64(x) : m), toInt64(a)), "any"),
  b64enc: goFunction(["string"], (s: string) => btoa(String.fromCharCode(...bytes(s)))),
  b64dec: goFunction(["string"], b64dec),
  seq: goFunction([], seq, "int"),
  until: goFunction(["int"], (n: bigint) => {
    checkValueLength("until", n < 0n ? -n : n);
    const out: bigint[] = [];
    if (n >= 0n) for (let i = 0n; i < n; i++) out.push(i);
    else for (let i = 0n; i > n; i--) out.push(i);
    return out;
  }),
};

