/**
 * More of sprig v3.3.0's pure functions: list utilities, type inspection, rounding and the
 * `must*` aliases (a panic and an error read the same in a template error).
 *
 * @module
 */
import { type FunctionMap, type GoFunction, goFunction } from "./function-map.js";
import { compareStrings } from "./go-fmt-value.js";
import { SPRIG_COLLECTION_FUNCTIONS } from "./sprig-collections.js";
import { SPRIG_STRING_FUNCTIONS } from "./sprig-strings.js";
import { asList, isEmpty, strval, toFloat64 } from "./sprig-convert.js";
import { GoBytes, GoObject, JsonNumber, goTypeName, isGoMap } from "./values.js";
import { checkValueLength } from "./state.js";

type Dict = Record<string, unknown>;

/** Go's `reflect.DeepEqual` on template values. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a instanceof JsonNumber || b instanceof JsonNumber) return a instanceof JsonNumber && b instanceof JsonNumber && a.text === b.text;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isGoMap(a) || isGoMap(b)) {
    if (!isGoMap(a) || !isGoMap(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return a === b;
}

/**
 * goutils' `DeleteWhiteSpace`, which reads the string byte by byte: a byte of a multi-byte
 * character becomes the Latin-1 character of that value (and bytes 0x85 and 0xA0 count as
 * white space), exactly as Go's `nospace` mangles non-ASCII text; text without white space
 * comes back unchanged.
 */
function deleteWhiteSpace(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let out = "";
  let kept = 0;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (!/[\t\n\v\f\r \u0085\u00a0]/.test(ch)) {
      out += ch;
      kept++;
    }
  }
  return kept === bytes.length ? s : out;
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return "invalid";
  if (typeof v === "string" || v instanceof JsonNumber) return "string";
  if (typeof v === "bigint") return "int";
  if (typeof v === "number") return "float64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v) || v instanceof GoBytes) return "slice";
  if (typeof v === "function") return "func";
  if (v instanceof GoObject) return v.goKind;
  return "map";
}

function slices(v: unknown, what: string): readonly unknown[] {
  return asList(v, what);
}

function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (step === 0n) return out;
  if ((stop < start && step < 0n) || (start < stop && step > 0n)) checkValueLength("untilStep", (stop - start) / step);
  if (stop < start && step < 0n) for (let i = start; i > stop; i += step) out.push(i);
  else if (start < stop && step > 0n) for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

function round(a: unknown, p: bigint, ...rOpt: number[]): number {
  const roundOn = rOpt[0] ?? 0.5;
  const pow = 10 ** Number(p);
  const digit = pow * toFloat64(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

function dig(...ps: unknown[]): unknown {
  if (ps.length < 3) throw new Error("dig needs at least three arguments");
  const dict = ps[ps.length - 1];
  const def = ps[ps.length - 2];
  const keys = ps.slice(0, -2).map((k) => {
    if (typeof k !== "string") throw new Error(`interface conversion: interface {} is ${goTypeName(k)}, not string`);
    return k;
  });
  let cur: unknown = dict;
  for (const k of keys) {
    if (!isGoMap(cur)) throw new Error(`interface conversion: interface {} is ${goTypeName(cur)}, not map[string]interface {}`);
    if (!Object.hasOwn(cur, k)) return def;
    cur = cur[k];
  }
  return cur;
}

const list = (f: (l: readonly unknown[], ...rest: never[]) => unknown, what: string): GoFunction =>
  goFunction(["any"], (l: unknown, ...rest: never[]) => f(slices(l, what), ...rest), "any");

/**
 * The additional sprig functions (lists, type inspection, rounding).
 *
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_MORE_FUNCTIONS, "dig"); // true
 * ```
 * @category Template
 */
export const SPRIG_MORE_FUNCTIONS: FunctionMap = {
  nospace: goFunction(["string"], deleteWhiteSpace),
  plural: goFunction(["string", "string", "int"], (one: string, many: string, n: bigint) => (n === 1n ? one : many)),
  compact: list((l) => l.filter((x) => !isEmpty(x)), "compact"),
  uniq: list((l) => l.filter((x, i) => l.findIndex((y) => deepEqual(x, y)) === i), "find uniq"),
  without: goFunction(["any"], (l: unknown, ...omit: unknown[]) => slices(l, "find without").filter((x) => !omit.some((o) => deepEqual(x, o))), "any"),
  has: goFunction(["any", "any"], (needle: unknown, hay: unknown) => (hay === null ? false : slices(hay, "find has").some((x) => deepEqual(x, needle)))),
  concat: goFunction([], (...ls: unknown[]) => ls.flatMap((l) => {
    if (!Array.isArray(l)) throw new Error(`Cannot concat type ${kindOf(l)} as list`);
    return l;
  }), "any"),
  sortAlpha: goFunction(["any"], (v: unknown) => (Array.isArray(v) ? v.filter((x) => x !== null).map(strval) : [strval(v)]).sort(compareStrings)),
  untilStep: goFunction(["int", "int", "int"], untilStep),
  toDecimal: goFunction(["any"], (v: unknown) => {
    const text = strval(v);
    if (!/^[+-]?[0-7]+$/.test(text)) return 0n;
    const n = BigInt(`0o${text.replace(/^[+-]/, "")}`);
    const signed = text.startsWith("-") ? -n : n;
    return signed >= -(1n << 63n) && signed < 1n << 63n ? signed : 0n;
  }),
  splitn: goFunction(["string", "int", "string"], (sep: string, n: bigint, s: string) => {
    const parts = s.split(sep);
    const k = Number(n);
    const kept = k < 0 || parts.length <= k ? parts : [...parts.slice(0, k - 1), parts.slice(k - 1).join(sep)];
    return Object.fromEntries((k === 0 ? [] : kept).map((p, i) => [`_${i}`, p]));
  }),
  typeOf: goFunction(["any"], (v: unknown) => goTypeName(v)),
  kindOf: goFunction(["any"], kindOf),
  kindIs: goFunction(["string", "any"], (t: string, v: unknown) => kindOf(v) === t),
  typeIs: goFunction(["string", "any"], (t: string, v: unknown) => goTypeName(v) === t),
  deepEqual: goFunction(["any", "any"], deepEqual),
  dig: goFunction([], dig, "any"),
  pick: goFunction(["map"], (d: Dict | null, ...ks: string[]) => Object.fromEntries(ks.filter((k) => d !== null && Object.hasOwn(d, k)).map((k) => [k, (d as Dict)[k]])), "string"),
  omit: goFunction(["map"], (d: Dict | null, ...ks: string[]) => Object.fromEntries(Object.entries(d ?? {}).filter(([k]) => !ks.includes(k))), "string"),
  tuple: goFunction([], (...v: unknown[]) => v, "any"),
  fail: goFunction(["string"], (msg: string) => {
    throw new Error(msg);
  }),
  ceil: goFunction(["any"], (a: unknown) => Math.ceil(toFloat64(a))),
  floor: goFunction(["any"], (a: unknown) => Math.floor(toFloat64(a))),
  round: goFunction(["any", "int"], round, "float64"),
  maxf: goFunction(["any"], (a: unknown, ...v: unknown[]) => v.reduce<number>((m, x) => Math.max(m, toFloat64(x)), toFloat64(a)), "any"),
  minf: goFunction(["any"], (a: unknown, ...v: unknown[]) => v.reduce<number>((m, x) => Math.min(m, toFloat64(x)), toFloat64(a)), "any"),
};

const MUST_ALIASES = ["first", "last", "rest", "initial", "reverse", "append", "prepend", "slice"] as const;

const must = (n: string): string => `must${n.slice(0, 1).toUpperCase()}${n.slice(1)}`;
const MUST_ENTRIES: [string, FunctionMap[string] | undefined][] = [
  ...MUST_ALIASES.map((n): [string, FunctionMap[string] | undefined] => [must(n), SPRIG_COLLECTION_FUNCTIONS[n]]),
  ...["compact", "uniq", "without", "has"].map((n): [string, FunctionMap[string] | undefined] => [must(n), SPRIG_MORE_FUNCTIONS[n]]),
  ["biggest", SPRIG_STRING_FUNCTIONS["max"]],
];

/**
 * `mustFirst`, `mustCompact`, … and `biggest` (same behaviour as the plain names inside a
 * template, where a panic and an error read alike).
 *
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_MUST_FUNCTIONS, "mustFirst"); // true
 * ```
 * @category Template
 */
export const SPRIG_MUST_FUNCTIONS: FunctionMap = Object.fromEntries(
  MUST_ENTRIES.filter((e): e is [string, FunctionMap[string]] => e[1] !== undefined),
);
